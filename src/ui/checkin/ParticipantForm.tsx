import { PARTICIPANT_ROLES, type EditableFields } from '../../../protocol';
import { localDay } from '../../domain/days';
import { t, tLabel } from '../../i18n';
import { CheckboxField, FieldGroup, FormError, SelectField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

/** What the form edits: everything but the community (fixed) and the erasure flag (set only by an erasure). */
export type ParticipantFields = Omit<EditableFields<'participants'>, 'communityId' | 'erased'>;

export function emptyParticipant(name = ''): ParticipantFields {
  return { name, household: '', phone: '', email: '', role: 'resident', consentData: false, consentPhotos: false, consentDate: '' };
}

export interface ParticipantFormProps {
  initial: ParticipantFields;
  submitLabel: string;
  onSave: (fields: ParticipantFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
  /** Puts the cursor in the name field, for a form the user just opened. */
  focusName?: boolean;
  /** Today's date, `YYYY-MM-DD`; the consent date when a box is ticked. */
  today?: () => string;
}

/** A participant's details and consent; shared by the participant list and the walk-in at check-in. */
export function ParticipantForm({ initial, submitLabel, onSave, onCancel, focusName = false, today = () => localDay(Date.now()) }: ParticipantFormProps) {
  const { values, set, change, failure, fieldError, saving, submit: runSave } = useEditForm(initial);
  // Consent is dated the day it is given; a date already there (typed or given earlier) is kept.
  const setConsent = (key: 'consentData' | 'consentPhotos', checked: boolean) =>
    change((current) => ({ ...current, [key]: checked, consentDate: checked && !current.consentDate ? today() : current.consentDate }));

  const submit = async (event: Event) => {
    event.preventDefault();
    await runSave(() => onSave(values));
  };

  return (
    <form noValidate onSubmit={submit} class="participant-form">
      <div class="form-grid">
        <TextField label={t('participant.name')} value={values.name} onValue={(v) => set('name', v)} error={fieldError('name')}
          required autoComplete="off" autoFocus={focusName} />
        <TextField label={t('participant.household')} value={values.household} onValue={(v) => set('household', v)} error={fieldError('household')}
          hint={t('participant.householdHint')} autoComplete="off" />
        <TextField label={t('participant.phone')} type="tel" value={values.phone} onValue={(v) => set('phone', v)} error={fieldError('phone')} autoComplete="off" />
        <TextField label={t('participant.email')} type="email" value={values.email} onValue={(v) => set('email', v)} error={fieldError('email')} autoComplete="off" />
        <SelectField label={t('participant.role')} value={values.role} onValue={(v) => set('role', v)} error={fieldError('role')}
          options={PARTICIPANT_ROLES.map((role) => ({ value: role, label: tLabel('role', role) }))} />
      </div>
      <FieldGroup legend={t('participant.consent')}>
        <CheckboxField label={t('participant.consentData')} checked={values.consentData} onChecked={(v) => setConsent('consentData', v)} />
        <CheckboxField label={t('participant.consentPhotos')} checked={values.consentPhotos} onChecked={(v) => setConsent('consentPhotos', v)} />
        <TextField label={t('participant.consentDate')} type="date" value={values.consentDate} onValue={(v) => set('consentDate', v)}
          error={fieldError('consentDate')} hint={t('participant.consentDateHint')} />
      </FieldGroup>
      <FormError message={failure?.message ?? null} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={saving}>{submitLabel}</button>
        <button type="button" class="button" onClick={onCancel}>{t('action.cancel')}</button>
      </div>
    </form>
  );
}
