import { t } from '../../i18n';
import type { TallyRow } from '../../domain/votes';

export interface VoteTallyProps {
  rows: readonly TallyRow<{ id: string; title: string }>[];
}

/** The live result, most dots first, with bars scaled to the leader. */
export function VoteTally({ rows }: VoteTallyProps) {
  const total = rows.reduce((sum, row) => sum + row.votes, 0);
  const most = Math.max(1, ...rows.map((row) => row.votes));
  return (
    <section class="card vote-tally" aria-labelledby="tally-heading">
      <h2 id="tally-heading">{t('voting.tally')}</h2>
      <p class="muted">{t('voting.total', { count: total })}</p>
      <ol class="tally-rows">
        {rows.map(({ need, votes }) => (
          <li key={need.id} class="tally-row">
            <div class="tally-row__label">
              <span class="tally-row__title">{need.title}</span>
              <strong class="tally-row__count">{t('needs.votes', { count: votes })}</strong>
            </div>
            <div class="tally-row__track" aria-hidden="true">
              <div class="tally-row__bar" style={{ width: `${(votes / most) * 100}%` }} />
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
