import { t, tLabel } from '../../i18n';
import type { NeedCategory } from '../../../protocol';

export interface VoteRow {
  need: { id: string; title: string; category: NeedCategory };
  total: number;
  /** Dots of the chosen voter on this need; null when nobody in particular is voting. */
  byVoter: number | null;
  canTakeBack: boolean;
}

export interface VoteListProps {
  rows: readonly VoteRow[];
  voterName: string | null;
  canAdd: boolean;
  /** Why "+" is disabled, shown above the list and tied to each "+" button. */
  blockedReason: string | null;
  status: string | null;
  onAdd: (needId: string) => void;
  onTakeBack: (needId: string) => void;
}

/** The needs with a big "−" and "+" each, in the order they were raised so nothing moves under a finger. */
export function VoteList({ rows, voterName, canAdd, blockedReason, status, onAdd, onTakeBack }: VoteListProps) {
  return (
    <section class="vote-list" aria-labelledby="vote-list-heading">
      <h2 id="vote-list-heading">{t('voting.needs')}</h2>
      {blockedReason ? <p key="blocked" id="vote-blocked" class="notice vote-list__blocked">{blockedReason}</p>
        : status && <p key="status" class="vote-list__status">{status}</p>}
      <ul class="vote-rows">
        {rows.map(({ need, total, byVoter, canTakeBack }) => (
          <li key={need.id} class="vote-row">
            <div class="vote-row__text">
              <span class="vote-row__title">{need.title}</span>
              <span class="muted vote-row__meta">
                {tLabel('needCategory', need.category)} · {t('needs.votes', { count: total })}
                {voterName !== null && byVoter !== null && byVoter > 0 && (
                  <> · <strong>{t('voting.byVoter', { name: voterName, value: t('voting.dots', { count: byVoter }) })}</strong></>
                )}
              </span>
            </div>
            <div class="vote-row__buttons">
              <button type="button" class="button big-button" aria-label={t('voting.removeDot', { title: need.title })}
                disabled={!canTakeBack} onClick={() => onTakeBack(need.id)}>−</button>
              <button type="button" class="button button--primary big-button" aria-label={t('voting.addDot', { title: need.title })}
                aria-describedby={blockedReason ? 'vote-blocked' : undefined} disabled={!canAdd} onClick={() => onAdd(need.id)}>+</button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
