import { useLocation } from 'preact-iso';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NEED_CATEGORIES, NEED_STATUSES } from '../../../protocol';
import { listVotesInCommunity, listWorkshops, useLiveQuery, type StoredRecord } from '../../db';
import { listNeeds, listOwnerCandidates, listResources } from '../../db/needs-queries';
import { groupNeeds } from '../../domain/need-groups';
import {
  NEED_ORDERS, countVotesByNeed, filterNeeds, ownerChoices, resourcesByNeed, sortNeeds, type NeedFilter, type NeedOrder,
} from '../../domain/needs-board';
import { t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { useRouteRecord } from '../components/use-route-record';
import { SelectField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { PhotoStrip } from '../photos/PhotoStrip';
import { attemptSave, toastSaveError } from '../save-error';
import { NeedCard } from './NeedCard';
import { useConflictedIds } from '../conflicts/use-conflicted-ids';
import { listMeasures } from '../../db/progress-queries';
import { MatchingMeasures } from '../progress/MatchingMeasures';
import { NeedForm, type NeedValues } from './NeedForm';
import { NeedGroupPicker } from './NeedGroupPicker';
import { QuickNeedEntry, type QuickNeed } from './QuickNeedEntry';
import { loadNeedOrder, saveNeedOrder } from './needs-order';
import './needs.css';

type Need = StoredRecord<'needs'>;

/** A community's needs as cards: quick entry while people talk, filters, edit in place. */
export function NeedsScreen() {
  const { db, notebook } = useServices();
  const { query } = useLocation();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const fromWorkshop = query.workshop ?? null;
  const needs = useLiveQuery(() => listNeeds(db, communityId), [db, communityId]);
  const workshops = useLiveQuery(() => listWorkshops(db, communityId), [db, communityId]);
  const resources = useLiveQuery(() => listResources(db, communityId), [db, communityId]);
  const votes = useLiveQuery(() => listVotesInCommunity(db, communityId), [db, communityId]);
  const conflicted = useConflictedIds();
  const owners = useLiveQuery(() => listOwnerCandidates(db, communityId), [db, communityId]);
  const [order, setOrder] = useState<NeedOrder>(loadNeedOrder);
  const measures = useLiveQuery(() => listMeasures(db), [db]);

  const [filter, setFilter] = useState<NeedFilter>({ category: '', status: '' });
  const [editingId, setEditingId] = useState<string | null>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const voteCounts = useMemo(() => countVotesByNeed(votes ?? []), [votes]);
  const linkedResources = useMemo(() => resourcesByNeed(resources ?? []), [resources]);
  const groups = useMemo(() => groupNeeds(needs ?? [], voteCounts), [needs, voteCounts]);
  const choices = useMemo(() => ownerChoices(owners?.people ?? [], owners?.users ?? []), [owners]);

  // After an edit closes, the card it came from gets the focus back (or the list, if the card is gone).
  useEffect(() => {
    if (!returnFocusTo) return;
    const card = document.getElementById(`need-open-${returnFocusTo}`);
    (card ?? listHeading.current)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);

  const back = fromWorkshop ? `/workshops/${fromWorkshop}` : `/communities/${communityId}`;
  if (community === undefined || needs === undefined || workshops === undefined || resources === undefined || votes === undefined) {
    return <Page title={t('needs.title')} back={back}><Loading /></Page>;
  }
  if (community === null) return <Page title={t('needs.title')} back={back}><NotFoundMessage /></Page>;

  const addNeed = (need: QuickNeed) => attemptSave(async () => {
    await notebook.create('needs', { communityId, description: '', owner: '', ...need });
  });

  const closeEditor = (id: string) => {
    setEditingId(null);
    setReturnFocusTo(id);
  };

  const saveNeed = (id: string) => (values: NeedValues) => attemptSave(async () => {
    await notebook.update('needs', id, values);
    closeEditor(id);
  });

  const removeNeed = async (need: Need) => {
    try {
      await notebook.remove('needs', need.id);
      setEditingId(null);
      listHeading.current?.focus();
      showUndo(need.title, () => notebook.restore('needs', need.id));
    } catch (error) {
      toastSaveError(error);
    }
  };

  const knownWorkshop = workshops.some((workshop) => workshop.id === fromWorkshop) ? fromWorkshop : null;
  // In the order this device chose (most dots first unless changed); a card just written is newest among equals.
  const shown = sortNeeds(filterNeeds(needs, filter), voteCounts, order);
  const chooseOrder = (next: NeedOrder) => {
    setOrder(next);
    saveNeedOrder(next);
  };

  return (
    <Page title={`${t('needs.title')} — ${community.name}`} back={back} actions={
      <>
        {knownWorkshop && <a class="button" href={`/workshops/${knownWorkshop}/voting`}>{t('needs.toVoting')}</a>}
        <a class="button" href={`/communities/${communityId}/resources`}>{t('needs.toResources')}</a>
      </>
    }>
      <QuickNeedEntry workshops={workshops} defaultWorkshopId={knownWorkshop} onAdd={addNeed} />

      <section class="needs-board" aria-labelledby="needs-list-heading">
        <div class="needs-board__header">
          <div class="needs-board__title">
            <h2 id="needs-list-heading" ref={listHeading} tabIndex={-1}>{t('needs.title')}</h2>
            {needs.length > 0 && <p class="muted">{t('needs.shown', { count: shown.length, total: needs.length })}</p>}
          </div>
          {needs.length > 0 && (
            <div class="needs-filters" role="group" aria-label={t('needs.filters')}>
              <SelectField label={t('needs.filterCategory')} value={filter.category}
                options={[{ value: '', label: t('needs.allCategories') }, ...NEED_CATEGORIES.map((c) => ({ value: c, label: tLabel('needCategory', c) }))]}
                onValue={(category) => setFilter((f) => ({ ...f, category }))} />
              <SelectField label={t('needs.filterStatus')} value={filter.status}
                options={[{ value: '', label: t('needs.allStatuses') }, ...NEED_STATUSES.map((s) => ({ value: s, label: tLabel('needStatus', s) }))]}
                onValue={(status) => setFilter((f) => ({ ...f, status }))} />
              <SelectField label={t('needsOrder.label')} value={order} onValue={chooseOrder}
                options={NEED_ORDERS.map((o) => ({ value: o, label: t(`needsOrder.${o}`) }))} />
            </div>
          )}
        </div>

        {needs.length === 0 ? <p class="notice">{t('needs.empty')}</p>
          : shown.length === 0 ? <p class="notice">{t('needs.noMatch')}</p> : (
            <ul class="need-grid">
              {shown.map((need) => need.id === editingId ? (
                <li key={need.id} class="need-grid__item need-grid__item--editing">
                  <NeedForm key={need.id} workshops={workshops}
                    initial={{ title: need.title, description: need.description, category: need.category, status: need.status, owner: need.owner, workshopId: need.workshopId }}
                    onSave={saveNeed(need.id)} onCancel={() => closeEditor(need.id)} onDelete={() => removeNeed(need)} ownerChoices={choices} />
                  <NeedGroupPicker need={need} others={needs} votes={voteCounts}
                    onGroup={(sameAs) => void attemptSave(() => notebook.update('needs', need.id, { sameAs }))} />
                </li>
              ) : (
                <li key={need.id} class="need-grid__item">
                  <NeedCard need={need} votes={voteCounts.get(need.id) ?? 0} resources={linkedResources.get(need.id) ?? []}
                    group={groupSummary(groups.get(need.id))}
                    onOpen={() => setEditingId(need.id)} conflicted={conflicted?.has(need.id) ?? false}
                    photos={<>
                      <PhotoStrip parentTable="needs" parentId={need.id} communityId={need.communityId} name={need.title} compact />
                      {measures && <MatchingMeasures need={need} municipality={community.municipality} measures={measures} />}
                    </>} />
                </li>
              ))}
            </ul>
          )}
      </section>
    </Page>
  );
}

function groupSummary(group: { needIds: string[]; votes: number } | undefined): { others: number; votes: number } | undefined {
  return group && { others: group.needIds.length - 1, votes: group.votes };
}
