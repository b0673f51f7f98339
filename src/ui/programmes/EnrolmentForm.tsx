import { MATURITIES, type EditableFields, type Maturity } from '../../../protocol';
import { listMentorChoices, listRepresentativeChoices } from '../../db/programme-queries';
import { useLiveQuery } from '../../db';
import { defaultEnrolmentEnd, endsBeforeStart, grantLimitFor, grantWithinLimit } from '../../domain/enrolment';
import { centsToEuroInput, parseEuroToCents } from '../../domain/grant';
import { formatEuro, t, tLabel, tValidation } from '../../i18n';
import { useServices } from '../app-context';
import { FormActions, SelectField, TextField } from '../components/fields';
import { useEditForm } from '../form-state';
import type { SaveFailure } from '../save-error';
import { RepresentativePicker } from './RepresentativePicker';

export type EnrolmentFields = EditableFields<'enrolments'>;

type ProgrammeChoice = { id: string; name: string; grantLimitEmergingCents: number; grantLimitActiveCents: number };
type CommunityChoice = { id: string; name: string; maturity: Maturity };

interface Input {
  programmeId: string;
  communityId: string;
  start: string;
  end: string;
  maturity: Maturity;
  representativeIds: string[];
  /** '' for none. */
  mentorId: string;
  grant: string;
}

export interface EnrolmentFormProps {
  /** The programmes to choose from (one, when opened from a programme's page). */
  programmes: readonly ProgrammeChoice[];
  /** The communities to choose from (one, when opened from a community's page). */
  communities: readonly CommunityChoice[];
  /** The enrolment being edited; its programme and community stay. */
  existing?: EnrolmentFields | undefined;
  /** Today, `YYYY-MM-DD`: a new enrolment starts on it. */
  today: string;
  title: string;
  onSave: (fields: EnrolmentFields) => Promise<SaveFailure | null>;
  onCancel: () => void;
}

function initialInput({ programmes, communities, existing, today }: EnrolmentFormProps): Input {
  if (existing) {
    return {
      programmeId: existing.programmeId, communityId: existing.communityId, start: existing.start, end: existing.end, maturity: existing.maturity,
      representativeIds: [...existing.representativeIds], mentorId: existing.mentorId ?? '', grant: centsToEuroInput(existing.grantCents),
    };
  }
  const programme = programmes.length === 1 ? programmes[0] : undefined;
  const community = communities.length === 1 ? communities[0] : undefined;
  const maturity = community?.maturity ?? 'emerging';
  return {
    programmeId: programme?.id ?? '', communityId: community?.id ?? '', start: today, end: defaultEnrolmentEnd(today), maturity,
    representativeIds: [], mentorId: '', grant: programme ? centsToEuroInput(grantLimitFor(programme, maturity)) : '',
  };
}

/**
 * A community's enrolment in a programme: the period (twelve months from the start unless changed), its maturity
 * at entry, 2–3 representatives from the people register, a mentor and the grant, which may not pass the
 * programme's limit for the maturity. Errors appear beside their fields; what was typed stays.
 */
export function EnrolmentForm(props: EnrolmentFormProps) {
  const { programmes, communities, existing, title, onSave, onCancel } = props;
  const { db } = useServices();
  const { values, field, set, change, failure, setFailure, saving, submit } = useEditForm<Input>(() => initialInput(props));
  const people = useLiveQuery(() => (values.communityId ? listRepresentativeChoices(db, values.communityId) : Promise.resolve([])), [db, values.communityId]);
  const mentors = useLiveQuery(() => listMentorChoices(db), [db]);
  const programme = programmes.find((row) => row.id === values.programmeId);
  const limit = programme ? grantLimitFor(programme, values.maturity) : null;
  const maturityLabel = tLabel('maturity', values.maturity);

  // A start moved drags along an end still at its default; an end the person chose stays.
  const setStart = (start: string) => change((current) => ({
    ...current, start, end: current.end === defaultEnrolmentEnd(current.start) ? defaultEnrolmentEnd(start) : current.end,
  }));
  // A grant still at the programme's limit follows the maturity to its limit; one typed stays.
  const withMaturity = (current: Input, maturity: Maturity): Input => ({
    ...current, maturity,
    grant: programme && current.grant === centsToEuroInput(grantLimitFor(programme, current.maturity))
      ? centsToEuroInput(grantLimitFor(programme, maturity)) : current.grant,
  });
  const setCommunity = (communityId: string) => change((current) => withMaturity(
    { ...current, communityId, representativeIds: [] },
    communities.find((community) => community.id === communityId)?.maturity ?? current.maturity,
  ));

  const save = async (event: Event) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (values.programmeId === '') errors.programmeId = tValidation('required');
    if (values.communityId === '') errors.communityId = tValidation('required');
    if (values.start === '') errors.start = tValidation('required');
    else if (endsBeforeStart(values)) errors.end = t('programmes.endBeforeStart');
    const grantCents = parseEuroToCents(values.grant);
    if (grantCents === null) errors.grant = tValidation(values.grant.trim().startsWith('-') ? 'too_small' : 'invalid_number');
    else if (programme && !grantWithinLimit(grantCents, programme, values.maturity)) {
      errors.grant = t('enrolment.overLimit', { limit: formatEuro(grantLimitFor(programme, values.maturity)), maturity: maturityLabel });
    }
    if (Object.keys(errors).length > 0 || grantCents === null) {
      setFailure({ message: t('error.formInvalid'), fields: errors });
      return;
    }
    const fields: EnrolmentFields = {
      programmeId: values.programmeId, communityId: values.communityId, start: values.start, end: values.end, maturity: values.maturity,
      representativeIds: values.representativeIds, mentorId: values.mentorId === '' ? null : values.mentorId, grantCents,
    };
    await submit(async () => {
      const refused = await onSave(fields);
      if (!refused) return null;
      const named: Record<string, string> = {};
      for (const [name, message] of Object.entries(refused.fields)) named[name === 'grantCents' ? 'grant' : name] = message;
      return { message: refused.message, fields: named };
    });
  };

  return (
    <form class="card enrolment-form" noValidate onSubmit={save} aria-label={title}>
      <h3>{title}</h3>
      <div class="form-grid">
        {existing || programmes.length === 1 ? <p><strong>{t('enrolment.programme')}:</strong> {programme?.name ?? ''}</p> : (
          <SelectField label={t('enrolment.programme')} {...field('programmeId')} placeholder={t('enrolment.choose')} required
            options={programmes.map((row) => ({ value: row.id, label: row.name }))} />
        )}
        {existing || communities.length === 1 ? <p><strong>{t('enrolment.community')}:</strong> {communities.find((row) => row.id === values.communityId)?.name ?? ''}</p> : (
          <SelectField label={t('enrolment.community')} value={values.communityId} error={failure?.fields.communityId} placeholder={t('enrolment.choose')} required
            options={communities.map((row) => ({ value: row.id, label: row.name }))} onValue={setCommunity} />
        )}
      </div>
      <div class="form-grid">
        <TextField label={t('enrolment.start')} type="date" value={values.start} onValue={setStart} error={failure?.fields.start} required />
        <TextField label={t('enrolment.end')} type="date" hint={t('enrolment.endHint')} min={values.start || undefined} {...field('end')} />
      </div>
      <div class="form-grid">
        <SelectField label={t('enrolment.maturity')} value={values.maturity} onValue={(maturity) => change((current) => withMaturity(current, maturity))}
          options={MATURITIES.map((maturity) => ({ value: maturity, label: tLabel('maturity', maturity) }))} />
        <TextField label={t('enrolment.grant')} {...field('grant')} inputMode="decimal" autoComplete="off"
          hint={limit === null ? undefined : t('enrolment.grantHint', { limit: formatEuro(limit), maturity: maturityLabel })} />
      </div>
      <SelectField label={t('enrolment.mentor')} {...field('mentorId')}
        options={[{ value: '', label: t('enrolment.noMentor') },
          ...(mentors ?? []).map((mentor) => ({ value: mentor.id, label: `${mentor.name} (${tLabel('userRole', mentor.role)})` })),
          // A mentor no longer active stays named until another is chosen.
          ...(values.mentorId !== '' && mentors && !mentors.some((mentor) => mentor.id === values.mentorId) ? [{ value: values.mentorId, label: t('enrolment.unnamed') }] : [])]} />
      {values.communityId !== '' && (
        <RepresentativePicker people={people ?? []} chosen={values.representativeIds} onChosen={(ids) => set('representativeIds', ids)} />
      )}
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}
