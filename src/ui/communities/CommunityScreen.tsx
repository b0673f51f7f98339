import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { session } from '../../account/session';
import { listInCommunity, listWorkshops, useLiveQuery } from '../../db';
import { communityDeletion } from '../../db/bin-queries';
import { countCheckInsByWorkshop } from '../../db/workshop-queries';
import { localDay } from '../../domain/days';
import { offerToMarkHeld } from '../../domain/held';
import type { DeletionScope } from '../../domain/deletion-scope';
import { municipalityName } from '../../domain/municipalities';
import { t, tLabel, type MessageKey } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import { DeleteDialog } from '../bin/DeleteDialog';
import { useConflictedIds } from '../conflicts/use-conflicted-ids';
import { useRouteRecord } from '../components/use-route-record';
import { AssignmentsSection } from './AssignmentsSection';
import { EventList } from '../workshops/EventList';
import { CommunityEnrolments } from '../programmes/CommunityEnrolments';

interface SectionLink {
  href: string;
  title: MessageKey;
  count: number | undefined;
  countKey: MessageKey;
}

/** A community's page: its details, its events, and the way into each part of its notebook. */
export function CommunityScreen() {
  const { db, notebook } = useServices();
  const { route } = useLocation();
  const { id, record: community } = useRouteRecord('communities');
  const workshops = useLiveQuery(() => listWorkshops(db, id), [db, id]);
  const counts = useLiveQuery(async () => {
    const [participants, needs, resources, swot, actions, visits, rounds] = await Promise.all([
      listInCommunity(db, 'participants', id), listInCommunity(db, 'needs', id), listInCommunity(db, 'resources', id),
      listInCommunity(db, 'swot', id), listInCommunity(db, 'actions', id), listInCommunity(db, 'visits', id), listInCommunity(db, 'assessmentRounds', id),
    ]);
    return {
      participants: participants.length, needs: needs.length, resources: resources.length, swot: swot.length, actions: actions.length,
      visits: visits.length, rounds: rounds.length,
    };
  }, [db, id]);
  const [asking, setAsking] = useState(false);
  const scope = useLiveQuery(() => (asking ? communityDeletion(db, id) : Promise.resolve(undefined)), [db, id, asking]);
  const conflicted = useConflictedIds();
  const checkIns = useLiveQuery(async () => countCheckInsByWorkshop(db, (await listWorkshops(db, id)).map((workshop) => workshop.id)), [db, id]);
  const today = localDay(Date.now());
  // Only a coordinator deletes a community (the server refuses anyone else whatever this shows).
  const mayDelete = session.value?.user.role === 'coordinator';

  if (community === undefined) return <Page title={t('communities.title')} back="/"><Loading /></Page>;
  if (community === null) return <Page title={t('communities.title')} back="/"><NotFoundMessage /></Page>;

  // The community and what is under it go to the bin as one deletion, at one clock (src/domain/deletion-scope.ts).
  const remove = async (confirmed: DeletionScope) => {
    const together = [{ table: 'communities' as const, id }, ...confirmed.children];
    await notebook.removeTogether(together);
    setAsking(false);
    showUndo(community.name, () => tellIfRefused(() => notebook.restoreTogether(together)));
    route('/');
  };

  const sections: SectionLink[] = [
    { href: `/communities/${id}/participants`, title: 'community.participants', count: counts?.participants, countKey: 'community.participantCount' },
    { href: `/communities/${id}/needs`, title: 'community.needs', count: counts?.needs, countKey: 'community.needCount' },
    { href: `/communities/${id}/resources`, title: 'community.resources', count: counts?.resources, countKey: 'community.resourceCount' },
    { href: `/communities/${id}/swot`, title: 'community.swot', count: counts?.swot, countKey: 'community.swotCount' },
    { href: `/communities/${id}/plan`, title: 'community.plan', count: counts?.actions, countKey: 'community.actionCount' },
    { href: `/communities/${id}/assessment`, title: 'assess.section', count: counts?.rounds, countKey: 'assess.count' },
    { href: `/communities/${id}/visits`, title: 'visits.section', count: counts?.visits, countKey: 'visits.count' },
  ];

  return (
    <Page title={community.name} back="/" actions={
      <>
        <a class="button" href={`/communities/${id}/edit`}>{t('action.edit')}</a>
        {mayDelete && <button type="button" class="button button--danger" onClick={() => setAsking(true)}>{t('action.delete')}</button>}
      </>
    }>
      {asking && (
        <DeleteDialog what="community" name={community.name} scope={scope}
          onConfirm={remove} onCancel={() => setAsking(false)} />
      )}
      <p class="muted">
        {[community.parish, municipalityName(community.municipality)].filter(Boolean).join(', ')} · <span class="tag">{tLabel('maturity', community.maturity)}</span>
      </p>
      {community.description && <p class="prewrap">{community.description}</p>}
      {community.contacts.length > 0 && (
        <ul class="row-list">
          {community.contacts.map((contact, index) => (
            <li key={index}>
              <span class="grow"><strong>{contact.name}</strong>{contact.role && ` — ${contact.role}`}</span>
              {contact.phone && <a class="button button--ghost" href={`tel:${contact.phone}`}>{contact.phone}</a>}
              {contact.email && <a class="button button--ghost" href={`mailto:${contact.email}`}>{contact.email}</a>}
            </li>
          ))}
        </ul>
      )}

      <section class="card" aria-labelledby="workshops-heading" style={{ marginTop: '1rem' }}>
        <div class="page__header">
          <h2 id="workshops-heading">{t('community.workshops')}</h2>
          <a class="button button--primary" href={`/communities/${id}/workshops/new`}>+ {t('community.newWorkshop')}</a>
        </div>
        {workshops === undefined ? <Loading /> : workshops.length === 0 ? <p class="muted">{t('community.noWorkshops')}</p> : (
          <EventList events={workshops} conflicted={conflicted}
            aside={(workshop) => offerToMarkHeld(workshop, today, checkIns?.get(workshop.id) ?? 0) && (
              <a class="tag tag--hint" href={`/workshops/${workshop.id}`}>{t('held.hint')}</a>
            )} />
        )}
      </section>

      <nav class="sections" aria-label={community.name} style={{ marginTop: '1rem' }}>
        {sections.map((section) => (
          <a key={section.href} class="card card-link" href={section.href}>
            <h2>{t(section.title)}</h2>
            <p class="muted">{section.count === undefined ? t('status.loading') : t(section.countKey, { count: section.count })}</p>
          </a>
        ))}
      </nav>
      <CommunityEnrolments community={community} />
      {session.value?.user.role === 'coordinator' && <AssignmentsSection communityId={id} />}
    </Page>
  );
}
