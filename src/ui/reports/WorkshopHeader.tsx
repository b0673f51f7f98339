import type { StoredRecord } from '../../db';
import { municipalityName } from '../../domain/municipalities';
import { formatDay, t } from '../../i18n';
import { useProgrammeName } from '../workshops/use-programme-name';

export interface WorkshopHeaderProps {
  workshop: StoredRecord<'workshops'>;
  community: StoredRecord<'communities'> | null;
}

/** What, when, where and who of a workshop, at the head of a printed page. */
export function WorkshopHeader({ workshop, community }: WorkshopHeaderProps) {
  const times = [workshop.startTime, workshop.endTime].filter(Boolean).join('–');
  const programme = useProgrammeName(workshop);
  const place = community ? [community.parish, municipalityName(community.municipality)].filter(Boolean).join(', ') : '';
  const facts: [string, string][] = [
    [t('workshop.when'), `${formatDay(workshop.date)}${times ? `, ${times}` : ''}`],
    [t('workshop.where'), workshop.place],
    [t('workshop.community'), community ? `${community.name}${place ? ` (${place})` : ''}` : ''],
    [t('workshop.programme'), programme],
    [t('workshop.facilitators'), workshop.facilitators],
  ];
  return (
    <header class="print-header">
      <h2 class="print-header__title">{workshop.title}</h2>
      <dl class="print-facts">
        {facts.filter(([, value]) => value).map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
