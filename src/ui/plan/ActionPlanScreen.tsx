import { useEffect, useRef, useState } from 'preact/hooks';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listActions, listNeedChoices } from '../../db/plan-queries';
import { loadCurrentGrant } from '../../db/programme-queries';
import { listSpendingInCommunity } from '../../db/progress-queries';
import { planMoney } from '../../domain/spending';
import { MoneySummary } from '../progress/MoneySummary';
import { EMPTY_ACTION_INPUT, actionToInput, type ActionFields } from '../../domain/action-plan';
import { changedFields } from '../../domain/changed-fields';
import { localDay } from '../../domain/days';
import { planTotal } from '../../domain/grant';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { useRouteRecord } from '../components/use-route-record';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import { attemptSave } from '../save-error';
import { ActionCard } from './ActionCard';
import { ActionForm } from './ActionForm';
import { BudgetMeter } from './BudgetMeter';
import './plan.css';

type Editing = { kind: 'new' } | { kind: 'existing'; id: string } | null;

function fieldsOf(action: StoredRecord<'actions'>): ActionFields {
  const { needId, what, who, due, budgetCents, status } = action;
  return { needId, what, who, due, budgetCents, status };
}

/** /communities/:id/plan — what the community will do, by whom, when, and for how much of the grant. */
export function ActionPlanScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const back = `/communities/${communityId}`;
  const actions = useLiveQuery(() => listActions(db, communityId), [db, communityId]);
  const needs = useLiveQuery(() => listNeedChoices(db, communityId), [db, communityId]);
  const spending = useLiveQuery(() => listSpendingInCommunity(db, communityId), [db, communityId]);
  // The grant of the enrolment that runs today (src/domain/enrolment.ts), or null without one.
  const today = localDay(Date.now());
  const grant = useLiveQuery(() => loadCurrentGrant(db, communityId, today), [db, communityId, today]);
  const [editing, setEditing] = useState<Editing>(null);
  // The editor that closed last: focus goes back to the button that opened it.
  const [closed, setClosed] = useState<Editing>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const open = (next: Editing) => {
    if (editing) setClosed(editing);
    setEditing(next);
  };
  useEffect(() => {
    if (editing === null && closed?.kind === 'new') newButton.current?.focus();
  }, [editing, closed]);

  const title = t('plan.title');
  if (community === undefined || actions === undefined || needs === undefined || spending === undefined || grant === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (community === null) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const saveWith = (write: (fields: ActionFields) => Promise<unknown>) => (fields: ActionFields) => attemptSave(async () => {
    await write(fields);
    open(null);
  });
  const create = saveWith((fields) => notebook.create('actions', { ...fields, communityId }));
  const update = (action: StoredRecord<'actions'>) => saveWith(async (fields) => {
    const patch = changedFields(fieldsOf(action), fields);
    if (Object.keys(patch).length > 0) await notebook.update('actions', action.id, patch);
  });
  const remove = async (action: StoredRecord<'actions'>) => {
    // The card is about to vanish with the button that had focus.
    newButton.current?.focus();
    await notebook.remove('actions', action.id);
    showUndo(action.what, () => notebook.restore('actions', action.id));
  };
  const money = planMoney(actions, spending, grant?.grantCents ?? null);
  const spentOn = (actionId: string) => money.actions.find((row) => row.actionId === actionId)?.spentCents;
  const needTitle = (needId: string | null) => needs.find((need) => need.id === needId)?.title;

  return (
    <Page title={title} back={back} actions={editing?.kind !== 'new' && (
      <button ref={newButton} type="button" class="button button--primary" onClick={() => open({ kind: 'new' })}>+ {t('plan.new')}</button>
    )}>
      <p class="plan-community">{community.name}</p>
      <BudgetMeter total={planTotal(actions, grant?.grantCents ?? null)} programmeName={grant?.programmeName ?? ''} enrolHref={`/communities/${communityId}#enrolments`} />
      {spending.length > 0 && <MoneySummary money={money} />}
      {editing?.kind === 'new' && (
        <ActionForm title={t('plan.new')} initial={EMPTY_ACTION_INPUT} needs={needs} onSave={create} onCancel={() => open(null)} />
      )}
      {actions.length === 0 ? (
        editing === null && <p class="notice action-plan__empty">{t('plan.empty')}</p>
      ) : (
        <>
          <p class="muted action-plan__count">{t('plan.count', { count: actions.length })}</p>
          <ul class="card-list action-list">
            {actions.map((action) => (
              <li key={action.id} class={editing?.kind === 'existing' && editing.id === action.id ? 'action-list__editing' : undefined}>
                {editing?.kind === 'existing' && editing.id === action.id ? (
                  <ActionForm title={t('plan.edit')} initial={actionToInput(action)} needs={needs}
                    onSave={update(action)} onCancel={() => open(null)} />
                ) : (
                  <ActionCard action={action} needTitle={needTitle(action.needId)} spentCents={spending.length > 0 ? spentOn(action.id) : undefined}
                    takeFocus={editing === null && closed?.kind === 'existing' && closed.id === action.id}
                    onEdit={() => open({ kind: 'existing', id: action.id })} onDelete={() => void tellIfRefused(() => remove(action))} />
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
