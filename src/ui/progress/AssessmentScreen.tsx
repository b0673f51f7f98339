import { Fragment } from 'preact';
import './progress.css';
import { useState } from 'preact/hooks';
import type { AssessmentAnswer } from '../../../protocol';
import { useLiveQuery } from '../../db';
import { session } from '../../account/session';
import { loadSettings } from '../../db/settings';
import { listRounds } from '../../db/progress-queries';
import { blankAnswers, compareRounds, questionnaireOf, type RoundComparison } from '../../domain/assessment';
import { localDay } from '../../domain/days';
import { formatDay, formatNumber, language, t } from '../../i18n';
import { useServices } from '../app-context';
import { FieldGroup, FormActions, TextField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { useRouteRecord } from '../components/use-route-record';
import { useEditForm } from '../form-state';
import { ChartFigure } from '../overview/ChartFigure';
import type { ChartSpec } from '../overview/chart-spec';
import { attemptSave, type SaveFailure } from '../save-error';

const SCORES = ['', '1', '2', '3', '4', '5'] as const;

/** /communities/:id/assessment — the community's self-assessment rounds side by side, with a chart of the first against the latest. */
export function AssessmentScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const rounds = useLiveQuery(() => listRounds(db, communityId), [db, communityId]);
  const organisationId = session.value?.organisation.id ?? null;
  const settings = useLiveQuery(() => loadSettings(db, organisationId), [db, organisationId]);
  const [adding, setAdding] = useState(false);
  const back = `/communities/${communityId}`;
  const title = t('assess.title');
  if (community === undefined || rounds === undefined || settings === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (community === null) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const create = (input: RoundInput) => attemptSave(async () => {
    await notebook.create('assessmentRounds', { communityId, date: input.date, label: input.label.trim(), workshopId: null, answers: input.answers });
    setAdding(false);
  });
  const comparison = compareRounds(rounds);

  return (
    <Page title={title} back={back} actions={!adding && <button type="button" class="button button--primary" onClick={() => setAdding(true)}>+ {t('assess.new')}</button>}>
      <p class="muted">{community.name}</p>
      {adding && <RoundForm answers={blankAnswers(questionnaireOf(settings ?? undefined))} onSave={create} onCancel={() => setAdding(false)} />}
      {rounds.length === 0 ? !adding && <p class="notice">{t('assess.empty')}</p> : <Comparison comparison={comparison} />}
    </Page>
  );
}

interface RoundInput { date: string; label: string; answers: AssessmentAnswer[] }

function RoundForm({ answers, onSave, onCancel }: { answers: AssessmentAnswer[]; onSave: (input: RoundInput) => Promise<SaveFailure | null>; onCancel: () => void }) {
  const { values, field, failure, saving, submit, change } = useEditForm<RoundInput>(() => ({ date: localDay(Date.now()), label: '', answers }));
  const english = language.value === 'en';
  const setAnswer = (index: number, patch: Partial<AssessmentAnswer>) =>
    change((current) => ({ ...current, answers: current.answers.map((answer, at) => (at === index ? { ...answer, ...patch } : answer)) }));
  const save = async (event: Event) => {
    event.preventDefault();
    await submit(() => onSave(values));
  };
  let lastTheme = '';
  return (
    <form class="card" noValidate onSubmit={save} aria-label={t('assess.new')}>
      <h2>{t('assess.new')}</h2>
      <div class="form-grid">
        <TextField label={t('assess.label')} hint={t('assess.labelHint')} {...field('label')} autoComplete="off" />
        <TextField label={t('assess.date')} type="date" {...field('date')} required />
      </div>
      <p class="muted">{t('assess.scale')}</p>
      {values.answers.map((answer, index) => {
        const theme = english && answer.themeEn ? answer.themeEn : answer.themeLv;
        const heading = theme !== lastTheme ? <h3>{theme}</h3> : null;
        lastTheme = theme;
        const words = english && answer.en ? answer.en : answer.lv;
        return (
          <div key={answer.statementId}>
            {heading}
            <FieldGroup legend={words} class="score-group">
              <div class="button-row" role="presentation">
                {SCORES.map((score) => (
                  <label key={score} class="choice choice--inline">
                    <input type="radio" name={`score-${answer.statementId}`} value={score} checked={(answer.score === null ? '' : String(answer.score)) === score}
                      onChange={() => setAnswer(index, { score: score === '' ? null : Number(score) })} />
                    <span>{score === '' ? t('assess.unanswered') : score}</span>
                  </label>
                ))}
              </div>
              <TextField label={t('assess.comment')} value={answer.comment} onValue={(comment) => setAnswer(index, { comment })} autoComplete="off" />
            </FieldGroup>
          </div>
        );
      })}
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}

function Comparison({ comparison }: { comparison: RoundComparison }) {
  const english = language.value === 'en';
  const name = (row: { lv: string; en: string }) => (english && row.en ? row.en : row.lv);
  const roundName = (round: { label: string; date: string }) => (round.label ? `${round.label} (${formatDay(round.date, { dateStyle: 'medium' })})` : formatDay(round.date, { dateStyle: 'medium' }));
  const show = (value: number | null | undefined) => (value === undefined ? t('assess.notAsked') : value === null ? '—' : formatNumber(value));
  const signed = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value > 0 ? '+' : ''}${formatNumber(value)}`);
  const first = comparison.rounds[0];
  const last = comparison.rounds[comparison.rounds.length - 1];
  const spec: ChartSpec | null = first && last && first !== last ? {
    horizontal: true, stacked: false, labelHeader: t('assess.theme'), summaryOrder: 'given',
    labels: comparison.themes.map(name),
    series: [
      { label: roundName(first), values: comparison.themes.map((theme) => theme.means[0] ?? 0), color: '#2a6fb0' },
      { label: roundName(last), values: comparison.themes.map((theme) => theme.means[comparison.rounds.length - 1] ?? 0), color: '#1f5f4a' },
    ],
  } : null;
  return (
    <>
      <section class="card" aria-labelledby="assess-comparison">
        <h2 id="assess-comparison">{t('assess.comparison')}</h2>
        <div class="table-scroll">
          <table data-testid="assessment-themes">
            <thead>
              <tr>
                <th scope="col">{t('assess.theme')}</th>
                {comparison.rounds.map((round, index) => (
                  <Fragment key={round.id}>
                    <th scope="col">{roundName(round)}</th>
                    {index > 0 && <th scope="col">{t('assess.change')}</th>}
                  </Fragment>
                ))}
              </tr>
            </thead>
            <tbody>
              {comparison.themes.map((theme) => (
                <tr key={theme.themeId}>
                  <th scope="row">{name(theme)}</th>
                  {theme.means.map((mean, index) => (
                    <Fragment key={index}>
                      <td>{show(mean)}</td>
                      {index > 0 && <td>{signed(theme.changes[index - 1])}</td>}
                    </Fragment>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t('assess.statement')}</summary>
          <div class="table-scroll">
            <table>
              <thead><tr><th scope="col">{t('assess.statement')}</th>{comparison.rounds.map((round) => <th key={round.id} scope="col">{roundName(round)}</th>)}</tr></thead>
              <tbody>
                {comparison.statements.map((row) => (
                  <tr key={row.statementId}><th scope="row">{name(row)}</th>{row.scores.map((score, index) => <td key={index}>{show(score)}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
      {spec && <ChartFigure title={t('assess.chartTitle')} spec={spec} testId="assessment-chart" />}
    </>
  );
}
