import type { Overview } from '../../domain/overview';
import { formatNumber, t } from '../../i18n';

interface Figure {
  key: string;
  label: string;
  value: number;
  note?: string;
}

/** The headline numbers, large, each with what it counts. */
export function FigureGrid({ totals }: { totals: Overview['totals'] }) {
  const figures: Figure[] = [
    { key: 'communities', label: t('overview.figure.communities'), value: totals.communities },
    {
      key: 'workshopsHeld', label: t('overview.figure.workshopsHeld'), value: totals.workshopsHeld,
      ...(totals.workshopsPlanned > 0 ? { note: t('overview.figure.planned', { count: totals.workshopsPlanned }) } : {}),
    },
    { key: 'uniqueParticipants', label: t('overview.figure.uniqueParticipants'), value: totals.uniqueParticipants, note: t('overview.figure.uniqueHint') },
    { key: 'attendance', label: t('overview.figure.attendance'), value: totals.attendance, note: t('overview.figure.attendanceHint') },
    { key: 'needs', label: t('overview.figure.needs'), value: totals.needs, note: t('overview.figure.votes', { count: totals.votes }) },
    { key: 'resources', label: t('overview.figure.resources'), value: totals.resources },
  ];
  return (
    <section class="overview-figures" aria-labelledby="overview-figures-title">
      <h2 id="overview-figures-title" class="visually-hidden">{t('overview.figures')}</h2>
      <dl class="figure-grid">
        {figures.map((figure) => (
          <div key={figure.key} class="figure" data-testid={`figure-${figure.key}`}>
            <dt>{figure.label}</dt>
            <dd class="figure__value">{formatNumber(figure.value)}</dd>
            {figure.note && <dd class="figure__note">{figure.note}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
