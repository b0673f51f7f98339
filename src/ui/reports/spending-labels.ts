import type { SpendingLabels } from '../../domain/export-lists';
import { t } from '../../i18n';

/** The spending sheet's words, in the interface language. */
export function spendingLabels(): SpendingLabels {
  return {
    sheet: t('export.spending'),
    community: t('reports.col.community'),
    action: t('recordField.actionId'),
    date: t('progress.date'),
    what: t('progress.whatBought'),
    supplier: t('progress.supplier'),
    amount: t('recordField.amountCents'),
    receipts: t('export.receipts'),
    total: t('reports.col.total'),
  };
}
