import { useLocation, useRoute } from 'preact-iso';
import { session } from '../../account/session';
import { getRecord, useLiveQuery } from '../../db';
import { changedFields } from '../../domain/changed-fields';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { attemptSave } from '../save-error';
import { ProgrammeForm, emptyProgrammeInput, programmeToInput, type ProgrammeFields } from './ProgrammeForm';
import './programmes.css';

/** /programmes/new and /programmes/:id/edit — a coordinator writes a programme (the server refuses anyone else). */
export function ProgrammeFormScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const existing = useLiveQuery(async () => (id ? (await getRecord(db, 'programmes', id)) ?? null : null), [db, id]);
  const title = id ? t('programmes.edit') : t('programmes.new');
  const back = id ? `/programmes/${id}` : '/programmes';
  if (session.value?.user.role !== 'coordinator') return <Page title={title} back={back}><p class="notice">{t('programmes.coordinatorOnly')}</p></Page>;
  if (existing === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (id && (existing === null || existing.deleted)) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const original: ProgrammeFields | null = existing && {
    name: existing.name, funder: existing.funder, organiser: existing.organiser, start: existing.start, end: existing.end,
    grantLimitEmergingCents: existing.grantLimitEmergingCents, grantLimitActiveCents: existing.grantLimitActiveCents, targets: existing.targets,
  };
  const save = (fields: ProgrammeFields) => attemptSave(async () => {
    // An edit sends only what changed, so a colleague's edit of another field survives the sync.
    let savedId: string;
    if (existing && original) {
      const patch = changedFields(original, fields);
      // The targets are a list, new on every save: sent only when they differ.
      if (JSON.stringify(original.targets) === JSON.stringify(fields.targets)) delete patch.targets;
      await notebook.update('programmes', existing.id, patch);
      savedId = existing.id;
    } else {
      savedId = await notebook.create('programmes', fields);
    }
    route(`/programmes/${savedId}`);
  });
  return (
    <Page title={title} back={back}>
      <ProgrammeForm key={existing?.id ?? 'new'} initial={original ? programmeToInput(original) : emptyProgrammeInput(localDay(Date.now()))}
        onSave={save} onCancel={() => route(back)} />
    </Page>
  );
}
