import { t } from '../../i18n';

export interface Voter {
  id: string;
  name: string;
  dotsLeft: number;
}

export interface VoterPickerProps {
  voters: readonly Voter[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  checkInHref: string;
}

/** Large name buttons of the people checked in, so the voter is chosen with one tap at the flipchart. */
export function VoterPicker({ voters, selectedId, onSelect, checkInHref }: VoterPickerProps) {
  return (
    <section class="voter-picker" aria-labelledby="voter-heading">
      <h2 id="voter-heading">{t('voting.voter')}</h2>
      {voters.length === 0 ? (
        <p class="notice">{t('voting.noneCheckedIn')} <a href={checkInHref}>{t('voting.toCheckIn')}</a></p>
      ) : (
        <ul class="voter-grid">
          {voters.map((voter) => (
            <li key={voter.id}>
              <button type="button" class={`button voter-button${voter.id === selectedId ? ' button--selected' : ''}`}
                aria-pressed={voter.id === selectedId} onClick={() => onSelect(voter.id)}>
                <span class="voter-button__name">{voter.name}</span>
                <span class={`voter-button__left${voter.dotsLeft === 0 ? ' is-empty' : ''}`}>
                  {voter.dotsLeft === 0 ? t('voting.allUsed') : t('voting.dotsLeft', { count: voter.dotsLeft })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
