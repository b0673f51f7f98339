import { listCheckInPeople, listCommunities, useLiveQuery } from '../../db';
import { loadConsentTexts } from '../../db/settings';
import { listAttendees } from '../../db/workshop-queries';
import { session } from '../../account/session';
import { currentConsentText } from '../../domain/consent';
import { localDay } from '../../domain/days';
import { communitiesOf } from '../../domain/events';
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
  const held = workshop ? communitiesOf(workshop) : null;
  const heldKey = held?.join(',');
  // Its own query, so a check-in (an attendance write) does not reload and re-index the people.
  const participants = useLiveQuery(async () => (held ? listCheckInPeople(db, held) : undefined), [db, heldKey]);
  const communityNames = useLiveQuery(async () => new Map((await listCommunities(db)).map((c) => [c.id, c.name])), [db]);
  // Each person once, a merged-away record's check-in counting for the one who stays.
  const attendance = useLiveQuery(() => listAttendees(db, id), [db, id]);
  const organisationId = session.value?.organisation.id ?? null;
  const consentTexts = useLiveQuery(() => loadConsentTexts(db, organisationId), [db, organisationId]);

  const back = `/workshops/${id}`;
  if (workshop === undefined) return <Page title={t('checkin.title')} back={back}><Loading /></Page>;
  if (!workshop) return <Page title={t('checkin.title')} back={back}><NotFoundMessage /></Page>;

  const today = localDay(Date.now());
  const consentText = currentConsentText(consentTexts, today);
  const addWalkIn = (fields: ParticipantFields) => attemptSave(async () => {
    await notebook.addWalkIn(workshop, { ...fields, consentBy: notebook.writer(), communityId: workshop.communityId, erased: false });
  });

  return (
    <Page title={t('checkin.title')} back={back}>
      <p class="checkin-workshop"><strong>{workshop.title}</strong> <span class="muted">· {formatDay(workshop.date)}{workshop.startTime && ` ${workshop.startTime}`}</span></p>
      {participants === undefined || attendance === undefined || consentTexts === undefined ? <Loading /> : (
        <CheckInView participants={participants} attendance={attendance}
          homeOf={(person) => (person.communityId === null ? '' : communityNames?.get(person.communityId) ?? '')}
          onCheckIn={async (participantId) => { await notebook.checkIn(workshop, participantId); }}
          onCheckOut={async (participantId) => {
            // Read afresh: a merge may have landed since this list was drawn.
            const records = (await listAttendees(db, id)).find((attendee) => attendee.participantId === participantId)?.records ?? [participantId];
            await notebook.checkOut(id, ...records);
          }}
          consentText={consentText}
          onCheckInWithConsent={async (participantId, answer) => {
            await notebook.checkInWithConsent(workshop, participantId, { ...answer, consentDate: today, consentVersion: consentText.version });
          }}
          onAddWalkIn={addWalkIn} />
      )}
      {workshop.communityId !== null && (
        <p><a class="button button--ghost" href={`/communities/${workshop.communityId}/participants`}>{t('checkin.allParticipants')} →</a></p>
      )}
    </Page>
  );
}
