import { useState } from 'preact/hooks';
import type { NextStep } from '../../../protocol';
import { session } from '../../account/session';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listVisits } from '../../db/progress-queries';
import { localDay } from '../../domain/days';
import { formatDay, t } from '../../i18n';
import { useServices } from '../app-context';
import { FieldGroup, FormActions, TextAreaField, TextField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { useRouteRecord } from '../components/use-route-record';
import { useEditForm } from '../form-state';
import { PhotoStrip } from '../photos/PhotoStrip';
import { attemptSave, toastSaveError, type SaveFailure } from '../save-error';

interface VisitInput { date: string; attendees: string; discussed: string; steps: NextStep[] }

let stepCounter = 0;
function newStep(): NextStep {
  stepCounter += 1;
  return { id: `s${Date.now().toString(36)}${stepCounter}`, what: '', who: '', due: '', done: false };
}

/** /communities/:id/visits — the mentor's visit log: who came, what was discussed, next steps with who and by when, photos. */
export function VisitsScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const visits = useLiveQuery(() => listVisits(db, communityId), [db, communityId]);
  const mentors = useLiveQuery(async () => new Map((await db.members.toArray()).map((member) => [member.id, member.name])), [db]);
  const [adding, setAdding] = useState(false);
  const back = `/communities/${communityId}`;
  const title = t('visits.title');
  if (community === undefined || visits === undefined || mentors === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (community === null) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const create = (input: VisitInput) => attemptSave(async () => {
    await notebook.create('visits', {
      communityId, date: input.date, mentorId: session.value?.user.id ?? '', mentorName: session.value?.user.name ?? '', attendees: input.attendees.trim(), discussed: input.discussed,
      nextSteps: input.steps.filter((step) => step.what.trim() !== '').map((step) => ({ ...step, what: step.what.trim(), who: step.who.trim() })),
    });
    setAdding(false);
  });
  const toggleStep = (visit: StoredRecord<'visits'>, stepId: string) => {
    const nextSteps = visit.nextSteps.map((step) => (step.id === stepId ? { ...step, done: !step.done } : step));
    notebook.update('visits', visit.id, { nextSteps }).catch(toastSaveError);
  };

  return (
    <Page title={title} back={back} actions={!adding && <button type="button" class="button button--primary" onClick={() => setAdding(true)}>+ {t('visits.new')}</button>}>
      <p class="muted">{community.name}</p>
      {adding && <VisitForm onSave={create} onCancel={() => setAdding(false)} />}
      {visits.length === 0 ? !adding && <p class="notice">{t('visits.empty')}</p> : (
        <ul class="card-list" data-testid="visits">
          {visits.map((visit) => (
            <li key={visit.id} class="card">
              <h2>{formatDay(visit.date)}</h2>
              {(mentors.get(visit.mentorId) ?? visit.mentorName) && <p class="muted">{t('visits.mentor', { name: mentors.get(visit.mentorId) ?? visit.mentorName })}</p>}
              {visit.attendees && <p><strong>{t('visits.attendees')}:</strong> {visit.attendees}</p>}
              {visit.discussed && <p class="prewrap">{visit.discussed}</p>}
              {visit.nextSteps.length > 0 && (
                <fieldset>
                  <legend>{t('visits.nextSteps')}</legend>
                  {visit.nextSteps.map((step) => (
                    <label key={step.id} class="choice">
                      <input type="checkbox" checked={step.done} aria-label={t('visits.markDone', { what: step.what })} onChange={() => toggleStep(visit, step.id)} />
                      <span>{t('visits.stepLine', { what: step.what, who: step.who || '—', due: step.due ? formatDay(step.due) : '—' })}</span>
                    </label>
                  ))}
                </fieldset>
              )}
              <PhotoStrip parentTable="visits" parentId={visit.id} communityId={visit.communityId} name={t('visits.photos', { date: formatDay(visit.date) })} compact />
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

function VisitForm({ onSave, onCancel }: { onSave: (input: VisitInput) => Promise<SaveFailure | null>; onCancel: () => void }) {
  const { values, field, failure, saving, submit, change } = useEditForm<VisitInput>(() => ({ date: localDay(Date.now()), attendees: '', discussed: '', steps: [newStep()] }));
  const setStep = (index: number, patch: Partial<NextStep>) => change((current) => ({ ...current, steps: current.steps.map((step, at) => (at === index ? { ...step, ...patch } : step)) }));
  const save = async (event: Event) => {
    event.preventDefault();
    await submit(() => onSave(values));
  };
  return (
    <form class="card" noValidate onSubmit={save} aria-label={t('visits.new')}>
      <h2>{t('visits.new')}</h2>
      <TextField label={t('visits.date')} type="date" {...field('date')} required />
      <TextField label={t('visits.attendees')} {...field('attendees')} autoComplete="off" />
      <TextAreaField label={t('visits.discussed')} {...field('discussed')} />
      <FieldGroup legend={t('visits.nextSteps')} error={failure?.fields.nextSteps}>
        {values.steps.map((step, index) => (
          <div key={step.id} class="form-grid">
            <TextField label={t('visits.stepWhat')} value={step.what} onValue={(what) => setStep(index, { what })} autoComplete="off" />
            <TextField label={t('visits.stepWho')} value={step.who} onValue={(who) => setStep(index, { who })} autoComplete="off" />
            <TextField label={t('visits.stepDue')} type="date" value={step.due} onValue={(due) => setStep(index, { due })} />
          </div>
        ))}
        <button type="button" class="button" onClick={() => change((current) => ({ ...current, steps: [...current.steps, newStep()] }))}>+ {t('visits.addStep')}</button>
      </FieldGroup>
      <FormActions error={failure?.message} busy={saving} onCancel={onCancel} />
    </form>
  );
}
