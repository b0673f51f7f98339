import { useEffect } from 'preact/hooks';
import { session } from '../../account/session';
import { useLiveQuery } from '../../db';
import { listProgrammeRows } from '../../db/programme-queries';
import { warmProgrammeReport } from '../../db/programme-report-queries';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { periodText } from './period';
import './programmes.css';

/** /programmes — the organisation's programmes: everyone reads them offline; coordinators add and edit them. */
export function ProgrammesScreen() {
  const { db } = useServices();
  const rows = useLiveQuery(() => listProgrammeRows(db), [db]);
  const coordinator = session.value?.user.role === 'coordinator';
  // A programme's report is two taps away: a coordinator's device starts reading what it counts while idle.
  useEffect(() => {
    if (coordinator) warmProgrammeReport(db);
  }, [db, coordinator]);
  const title = t('programmes.title');
  if (rows === undefined) return <Page title={title}><Loading /></Page>;
  return (
    <Page title={title} actions={coordinator && <a class="button button--primary" href="/programmes/new">+ {t('programmes.new')}</a>}>
      <p class="muted">{t('programmes.intro')}</p>
      {!coordinator && <p class="muted">{t('programmes.coordinatorOnly')}</p>}
      {rows.length === 0 ? <p class="notice">{t('programmes.empty')}</p> : (
        <ul class="card-list" data-testid="programmes">
          {rows.map(({ programme, enrolled }) => (
            <li key={programme.id}>
              <h2><a href={`/programmes/${programme.id}`}>{programme.name}</a></h2>
              {programme.funder && <p class="muted">{programme.funder}</p>}
              <p>{periodText(programme)}</p>
              <p class="muted">{t('programmes.enrolledCount', { count: enrolled })}</p>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
