import { useId } from 'preact/hooks';
import { t } from '../../i18n';
import { RadioGroupField } from '../components/fields';

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
      <RadioGroupField legend={t('voting.mode')} class="voting-mode" optionClass="voting-mode__option" value={mode} onValue={onMode}
        options={[{ value: 'person', label: t('voting.modePerson') }, { value: 'anonymous', label: t('voting.modeAnonymous') }]} />
    </section>
  );
}
