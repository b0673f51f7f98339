import { lazy, useLocation } from 'preact-iso';
import { listCommunities, useLiveQuery } from '../../db';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { CommunityListsSection } from './CommunityListsSection';
import { ProgrammeExportSection } from './ProgrammeExportSection';
import { WorkshopExportSection } from './WorkshopExportSection';
import './reports.css';

const RetentionSection = lazy(() => import('../privacy/RetentionSection').then((m) => m.RetentionSection));

/** /exports — participant lists of a workshop or a programme's period, the community lists, and (coordinators) the retention review. */
export function ExportsScreen() {
  const { db } = useServices();
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  const { query } = useLocation();
  const initialWorkshopId = query.workshop ?? '';
  const isCoordinator = session.value?.user.role === 'coordinator';

  return (
    <Page title={t('reports.exports.title')} back="/">
      <p class="muted">{t('reports.exports.intro')}</p>
      {communities === undefined ? <Loading /> : communities.length === 0 ? <p class="notice">{t('reports.noCommunities')}</p> : (
        <div class="export-sections">
          <WorkshopExportSection communities={communities} initialWorkshopId={initialWorkshopId} />
          <ProgrammeExportSection />
          <CommunityListsSection communities={communities} />
          {isCoordinator && <RetentionSection />}
        </div>
      )}
    </Page>
  );
}
