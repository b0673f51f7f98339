import { useLocation, useRoute } from 'preact-iso';
import { useMemo } from 'preact/hooks';
import { getRecord, useLiveQuery, type StoredRecord } from '../../db';
import { listProgrammes } from '../../db/workshop-queries';
import { changedFields } from '../../domain/changed-fields';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { attemptSave } from '../save-error';
import { KNOWN_PROGRAMMES, WorkshopForm, emptyWorkshop, type WorkshopFields } from './WorkshopForm';

/** New workshop (/communities/:communityId/workshops/new) or edit one (/workshops/:id/edit). */
export function WorkshopFormScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const loaded = useLiveQuery(async () => {
    const workshop = id ? (await getRecord(db, 'workshops', id)) ?? null : null;
    const communityId = id ? workshop?.communityId : params.communityId;
    const community = communityId ? (await getRecord(db, 'communities', communityId)) ?? null : null;
    return { workshop, community };
  }, [db, id, params.communityId]);
  const programmes = useLiveQuery(() => listProgrammes(db), [db]);
  const suggestions = useMemo(() => [...new Set([...KNOWN_PROGRAMMES, ...(programmes ?? [])])], [programmes]);

  const title = id ? t('workshop.edit') : t('workshops.new');
  const back = id ? `/workshops/${id}` : `/communities/${params.communityId ?? ''}`;
  if (!loaded) return <Page title={title} back={back}><Loading /></Page>;
  const { workshop: existing, community } = loaded;
  if ((id && (!existing || existing.deleted)) || !community || community.deleted) {
    return <Page title={title} back={back}><NotFoundMessage /></Page>;
  }

  const save = (fields: WorkshopFields) => attemptSave(async () => {
    if (existing) {
      const patch = changedFields(pickFormFields(existing), fields);
      if (Object.keys(patch).length > 0) await notebook.update('workshops', existing.id, patch);
      route(`/workshops/${existing.id}`, true);
    } else {
      const createdId = await notebook.create('workshops', { ...fields, communityId: community.id, notes: '' });
      route(`/workshops/${createdId}`, true);
    }
  });

  return (
    <Page title={title} back={back}>
      <p class="muted">{community.name}</p>
      <WorkshopForm key={existing?.id ?? 'new'} initial={existing ? pickFormFields(existing) : emptyWorkshop(localDay(Date.now()))}
        programmeSuggestions={suggestions} onSave={save} onCancel={() => route(back)} />
    </Page>
  );
}

function pickFormFields(workshop: StoredRecord<'workshops'>): WorkshopFields {
  const { title, kind, date, startTime, endTime, place, programme, facilitators, agenda, status, dotsPerPerson } = workshop;
  return { title, kind, date, startTime, endTime, place, programme, facilitators, agenda, status, dotsPerPerson };
}
