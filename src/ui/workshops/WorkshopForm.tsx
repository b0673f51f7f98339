import { WORKSHOP_KINDS, WORKSHOP_STATUSES, type EditableFields } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { FormActions, SelectField, TextAreaField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

/**
 * What the form edits: everything but the communities (chosen beside it), the notes (saved as typed on the
 * workshop page) and the programme as free text, which the form no longer writes (old devices still read it):
 * the programme is chosen from the organisation's programmes, by id.
 */
export type WorkshopFields = Omit<EditableFields<'workshops'>, 'communityId' | 'communityIds' | 'notes' | 'programme' | 'programmeId'> & {
  programmeId: string | null;
};

export const DEFAULT_DOTS_PER_PERSON = 3;

export function emptyWorkshop(date: string): WorkshopFields {
  return {
    title: '', kind: 'workshop', date, startTime: '', endTime: '', place: '', programmeId: null, facilitators: '',
    agenda: '', status: 'planned', dotsPerPerson: DEFAULT_DOTS_PER_PERSON,
  };
}

// The dots field holds what was typed, so a half-typed number is not turned into something else;
// the programme is '' for none.
type FormValues = Omit<WorkshopFields, 'dotsPerPerson' | 'programmeId'> & { dotsPerPerson: string; programmeId: string };

export interface WorkshopFormProps {
  initial: WorkshopFields;
  /** The organisation's programmes to choose from (src/db/programme-queries.ts listProgrammes). */
  programmes: readonly { id: string; name: string }[];
  /** The programme as once typed on an event written before events named one by id: shown until one is chosen. */
  legacyProgramme?: string;
  onSave: (fields: WorkshopFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

/** Create or edit a workshop. Errors appear beside their fields; what was typed stays. */
export function WorkshopForm({ initial, programmes, legacyProgramme = '', onSave, onCancel }: WorkshopFormProps) {
  const { values, field, failure, setFailure, saving, submit: runSave } =
    useEditForm<FormValues>(() => ({ ...initial, dotsPerPerson: String(initial.dotsPerPerson), programmeId: initial.programmeId ?? '' }));
  const programmeOptions = [
    { value: '', label: t('workshop.noProgramme') },
    ...programmes.map((programme) => ({ value: programme.id, label: programme.name })),
    // A programme deleted since (or not on this device) stays the event's until another is chosen.
    ...(values.programmeId === '' || programmes.some((programme) => programme.id === values.programmeId)
      ? [] : [{ value: values.programmeId, label: t('overview.filter.unknownProgramme') }]),
  ];
  const legacy = legacyProgramme.trim();

  const submit = async (event: Event) => {
    event.preventDefault();
    const fields = toWorkshopFields(values);
    const timeProblem = checkTimes(fields);
    if (timeProblem) {
      setFailure(timeProblem);
      return;
    }
    await runSave(async () => {
      const result = await onSave(fields);
      return result && explainBlankNumber(result, fields);
    });
  };

  return (
    <form noValidate onSubmit={submit}>
      <TextField label={t('workshop.title')} {...field('title')} required autoComplete="off" />
      <div class="form-grid">
        <SelectField label={t('workshop.kind')} {...field('kind')}
          options={WORKSHOP_KINDS.map((kind) => ({ value: kind, label: tLabel('workshopKind', kind) }))} />
        <SelectField label={t('workshop.status')} {...field('status')}
          options={WORKSHOP_STATUSES.map((status) => ({ value: status, label: tLabel('workshopStatus', status) }))} />
      </div>
      <div class="form-grid">
        <TextField label={t('workshop.date')} type="date" {...field('date')} required />
        <TextField label={t('workshop.startTime')} type="time" {...field('startTime')} />
        <TextField label={t('workshop.endTime')} type="time" {...field('endTime')} />
      </div>
      <div class="form-grid">
        <TextField label={t('workshop.place')} {...field('place')} hint={t('workshop.placeHint')} />
        <SelectField label={t('workshop.programme')} {...field('programmeId')} options={programmeOptions}
          hint={legacy !== '' && values.programmeId === '' ? t('workshop.legacyProgramme', { programme: legacy }) : t('workshop.chooseProgrammeHint')} />
      </div>
      <div class="form-grid">
        <TextField label={t('workshop.facilitators')} {...field('facilitators')} hint={t('workshop.facilitatorsHint')} />
        <TextField label={t('workshop.dotsPerPerson')} type="number" inputMode="numeric" min={1} max={20} step={1}
          {...field('dotsPerPerson')} hint={t('workshop.dotsPerPersonHint')} />
      </div>
      <TextAreaField label={t('workshop.agenda')} {...field('agenda')} rows={6} />

      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}

function toWorkshopFields(values: FormValues): WorkshopFields {
  const dots = values.dotsPerPerson.trim();
  // Anything but a whole number goes to the schema as NaN, which it refuses beside the field.
  return { ...values, dotsPerPerson: /^\d+$/.test(dots) ? Number(dots) : Number.NaN, programmeId: values.programmeId === '' ? null : values.programmeId };
}

/** The schema calls a blank or garbled number just "invalid"; say what to type instead. */
function explainBlankNumber(failure: SaveFailure, fields: WorkshopFields): SaveFailure {
  if (!failure.fields.dotsPerPerson || !Number.isNaN(fields.dotsPerPerson)) return failure;
  return { ...failure, fields: { ...failure.fields, dotsPerPerson: t('validation.invalid_number') } };
}

/** An end time at or before the start time is a slip of the finger: caught before anything is written. */
function checkTimes(fields: WorkshopFields): SaveFailure | null {
  if (fields.startTime && fields.endTime && fields.endTime <= fields.startTime) {
    return { message: t('error.formInvalid'), fields: { endTime: t('workshop.endBeforeStart') } };
  }
  return null;
}
