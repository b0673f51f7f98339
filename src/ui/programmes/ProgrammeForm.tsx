import { useId } from 'preact/hooks';
import { MATURITIES, type EditableFields, type TargetIndicator } from '../../../protocol';
import { endsBeforeStart } from '../../domain/enrolment';
import { centsToEuroInput, parseEuroToCents } from '../../domain/grant';
import { DEFAULT_GRANT_LIMIT_CENTS, freeIndicators, isMoneyIndicator, repeatedIndicators, targetToInput, type TargetInput } from '../../domain/programme';
import { t, tLabel, tValidation } from '../../i18n';
import { FieldGroup, FormActions, RadioGroupField, SelectField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export type ProgrammeFields = EditableFields<'programmes'>;

/** What the form holds: amounts and targets as typed. */
export interface ProgrammeInput {
  name: string;
  funder: string;
  organiser: string;
  start: string;
  end: string;
  limitEmerging: string;
  limitActive: string;
  targets: TargetInput[];
}

export function emptyProgrammeInput(start: string): ProgrammeInput {
  return {
    name: '', funder: '', organiser: '', start, end: '',
    limitEmerging: centsToEuroInput(DEFAULT_GRANT_LIMIT_CENTS.emerging), limitActive: centsToEuroInput(DEFAULT_GRANT_LIMIT_CENTS.active), targets: [],
  };
}

export function programmeToInput(programme: ProgrammeFields): ProgrammeInput {
  return {
    name: programme.name, funder: programme.funder, organiser: programme.organiser, start: programme.start, end: programme.end,
    limitEmerging: centsToEuroInput(programme.grantLimitEmergingCents), limitActive: centsToEuroInput(programme.grantLimitActiveCents),
    targets: programme.targets.map((target) => targetToInput(target, centsToEuroInput)),
  };
}

const LIMIT_INPUT = { emerging: 'limitEmerging', active: 'limitActive' } as const;
/** The schema's field names, as the form names its controls. */
const INPUT_OF_FIELD: Record<string, string> = { grantLimitEmergingCents: 'limitEmerging', grantLimitActiveCents: 'limitActive' };

/** The typed amount or count of a target, or null when it is not one. */
function parseTarget(target: TargetInput): number | null {
  if (isMoneyIndicator(target.indicator)) return target.target.trim() === '' ? null : parseEuroToCents(target.target);
  return /^\d+$/.test(target.target.trim()) ? Number(target.target.trim()) : null;
}

/** The checks made before anything is written; null when the input makes a programme. */
export function checkProgramme(values: ProgrammeInput): { fields: ProgrammeFields | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (values.name.trim() === '') errors.name = tValidation('required');
  if (values.start === '') errors.start = tValidation('required');
  else if (endsBeforeStart(values)) errors.end = t('programmes.endBeforeStart');
  const emerging = parseEuroToCents(values.limitEmerging);
  const active = parseEuroToCents(values.limitActive);
  if (emerging === null) errors.limitEmerging = tValidation(values.limitEmerging.trim().startsWith('-') ? 'too_small' : 'invalid_number');
  if (active === null) errors.limitActive = tValidation(values.limitActive.trim().startsWith('-') ? 'too_small' : 'invalid_number');
  const repeated = repeatedIndicators(values.targets);
  const seen = new Set<TargetIndicator>();
  const targets = values.targets.map((target, index) => {
    const number = parseTarget(target);
    if (number === null) errors[`target-${index}`] = tValidation('invalid_number');
    if (repeated.has(target.indicator) && seen.has(target.indicator)) errors[`indicator-${index}`] = t('programmes.target.repeated');
    seen.add(target.indicator);
    return { indicator: target.indicator, target: number ?? 0, cumulative: target.cumulative };
  });
  if (Object.keys(errors).length > 0 || emerging === null || active === null) return { fields: null, errors };
  return {
    fields: {
      name: values.name.trim(), funder: values.funder.trim(), organiser: values.organiser.trim(), start: values.start, end: values.end,
      grantLimitEmergingCents: emerging, grantLimitActiveCents: active, targets,
    },
    errors,
  };
}

export interface ProgrammeFormProps {
  initial: ProgrammeInput;
  onSave: (fields: ProgrammeFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

/** A programme's facts, grant limits and targets; errors beside their fields, what was typed stays. */
export function ProgrammeForm({ initial, onSave, onCancel }: ProgrammeFormProps) {
  const { values, field, set, failure, setFailure, saving, submit } = useEditForm<ProgrammeInput>(initial);
  const errors = failure?.fields ?? {};

  const save = async (event: Event) => {
    event.preventDefault();
    const checked = checkProgramme(values);
    if (!checked.fields) {
      setFailure({ message: t('error.formInvalid'), fields: checked.errors });
      return;
    }
    const fields = checked.fields;
    await submit(async () => {
      const refused = await onSave(fields);
      if (!refused) return null;
      const named: Record<string, string> = {};
      for (const [name, message] of Object.entries(refused.fields)) named[INPUT_OF_FIELD[name] ?? name] = message;
      return { message: refused.message, fields: named };
    });
  };

  return (
    <form class="card programme-form" noValidate onSubmit={save} aria-label={t('programmes.facts')}>
      <TextField label={t('programmes.name')} {...field('name')} required autoComplete="off" />
      <div class="form-grid">
        <TextField label={t('programmes.funder')} {...field('funder')} autoComplete="off" />
        <TextField label={t('programmes.organiser')} hint={t('programmes.organiserHint')} {...field('organiser')} autoComplete="off" />
      </div>
      <div class="form-grid">
        <TextField label={t('programmes.start')} type="date" {...field('start')} required />
        <TextField label={t('programmes.end')} type="date" hint={t('programmes.endHint')} min={values.start || undefined} {...field('end')} />
      </div>
      <FieldGroup legend={t('programmes.grantLimits')}>
        <div class="form-grid">
          {MATURITIES.map((maturity) => (
            <TextField key={maturity} label={t('programmes.grantLimitFor', { maturity: tLabel('maturity', maturity) })}
              {...field(LIMIT_INPUT[maturity])} inputMode="decimal" autoComplete="off" />
          ))}
        </div>
      </FieldGroup>
      <TargetsEditor targets={values.targets} errors={errors} onTargets={(targets) => set('targets', targets)} />
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}

interface TargetsEditorProps {
  targets: TargetInput[];
  errors: Readonly<Record<string, string>>;
  onTargets: (targets: TargetInput[]) => void;
}

/** Rows of indicator, number and how it is counted; each indicator once. */
function TargetsEditor({ targets, errors, onTargets }: TargetsEditorProps) {
  const hintId = useId();
  const change = (index: number, patch: Partial<TargetInput>) => onTargets(targets.map((target, i) => (i === index ? { ...target, ...patch } : target)));
  const free = freeIndicators(targets);
  const add = () => {
    const indicator = free[0];
    if (indicator) onTargets([...targets, { indicator, target: '', cumulative: false }]);
  };
  return (
    <fieldset class="programme-targets" aria-describedby={hintId}>
      <legend>{t('programmes.targets')}</legend>
      <p class="field__hint" id={hintId}>{t('programmes.targetsHint')}</p>
      {targets.length === 0 && <p class="muted">{t('programmes.noTargets')}</p>}
      {targets.map((target, index) => (
        <fieldset key={index} class="programme-target">
          <legend>{t('programmes.target.row', { number: index + 1 })}</legend>
          <div class="form-grid">
            <SelectField label={t('programmes.target.indicator')} value={target.indicator} error={errors[`indicator-${index}`]}
              options={freeIndicators(targets, target.indicator).map((indicator) => ({ value: indicator, label: tLabel('targetIndicator', indicator) }))}
              onValue={(indicator) => change(index, { indicator })} />
            <TextField label={isMoneyIndicator(target.indicator) ? t('programmes.target.valueEuro') : t('programmes.target.value')}
              value={target.target} onValue={(value) => change(index, { target: value })} error={errors[`target-${index}`]}
              inputMode={isMoneyIndicator(target.indicator) ? 'decimal' : 'numeric'} autoComplete="off" />
          </div>
          <RadioGroupField legend={t('programmes.target.counting')} value={target.cumulative ? 'cumulative' : 'range'}
            options={[{ value: 'range', label: t('programmes.target.inRange') }, { value: 'cumulative', label: t('programmes.target.cumulative') }]}
            onValue={(counting) => change(index, { cumulative: counting === 'cumulative' })} />
          <button type="button" class="button" onClick={() => onTargets(targets.filter((_, i) => i !== index))}
            aria-label={`${t('programmes.target.remove')}: ${tLabel('targetIndicator', target.indicator)}`}>
            {t('programmes.target.remove')}
          </button>
        </fieldset>
      ))}
      {free.length > 0
        ? <button type="button" class="button" onClick={add}>+ {t('programmes.target.add')}</button>
        : <p class="muted">{t('programmes.target.allUsed')}</p>}
    </fieldset>
  );
}
