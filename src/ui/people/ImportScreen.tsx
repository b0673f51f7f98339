// /people/import — a coordinator brings people in from a spreadsheet: choose the file, say what each
// column holds (guessed from the headers), see every row's problems, import the good rows in one step,
// download the refused ones with the reason beside each.
import { useLocation } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import { listCommunities, useLiveQuery } from '../../db';
import { importPeople } from '../../db/people-import';
import { localDay } from '../../domain/days';
import { exportFileName } from '../../domain/export-table';
import {
  IMPORT_FIELDS, checkImportRows, guessColumns, refusedRowsTable, summarise, type CheckedRow, type ColumnMap, type ImportField,
} from '../../domain/people-import';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { FileButton, FormError, SelectField } from '../components/fields';
import { Loading, Page } from '../components/page';
import { downloadCsv } from '../reports/download';
import { describeSaveError } from '../save-error';
import './people.css';

/** Rows shown in the preview; the summary counts them all. */
const PREVIEW_ROWS = 20;

interface LoadedFile {
  name: string;
  rows: string[][];
}

export function ImportScreen() {
  const { db } = useServices();
  const { query } = useLocation();
  const back = query.community ? `/communities/${query.community}/participants` : '/';
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  if (session.value?.user.role !== 'coordinator') {
    return <Page title={t('import.title')} back={back}><p class="notice">{t('import.onlyCoordinators')}</p></Page>;
  }
  if (communities === undefined) return <Page title={t('import.title')} back={back}><Loading /></Page>;
  const known = communities.some((community) => community.id === query.community) ? query.community ?? null : null;
  return (
    <Page title={t('import.title')} back={back}>
      <ImportFlow communities={communities} defaultCommunityId={known} />
    </Page>
  );
}

interface ImportFlowProps {
  communities: readonly { id: string; name: string }[];
  defaultCommunityId: string | null;
}

function ImportFlow({ communities, defaultCommunityId }: ImportFlowProps) {
  const { db, notebook } = useServices();
  const people = useLiveQuery(() => db.participants.toArray(), [db]);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [columns, setColumns] = useState<ColumnMap>([]);
  const [homeId, setHomeId] = useState<string>(defaultCommunityId ?? '');
  const [reading, setReading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [done, setDone] = useState<{ imported: number; refused: CheckedRow[] } | null>(null);

  const choose = async (files: File[]) => {
    const chosen = files[0];
    if (!chosen) return;
    setReading(true);
    setProblem(null);
    setDone(null);
    try {
      const { readImportFile } = await import('../../domain/import-file');
      const rows = await readImportFile(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
      if (rows.length < 2) {
        setFile(null);
        setProblem(t('import.empty'));
      } else {
        setFile({ name: chosen.name, rows });
        setColumns(guessColumns(rows[0]!));
      }
    } catch {
      setFile(null);
      setProblem(t('import.readFailed'));
    } finally {
      setReading(false);
    }
  };

  const headers = useMemo(() => file?.rows[0] ?? [], [file]);
  const hasName = columns.includes('name');
  const checked = useMemo(
    () => (file && people && hasName ? checkImportRows(file.rows, columns, { people, communities, defaultCommunityId: homeId || null }) : null),
    [file, columns, homeId, communities, hasName, people],
  );
  const summary = checked ? summarise(checked) : null;

  const downloadRefused = (rows: readonly CheckedRow[]) => {
    const table = refusedRowsTable(headers, rows, { sheet: t('import.refusedSheet'), line: t('import.col.line'), reason: t('import.refusedReason') },
      (code) => t(`import.problem.${code}`));
    const base = file?.name.replace(/\.[^.]+$/, '') ?? '';
    void downloadCsv(table, exportFileName(t('import.refusedFile'), base, localDay(Date.now()), 'csv'));
  };

  const run = async () => {
    if (!checked) return;
    setImporting(true);
    setProblem(null);
    try {
      const good = checked.flatMap((row) => (row.person ? [row.person] : []));
      await importPeople(notebook, good);
      setDone({ imported: good.length, refused: checked.filter((row) => row.person === null) });
    } catch (error) {
      setProblem(describeSaveError(error).message);
    } finally {
      setImporting(false);
    }
  };

  if (done) {
    return (
      <section class="card people-import" aria-labelledby="import-done-heading">
        <h2 id="import-done-heading" role="status" data-testid="import-done">
          {t('import.done', { count: done.imported })} {t('import.doneRefused', { count: done.refused.length })}
        </h2>
        {done.imported > 0 && <p class="muted">{t('import.consentLater')}</p>}
        <div class="button-row">
          {done.refused.length > 0 && <button type="button" class="button" onClick={() => downloadRefused(done.refused)}>{t('import.downloadRefused')}</button>}
          <button type="button" class="button button--ghost" onClick={() => { setDone(null); setFile(null); }}>{t('import.another')}</button>
        </div>
      </section>
    );
  }

  return (
    <div class="people-import">
      <p>{t('import.intro')}</p>
      <FileButton class="button button--primary" accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        disabled={reading || importing} onFiles={(files) => void choose(files)}>
        {t('import.chooseFile')}
      </FileButton>
      {reading && <p class="muted" role="status">{t('import.reading')}</p>}
      <FormError message={problem} />
      {file && (
        <>
          <p class="muted" data-testid="import-file">{t('import.file', { name: file.name })}</p>
          <fieldset class="card people-import__columns">
            <legend>{t('import.columns')}</legend>
            <p class="muted">{t('import.columnsHint')}</p>
            <div class="form-grid">
              {headers.map((header, index) => (
                <SelectField<ImportField | ''> key={index} label={t('import.column', { header: header || String(index + 1) })} value={columns[index] ?? ''}
                  options={[{ value: '', label: t('import.field.skip') }, ...IMPORT_FIELDS.map((field) => ({ value: field, label: t(`import.field.${field}`) }))]}
                  onValue={(value) => setColumns((current) => headers.map((_, i) => (i === index ? value || null : current[i] === value && value ? null : current[i] ?? null)))} />
              ))}
              <SelectField label={t('import.defaultCommunity')} value={homeId} onValue={setHomeId}
                options={[{ value: '', label: t('import.noCommunity') }, ...communities.map((community) => ({ value: community.id, label: community.name }))]} />
            </div>
            {!hasName && <p class="form-error" role="alert">{t('import.nameColumnMissing')}</p>}
          </fieldset>
          {checked && summary && (
            <section aria-labelledby="import-preview-heading">
              <h2 id="import-preview-heading">{t('import.preview')}</h2>
              <p data-testid="import-summary">
                {t('import.summary', { rows: t('import.rows', { count: summary.rows }), good: t('import.goodRows', { count: summary.good }), refused: t('import.refusedRows', { count: summary.refused }) })}
              </p>
              <Preview rows={checked.slice(0, PREVIEW_ROWS)} />
              <div class="button-row">
                <button type="button" class="button button--primary" disabled={summary.good === 0 || importing} onClick={() => void run()}>
                  {importing ? t('import.importing') : t('import.run', { count: summary.good })}
                </button>
                {summary.refused > 0 && (
                  <button type="button" class="button" onClick={() => downloadRefused(checked)}>{t('import.downloadRefused')}</button>
                )}
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}

function Preview({ rows }: { rows: readonly CheckedRow[] }) {
  return (
    <div class="people-import__scroll" role="region" tabIndex={0} aria-label={t('import.previewHint', { count: rows.length })}>
      <table class="people-import__table">
        <caption class="visually-hidden">{t('import.previewHint', { count: rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.col.line')}</th>
            <th scope="col">{t('import.field.name')}</th>
            <th scope="col">{t('import.field.household')}</th>
            <th scope="col">{t('import.field.phone')}</th>
            <th scope="col">{t('import.field.email')}</th>
            <th scope="col">{t('import.field.community')}</th>
            <th scope="col">{t('import.col.check')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} class={row.person ? undefined : 'people-import__refused'}>
              <td>{row.line}</td>
              <td>{row.values.name}</td>
              <td>{row.values.household}</td>
              <td>{row.values.phone}</td>
              <td>{row.values.email}</td>
              <td>{row.values.community}</td>
              <td>
                {row.person ? <span class="people-import__ok">✓ {t('import.ok')}</span> : (
                  <ul class="people-import__problems">
                    {row.problems.map((code) => <li key={code}>✗ {t(`import.problem.${code}`)}</li>)}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
