import type { CommunityFigures } from '../../domain/overview';
import { municipalityName } from '../../domain/municipalities';
import { formatNumber, t, tLabel } from '../../i18n';
import { DataTable } from './DataTable';

/** Every community in view with its own figures; the name opens the community. */
export function CommunityTable({ communities }: { communities: readonly CommunityFigures[] }) {
  return (
    <section class="card overview-wide" aria-labelledby="overview-communities-title" data-testid="overview-communities">
      <h2 id="overview-communities-title">{t('overview.communities')}</h2>
      <DataTable caption={t('overview.communities')} hideCaption scroll
        columns={[
          { header: t('overview.column.community') },
          { header: t('overview.column.municipality') },
          { header: t('overview.column.maturity') },
          { header: t('overview.column.workshopsHeld'), numeric: true },
          { header: t('overview.column.participants'), numeric: true },
          { header: t('overview.column.attendance'), numeric: true },
          { header: t('overview.column.needs'), numeric: true },
        ]}
        rows={communities.map((community) => ({
          key: community.id,
          header: <a href={`/communities/${community.id}`}>{community.name}</a>,
          cells: [
            municipalityName(community.municipality),
            tLabel('maturity', community.maturity),
            formatNumber(community.workshopsHeld),
            formatNumber(community.uniqueParticipants),
            formatNumber(community.attendance),
            formatNumber(community.needs),
          ],
        }))} />
    </section>
  );
}
