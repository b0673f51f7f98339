import { useLocation, useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import type { EditableFields } from '../../../protocol';
import { getRecord, listCommunities, useLiveQuery, type StoredRecord } from '../../db';
import { listProgrammes, loadLastProgramme, saveLastProgramme } from '../../db/programme-queries';
import { changedFields } from '../../domain/changed-fields';
import { localDay } from '../../domain/days';
import { communitiesOf } from '../../domain/events';
import { preselectedProgramme } from '../../domain/programme';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { attemptSave } from '../save-error';
import { EventCommunitiesField } from './EventCommunitiesField';
import { WorkshopForm, emptyWorkshop, type WorkshopFields } from './WorkshopForm';

/**
 * New event of a community (/communities/:communityId/workshops/new), of the organisation itself
 * (/events/new), or edit one (/workshops/:id/edit). Any event may be held by several communities.
 */
export function WorkshopFormScreen() {
  const { db } = useServices();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const loaded = useLiveQuery(async () => {
    const workshop = id ? (await getRecord(db, 'workshops', id)) ?? null : null;
    const communityId = id ? workshop?.communityId : params.communityId;
    const community = communityId ? (await getRecord(db, 'communities', communityId)) ?? null : null;
    return { workshop, community, communities: await listCommunities(db) };
  }, [db, id, params.communityId]);
  const programmes = useLiveQuery(async () => ({ list: await listProgrammes(db), lastUsed: await loadLastProgramme(db) }), [db]);

  const title = id ? t('workshop.edit') : t('workshops.new');
  const back = id ? `/workshops/${id}` : params.communityId ? `/communities/${params.communityId}` : '/';
  if (!loaded || !programmes) return <Page title={title} back={back}><Loading /></Page>;
  const { workshop: existing, community, communities } = loaded;
  const missing = id ? !existing || existing.deleted : params.communityId !== undefined && (!community || community.deleted);
  if (missing) return <Page title={title} back={back}><NotFoundMessage /></Page>;
  return (
    <Page title={title} back={back}>
      <EventEditor existing={existing} firstCommunity={community?.id ?? null} communities={communities}
        programmes={programmes.list} lastProgramme={programmes.lastUsed} onDone={(eventId) => route(`/workshops/${eventId}`, true)} onCancel={() => route(back)} />
    </Page>
  );
}

interface EventEditorProps {
  existing: StoredRecord<'workshops'> | null;
  firstCommunity: string | null;
  communities: readonly StoredRecord<'communities'>[];
  programmes: readonly StoredRecord<'programmes'>[];
  /** The programme this device last saved an event with: a new event starts with it. */
  lastProgramme: string | null;
  onDone: (eventId: string) => void;
  onCancel: () => void;
}

function EventEditor({ existing, firstCommunity, communities, programmes, lastProgramme, onDone, onCancel }: EventEditorProps) {
  const { db, notebook } = useServices();
  const [chosen, setChosen] = useState<string[]>(() => (existing ? communitiesOf(existing) : firstCommunity ? [firstCommunity] : []));
  const save = (fields: WorkshopFields) => attemptSave(async () => {
    const [communityId = null, ...communityIds] = chosen;
    let eventId: string;
    if (existing) {
      const patch: Partial<EditableFields<'workshops'>> = changedFields(pickFormFields(existing), fields);
      const before = communitiesOf(existing);
      if (before.join() !== chosen.join()) Object.assign(patch, { communityId, communityIds });
      if (Object.keys(patch).length > 0) await notebook.update('workshops', existing.id, patch);
      eventId = existing.id;
    } else {
      // The free-text programme is left empty: the event names its programme by id (old devices still read the text).
      eventId = await notebook.create('workshops', { ...fields, programme: '', communityId, communityIds, notes: '' });
    }
    // The next new event on this device starts with the programme chosen here.
    if (fields.programmeId !== null && fields.programmeId !== (existing?.programmeId ?? null)) await saveLastProgramme(db, fields.programmeId);
    onDone(eventId);
  });
  return (
    <>
      <EventCommunitiesField communities={communities} chosen={chosen} onChosen={setChosen} />
      <WorkshopForm key={existing?.id ?? 'new'}
        initial={existing ? pickFormFields(existing) : { ...emptyWorkshop(localDay(Date.now())), programmeId: preselectedProgramme(programmes, lastProgramme) }}
        programmes={programmes} legacyProgramme={existing && !existing.programmeId ? existing.programme : ''} onSave={save} onCancel={onCancel} />
    </>
  );
}

function pickFormFields(workshop: StoredRecord<'workshops'>): WorkshopFields {
  const { title, kind, date, startTime, endTime, place, facilitators, agenda, status, dotsPerPerson } = workshop;
  return { title, kind, date, startTime, endTime, place, programmeId: workshop.programmeId ?? null, facilitators, agenda, status, dotsPerPerson };
}
