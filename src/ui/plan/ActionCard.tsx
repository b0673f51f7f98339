import { useEffect, useRef } from 'preact/hooks';
import type { ActionFields } from '../../domain/action-plan';
import { formatDay, formatEuro, t, tLabel } from '../../i18n';

export interface ActionCardProps {
  action: ActionFields & { id: string };
  needTitle: string | undefined;
  /** What has been spent on it, in cents, when known. */
  spentCents?: number | undefined;
  onEdit: () => void;
  onDelete: () => void;
  /** Set on the card whose editor just closed, so focus returns where the person was. */
  takeFocus?: boolean;
}

/** One row of the plan, read-only; editing opens the form in its place. */
export function ActionCard({ action, needTitle, spentCents, onEdit, onDelete, takeFocus = false }: ActionCardProps) {
  const editButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (takeFocus) editButton.current?.focus();
    // Only on mount: the card appears in place of the closed editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on mount only: the card appears in place of the closed editor
  }, []);
  return (
    <article class={`action-card${action.status === 'dropped' ? ' action-card--dropped' : ''}`}>
      <header class="action-card__header">
        <h3 class="prewrap">{action.what}</h3>
        <span class={`tag action-card__status action-card__status--${action.status}`}>{tLabel('actionStatus', action.status)}</span>
      </header>
      <dl class="action-card__facts">
        {needTitle && <><dt>{t('plan.need')}</dt><dd>{needTitle}</dd></>}
        {action.who && <><dt>{t('plan.who')}</dt><dd>{action.who}</dd></>}
        <dt>{t('plan.due')}</dt><dd>{action.due ? formatDay(action.due) : t('plan.noDue')}</dd>
        <dt>{t('plan.budgetShort')}</dt><dd class="action-card__budget">{formatEuro(action.budgetCents)}</dd>
        {spentCents !== undefined && <><dt>{t('money.spent')}</dt><dd class="action-card__spent">{formatEuro(spentCents)}</dd></>}
      </dl>
      {spentCents !== undefined && spentCents > (action.status === 'dropped' ? 0 : action.budgetCents) && (
        <p class="notice notice--warning">{t('money.overBudget', { amount: formatEuro(spentCents - (action.status === 'dropped' ? 0 : action.budgetCents)) })}</p>
      )}
      <div class="button-row">
        <a class="button" href={`/actions/${action.id}`} aria-label={t('progress.openNamed', { what: action.what })}>{t('progress.open')}</a>
        <button ref={editButton} type="button" class="button" aria-label={t('plan.editNamed', { what: action.what })} onClick={onEdit}>{t('action.edit')}</button>
        <button type="button" class="button button--danger" aria-label={t('plan.deleteNamed', { what: action.what })} onClick={onDelete}>{t('action.delete')}</button>
      </div>
    </article>
  );
}
