import { useId } from 'preact/hooks';
import { t } from '../../i18n';

export type VotingMode = 'person' | 'anonymous';

export const MIN_DOTS = 1;
export const MAX_DOTS = 20;

export interface VotingSetupProps {
  dotsPerPerson: number;
  onDotsPerPerson: (dots: number) => void;
  mode: VotingMode;
  onMode: (mode: VotingMode) => void;
}

/** Dots per person and whether dots belong to people or to nobody. */
export function VotingSetup({ dotsPerPerson, onDotsPerPerson, mode, onMode }: VotingSetupProps) {
  const labelId = useId();
  const modeName = useId();
  return (
    <section class="card voting-setup" aria-label={t('voting.setup')}>
      <div class="dots-stepper" role="group" aria-labelledby={labelId}>
        <span id={labelId} class="dots-stepper__label">{t('voting.dotsPerPerson')}</span>
        <div class="dots-stepper__controls">
          <button type="button" class="button big-button" aria-label={t('voting.fewerDots')}
            disabled={dotsPerPerson <= MIN_DOTS} onClick={() => onDotsPerPerson(dotsPerPerson - 1)}>−</button>
          <output class="dots-stepper__value" aria-labelledby={labelId}>{dotsPerPerson}</output>
          <button type="button" class="button big-button" aria-label={t('voting.moreDots')}
            disabled={dotsPerPerson >= MAX_DOTS} onClick={() => onDotsPerPerson(dotsPerPerson + 1)}>+</button>
        </div>
      </div>
      <fieldset class="voting-mode">
        <legend>{t('voting.mode')}</legend>
        {(['person', 'anonymous'] as const).map((value) => (
          <label key={value} class="voting-mode__option">
            <input type="radio" name={modeName} value={value} checked={mode === value} onChange={() => onMode(value)} />
            <span>{value === 'person' ? t('voting.modePerson') : t('voting.modeAnonymous')}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
