import type { TopNeed } from '../../domain/overview';
import { formatNumber, t, tLabel } from '../../i18n';
import { DataTable } from './DataTable';

/** The most-voted needs across communities, most dots first; a title opens its community's needs board. */
export function TopNeedsTable({ needs }: { needs: readonly TopNeed[] }) {
  return (
    <section class="card overview-wide" aria-labelledby="overview-top-needs-title" data-testid="overview-top-needs">
      <h2 id="overview-top-needs-title">{t('overview.topNeeds')}</h2>
      <p class="muted overview-note">{t('overview.topNeedsHint')}</p>
      {needs.length === 0 ? <p class="notice">{t('overview.topNeedsEmpty')}</p> : (
        <DataTable caption={t('overview.topNeeds')} hideCaption scroll
          columns={[
            { header: t('overview.column.rank'), numeric: true },
            { header: t('overview.column.need') },
            { header: t('overview.column.community') },
            { header: t('overview.column.category') },
            { header: t('overview.column.status') },
            { header: t('overview.column.votes'), numeric: true },
          ]}
          rows={needs.map((need, index) => ({
            key: need.id,
            header: formatNumber(index + 1),
            cells: [
              <a key="need" href={`/communities/${need.communityId}/needs`}>{need.title}</a>,
              need.communityName,
              tLabel('needCategory', need.category),
              tLabel('needStatus', need.status),
              formatNumber(need.votes),
            ],
          }))} />
      )}
    </section>
  );
}
