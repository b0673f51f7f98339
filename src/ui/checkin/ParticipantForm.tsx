import { PARTICIPANT_ROLES, type ConsentText, type EditableFields } from '../../../protocol';
import { localDay } from '../../domain/days';
import { t, tLabel } from '../../i18n';
import { CheckboxField, FieldGroup, FormActions, SelectField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';
import { ConsentQuestions } from './ConsentQuestions';

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
  /**
   * At the door: the consent text in force is shown and answered as at a check-in, and the answers are
   * recorded with today's date and the text's version whatever they are (unticked: does not agree).
   */
  consentText?: ConsentText;
}

/** A participant's details and consent; shared by the participant list and the walk-in at check-in. */
export function ParticipantForm({ initial, submitLabel, onSave, onCancel, focusName = false, today = () => localDay(Date.now()), consentText }: ParticipantFormProps) {
  const { values, change, field, failure, saving, submit: runSave } = useEditForm(initial);
  // Consent is dated the day it is given; a date already there (typed or given earlier) is kept.
  const setConsent = (key: 'consentData' | 'consentPhotos', checked: boolean) =>
    change((current) => ({ ...current, [key]: checked, consentDate: checked && !current.consentDate ? today() : current.consentDate }));

  const submit = async (event: Event) => {
    event.preventDefault();
    await runSave(() => onSave(consentText ? { ...values, consentDate: today(), consentVersion: consentText.version } : values));
  };

  return (
    <form noValidate onSubmit={submit} class="participant-form">
      <div class="form-grid">
        <TextField label={t('participant.name')} {...field('name')} required autoComplete="off" autoFocus={focusName} />
        <TextField label={t('participant.household')} {...field('household')} hint={t('participant.householdHint')} autoComplete="off" />
        <TextField label={t('participant.phone')} type="tel" {...field('phone')} autoComplete="off" />
        <TextField label={t('participant.email')} type="email" {...field('email')} autoComplete="off" />
        <SelectField label={t('participant.role')} {...field('role')}
          options={PARTICIPANT_ROLES.map((role) => ({ value: role, label: tLabel('role', role) }))} />
      </div>
      {consentText ? (
        <ConsentQuestions text={consentText} consentData={values.consentData} consentPhotos={values.consentPhotos} onAnswer={setConsent} />
      ) : (
        <FieldGroup legend={t('participant.consent')}>
          <CheckboxField label={t('consent.answerData')} checked={values.consentData} onChecked={(v) => setConsent('consentData', v)} />
          <CheckboxField label={t('consent.answerPhotos')} checked={values.consentPhotos} onChecked={(v) => setConsent('consentPhotos', v)} />
          <TextField label={t('participant.consentDate')} type="date" {...field('consentDate')} hint={t('participant.consentDateHint')} />
        </FieldGroup>
      )}
      <FormActions error={failure?.message} submitLabel={submitLabel} busy={saving} onCancel={onCancel} />
    </form>
  );
}
