import { t } from '../../i18n';
import { Field } from '../components/fields';

export interface OwnerFieldProps {
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  /** The people and users to choose from; any other name may still be typed. */
  choices: readonly { name: string; kind: 'person' | 'user' }[];
}

/** "Who is responsible": a person or a user picked from the list the browser offers, or a name typed for someone not in Talka. */
export function OwnerField({ value, onValue, error, choices }: OwnerFieldProps) {
  return (
    <Field label={t('needs.owner')} error={error} hint={t('needsOrder.ownerHint')}>
      {(control) => (
        <>
          <input {...control} type="text" value={value} list={`${control.id}-owners`} autoComplete="off"
            onInput={(event) => onValue(event.currentTarget.value)} />
          <datalist id={`${control.id}-owners`}>
            {choices.map((choice) => (
              <option key={choice.name} value={choice.name} label={t(choice.kind === 'user' ? 'needsOrder.ownerUser' : 'needsOrder.ownerPerson')} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}
