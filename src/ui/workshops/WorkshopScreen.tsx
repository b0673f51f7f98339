import { useLocation, useRoute } from 'preact-iso';
import { communitiesOf } from '../../domain/events';
import { useMemo, useState } from 'preact/hooks';
import { getRecord, useLiveQuery, type StoredRecord } from '../../db';
import { workshopDeletion } from '../../db/bin-queries';
import { countCheckedIn } from '../../db/workshop-queries';
import { localDay } from '../../domain/days';
import type { DeletionScope } from '../../domain/deletion-scope';
import { offerToMarkHeld } from '../../domain/held';
import { formatDay, t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import { DeleteDialog } from '../bin/DeleteDialog';
import { PhotoStrip } from '../photos/PhotoStrip';
import { NotesEditor } from './NotesEditor';
import { localDraft } from './notes-draft';
import { useProgrammeName } from './use-programme-name';
import './workshops.css';

/** A workshop's page: what, when and where; the way to check-in and voting; notes saved as typed. */
export function WorkshopScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id ?? '';
  const loaded = useLiveQuery(async () => {
    const workshop = (await getRecord(db, 'workshops', id)) ?? null;
    const held = workshop ? await Promise.all(communitiesOf(workshop).map((communityId) => getRecord(db, 'communities', communityId))) : [];
    return { workshop, communities: held.flatMap((community) => (community && !community.deleted ? [community] : [])) };
  }, [db, id]);
  const attending = useLiveQuery(() => countCheckedIn(db, id), [db, id]);
  const notesDraft = useMemo(() => localDraft(`talka:notes-draft:${id}`), [id]);
  const [asking, setAsking] = useState(false);
  const scope = useLiveQuery(() => (asking ? workshopDeletion(db, id) : Promise.resolve(undefined)), [db, id, asking]);

  if (!loaded) return <Page title={t('community.workshops')}><Loading /></Page>;
  const { workshop, communities } = loaded;
  if (!workshop || workshop.deleted) return <Page title={t('community.workshops')} back="/"><NotFoundMessage /></Page>;

  // An event of the organisation itself has no community page to go back to.
  const communityHref = workshop.communityId === null ? '/' : `/communities/${workshop.communityId}`;
  // The event and its photos go to the bin as one deletion, at one clock (src/domain/deletion-scope.ts).
  const remove = async (confirmed: DeletionScope) => {
    const together = [{ table: 'workshops' as const, id }, ...confirmed.children];
    await notebook.removeTogether(together);
    setAsking(false);
    showUndo(workshop.title, () => tellIfRefused(() => notebook.restoreTogether(together)));
    route(communityHref);
  };
  const offerHeld = attending !== undefined && offerToMarkHeld(workshop, localDay(Date.now()), attending);

  return (
    <Page title={workshop.title} back={communityHref} actions={
      <>
        <a class="button" href={`/workshops/${id}/edit`}>{t('action.edit')}</a>
        <button type="button" class="button button--danger" onClick={() => setAsking(true)}>{t('action.delete')}</button>
      </>
    }>
      {asking && <DeleteDialog what="workshop" name={workshop.title} scope={scope} onConfirm={remove} onCancel={() => setAsking(false)} />}
      <WorkshopDetails workshop={workshop} communities={communities} />
      {offerHeld && (
        <div class="notice workshop-held-offer">
          <p>{t('held.offer')}</p>
          <button type="button" class="button button--primary" data-testid="mark-held"
            onClick={() => void tellIfRefused(() => notebook.update('workshops', id, { status: 'held' }))}>{t('held.mark')}</button>
        </div>
      )}

      <nav class="workshop-links" aria-label={workshop.title}>
        <a class="card card-link workshop-link" href={`/workshops/${id}/checkin`}>
          <h2>{t('workshop.checkin')}</h2>
          <p class="stat" data-testid="attendance-count">
            {attending === undefined ? t('status.loading') : t('checkin.count', { count: attending })}
          </p>
        </a>
        <a class="card card-link workshop-link" href={`/workshops/${id}/voting`}>
          <h2>{t('workshop.voting')}</h2>
          <p class="muted">{t('workshop.votingHint', { count: workshop.dotsPerPerson })}</p>
        </a>
        {workshop.communityId !== null && (
          <a class="card card-link workshop-link" href={`${communityHref}/needs?workshop=${id}`}>
            <h2>{t('workshop.needs')}</h2>
            <p class="muted">{t('workshop.needsHint')}</p>
          </a>
        )}
        <a class="card card-link workshop-link" href={`/workshops/${id}/sign-in-sheet`}>
          <h2>{t('reports.signIn.link')}</h2>
          <p class="muted">{t('reports.signIn.linkHint')}</p>
        </a>
        <a class="card card-link workshop-link" href={`/workshops/${id}/report`}>
          <h2>{t('reports.report.link')}</h2>
          <p class="muted">{t('reports.report.linkHint')}</p>
        </a>
      </nav>

      <section class="card workshop-section" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">{t('workshop.agenda')}</h2>
        {workshop.agenda.trim() ? <p class="prewrap">{workshop.agenda}</p> : <p class="muted">{t('workshop.noAgenda')}</p>}
      </section>

      <section class="card workshop-section">
        <NotesEditor key={id} stored={workshop.notes} draft={notesDraft}
          save={(notes) => notebook.update('workshops', id, { notes })} />
      </section>

      <div class="card workshop-section">
        <PhotoStrip parentTable="workshops" parentId={id} communityId={workshop.communityId} name={workshop.title} />
      </div>
    </Page>
  );
}

interface WorkshopDetailsProps {
  workshop: StoredRecord<'workshops'>;
  /** The communities holding the event (none for the organisation's own). */
  communities: readonly { id: string; name: string }[];
}

function WorkshopDetails({ workshop, communities }: WorkshopDetailsProps) {
  const times = [workshop.startTime, workshop.endTime].filter(Boolean).join('–');
  const programme = useProgrammeName(workshop);
  return (
    <section aria-label={t('workshop.details')}>
      <p class="workshop-tags">
        <span class="tag">{tLabel('workshopKind', workshop.kind)}</span>
        <span class={`tag workshop-status--${workshop.status}`}>{tLabel('workshopStatus', workshop.status)}</span>
      </p>
      <dl class="workshop-facts">
        <div>
          <dt>{t('workshop.when')}</dt>
          <dd>{formatDay(workshop.date)}{times && `, ${times}`}</dd>
        </div>
        {workshop.place && (
          <div>
            <dt>{t('workshop.where')}</dt>
            <dd>{workshop.place}</dd>
          </div>
        )}
        {programme && (
          <div>
            <dt>{t('workshop.programme')}</dt>
            <dd data-testid="workshop-programme">{programme}</dd>
          </div>
        )}
        {workshop.facilitators && (
          <div>
            <dt>{t('workshop.facilitators')}</dt>
            <dd>{workshop.facilitators}</dd>
          </div>
        )}
        <div>
          <dt>{t('workshop.community')}</dt>
          <dd>
            {communities.length === 0 ? t('workshop.organisationEvent') : communities.map((community, index) => (
              <span key={community.id}>{index > 0 && ', '}<a href={`/communities/${community.id}`}>{community.name}</a></span>
            ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
