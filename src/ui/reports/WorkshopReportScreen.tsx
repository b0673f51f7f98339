import { useRoute } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { loadWorkshopReport } from '../../db/report-queries';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { online } from '../components/online';
import { downloadPhoto } from '../photos/downloads';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { WorkshopReport } from './WorkshopReport';
import './print.css';

/** /workshops/:id/report — the workshop's report; the browser prints it or saves it as PDF. */
export function WorkshopReportScreen() {
  const { db } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const data = useLiveQuery(async () => (await loadWorkshopReport(db, id)) ?? null, [db, id]);
  // Images of photos taken on other devices come down when the report is opened online, like on the workshop's page.
  const missing = (data?.photos ?? []).filter((entry) => !entry.image).map((entry) => entry.photo);
  const missingKey = missing.map((photo) => photo.sha256).join(',');
  const canDownload = online.value && session.value !== null;
  useEffect(() => {
    if (canDownload) for (const photo of missing) void downloadPhoto(db, photo);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- missingKey stands for the missing photos (a new array each render)
  }, [db, missingKey, canDownload]);

  const back = `/workshops/${id}`;
  if (data === undefined) return <Page title={t('reports.report.title')} back={back}><Loading /></Page>;
  if (data === null) return <Page title={t('reports.report.title')} back={back}><NotFoundMessage /></Page>;

  return (
    <Page title={t('reports.report.title')} back={back} actions={
      <>
        <button type="button" class="button button--primary" onClick={() => window.print()}>{t('reports.print')}</button>
        <a class="button" href={`/exports?workshop=${id}`}>{t('reports.report.exportParticipants')}</a>
      </>
    }>
      <p class="muted no-print">{t('reports.report.hint')}</p>
      <WorkshopReport data={data} today={localDay(Date.now())} />
    </Page>
  );
}
