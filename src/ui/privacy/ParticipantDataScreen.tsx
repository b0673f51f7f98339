import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { eraseParticipant } from '../../db/erasure';
import { loadParticipantData, type ParticipantRecordData } from '../../db/report-queries';
import { localDay } from '../../domain/days';
import { participantDataDocument } from '../../domain/export-participant';
import { exportFileName } from '../../domain/export-table';
import { t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { FormError } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showToast } from '../components/toast';
import { downloadJson } from '../reports/download';
import { EraseDialog } from './EraseDialog';
import { ParticipantDataView } from './ParticipantDataView';
import './privacy.css';

/** /participants/:id/data — a personal data request: everything held, as a view and as JSON, and erasure. Coordinators only. */
export function ParticipantDataScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const data = useLiveQuery(async () => (await loadParticipantData(db, id)) ?? null, [db, id]);
  const [erasing, setErasing] = useState(false);
  const [failed, setFailed] = useState(false);

  const current = session.value;
  if (current?.user.role !== 'coordinator') {
    return <Page title={t('privacy.title')} back="/"><p class="notice">{t('privacy.coordinatorsOnly')}</p></Page>;
  }
  if (data === undefined) return <Page title={t('privacy.title')} back="/"><Loading /></Page>;
  if (data === null || data.participant.deleted) return <Page title={t('privacy.title')} back="/"><NotFoundMessage /></Page>;

  const { participant } = data;
  const name = participant.erased ? t('privacy.erasedName') : participant.name;
  const back = `/communities/${participant.communityId}/participants`;

  const downloadData = () => {
    const document = participantDataDocument(toDocumentData(data), Date.now(), current.organisation.name);
    downloadJson(document, exportFileName(t('privacy.file'), name, localDay(Date.now()), 'json'));
  };
  const erase = async () => {
    setErasing(false);
    setFailed(false);
    try {
      await eraseParticipant(notebook, id, current.user.id);
      showToast({ message: t('privacy.erased') });
    } catch (error) {
      console.error(error);
      setFailed(true);
    }
  };

  return (
    <Page title={t('privacy.titleOf', { name })} back={back} actions={
      <>
        <button type="button" class="button" onClick={downloadData}>⤓ {t('privacy.downloadJson')}</button>
        {!participant.erased && (
          <button type="button" class="button button--danger" onClick={() => setErasing(true)}>{t('privacy.erase.open')}</button>
        )}
      </>
    }>
      <p class="muted">{t('privacy.intro')}</p>
      <FormError message={failed ? t('error.save') : null} />
      <ParticipantDataView data={data} />
      {erasing && (
        <EraseDialog name={name} attendance={data.attendance.length} votes={data.votes.length}
          onConfirm={() => void erase()} onCancel={() => setErasing(false)} />
      )}
    </Page>
  );
}

function toDocumentData(data: ParticipantRecordData) {
  const { participant: p } = data;
  return {
    participant: {
      id: p.id, communityId: p.communityId, name: p.name, household: p.household, phone: p.phone, email: p.email, role: p.role,
      consentData: p.consentData, consentPhotos: p.consentPhotos, consentDate: p.consentDate, erased: p.erased,
      createdAt: p.createdAt, updatedAt: p.updatedAt,
    },
    community: data.community ? { id: data.community.id, name: data.community.name } : null,
    attendance: data.attendance.map(({ attendance, workshop }) => ({
      workshopId: attendance.workshopId, title: workshop?.title ?? '', date: workshop?.date ?? '', place: workshop?.place ?? '',
      checkedInAt: attendance.checkedInAt,
    })),
    votes: data.votes.map(({ vote, need, workshop }) => ({
      needId: vote.needId, need: need?.title ?? '', workshopId: vote.workshopId, workshop: workshop?.title ?? '', date: workshop?.date ?? '',
      castAt: vote.castAt,
    })),
    conflicts: data.conflicts.filter((c) => c.table === 'participants')
      .map((c) => ({ field: c.field, winnerValue: c.winnerValue, loserValue: c.loserValue })),
  };
}
