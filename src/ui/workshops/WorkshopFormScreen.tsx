import { useLocation, useRoute } from 'preact-iso';
import { useMemo, useState } from 'preact/hooks';
import type { EditableFields } from '../../../protocol';
import { getRecord, listCommunities, useLiveQuery, type StoredRecord } from '../../db';
import { listProgrammes } from '../../db/workshop-queries';
import { changedFields } from '../../domain/changed-fields';
import { localDay } from '../../domain/days';
import { communitiesOf } from '../../domain/events';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { attemptSave } from '../save-error';
import { EventCommunitiesField } from './EventCommunitiesField';
import { KNOWN_PROGRAMMES, WorkshopForm, emptyWorkshop, type WorkshopFields } from './WorkshopForm';

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
  const programmes = useLiveQuery(() => listProgrammes(db), [db]);
  const suggestions = useMemo(() => [...new Set([...KNOWN_PROGRAMMES, ...(programmes ?? [])])], [programmes]);

  const title = id ? t('workshop.edit') : t('workshops.new');
  const back = id ? `/workshops/${id}` : params.communityId ? `/communities/${params.communityId}` : '/';
  if (!loaded) return <Page title={title} back={back}><Loading /></Page>;
  const { workshop: existing, community, communities } = loaded;
  const missing = id ? !existing || existing.deleted : params.communityId !== undefined && (!community || community.deleted);
  if (missing) return <Page title={title} back={back}><NotFoundMessage /></Page>;
  return (
    <Page title={title} back={back}>
      <EventEditor existing={existing} firstCommunity={community?.id ?? null} communities={communities}
        programmeSuggestions={suggestions} onDone={(eventId) => route(`/workshops/${eventId}`, true)} onCancel={() => route(back)} />
    </Page>
  );
}

interface EventEditorProps {
  existing: StoredRecord<'workshops'> | null;
  firstCommunity: string | null;
  communities: readonly StoredRecord<'communities'>[];
  programmeSuggestions: readonly string[];
  onDone: (eventId: string) => void;
  onCancel: () => void;
}

function EventEditor({ existing, firstCommunity, communities, programmeSuggestions, onDone, onCancel }: EventEditorProps) {
  const { notebook } = useServices();
  const [chosen, setChosen] = useState<string[]>(() => (existing ? communitiesOf(existing) : firstCommunity ? [firstCommunity] : []));
  const save = (fields: WorkshopFields) => attemptSave(async () => {
    const [communityId = null, ...communityIds] = chosen;
    if (existing) {
      const patch: Partial<EditableFields<'workshops'>> = changedFields(pickFormFields(existing), fields);
      const before = communitiesOf(existing);
      if (before.join() !== chosen.join()) Object.assign(patch, { communityId, communityIds });
      if (Object.keys(patch).length > 0) await notebook.update('workshops', existing.id, patch);
      onDone(existing.id);
    } else {
      onDone(await notebook.create('workshops', { ...fields, communityId, communityIds, notes: '' }));
    }
  });
  return (
    <>
      <EventCommunitiesField communities={communities} chosen={chosen} onChosen={setChosen} />
      <WorkshopForm key={existing?.id ?? 'new'} initial={existing ? pickFormFields(existing) : emptyWorkshop(localDay(Date.now()))}
        programmeSuggestions={programmeSuggestions} onSave={save} onCancel={onCancel} />
    </>
  );
}

function pickFormFields(workshop: StoredRecord<'workshops'>): WorkshopFields {
  const { title, kind, date, startTime, endTime, place, programme, facilitators, agenda, status, dotsPerPerson } = workshop;
  return { title, kind, date, startTime, endTime, place, programme, facilitators, agenda, status, dotsPerPerson };
}
