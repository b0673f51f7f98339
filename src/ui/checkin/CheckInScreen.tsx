import { listAttendance, listParticipants, useLiveQuery } from '../../db';
import { formatDay, t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { useRouteRecord } from '../components/use-route-record';
import { attemptSave } from '../save-error';
import { CheckInView } from './CheckInView';
import type { ParticipantFields } from './ParticipantForm';
import './checkin.css';

/** Check-in at a workshop (/workshops/:id/checkin). */
export function CheckInScreen() {
  const { db, notebook } = useServices();
  const { id, record: workshop } = useRouteRecord('workshops');
  const communityId = workshop?.communityId;
  // Its own query, so a check-in (an attendance write) does not reload and re-index the participants.
  const participants = useLiveQuery(async () => (communityId ? listParticipants(db, communityId) : undefined), [db, communityId]);
  const attendance = useLiveQuery(() => listAttendance(db, id), [db, id]);

  const back = `/workshops/${id}`;
  if (workshop === undefined) return <Page title={t('checkin.title')} back={back}><Loading /></Page>;
  if (!workshop) return <Page title={t('checkin.title')} back={back}><NotFoundMessage /></Page>;

  const addWalkIn = (fields: ParticipantFields) => attemptSave(async () => {
    await notebook.addWalkIn(workshop, { ...fields, communityId: workshop.communityId, erased: false });
  });

  return (
    <Page title={t('checkin.title')} back={back}>
      <p class="checkin-workshop"><strong>{workshop.title}</strong> <span class="muted">· {formatDay(workshop.date)}{workshop.startTime && ` ${workshop.startTime}`}</span></p>
      {participants === undefined || attendance === undefined ? <Loading /> : (
        <CheckInView participants={participants} attendance={attendance}
          onCheckIn={async (participantId) => { await notebook.checkIn(workshop, participantId); }}
          onCheckOut={(participantId) => notebook.checkOut(id, participantId)}
          onAddWalkIn={addWalkIn} />
      )}
      <p><a class="button button--ghost" href={`/communities/${workshop.communityId}/participants`}>{t('checkin.allParticipants')} →</a></p>
    </Page>
  );
}
