import { useLocation, useRoute } from 'preact-iso';
import { getRecord, listParishes, useLiveQuery } from '../../db';
import { changedFields } from '../../domain/changed-fields';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { attemptSave } from '../save-error';
import { CommunityForm, EMPTY_COMMUNITY, type CommunityValues } from './CommunityForm';

export function CommunityFormScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const existing = useLiveQuery(async () => (id ? (await getRecord(db, 'communities', id)) ?? null : null), [db, id]);
  const parishes = useLiveQuery(() => listParishes(db), [db]) ?? [];

  const title = id ? t('community.edit') : t('communities.new');
  const back = id ? `/communities/${id}` : '/';
  if (id && existing === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (id && (existing === null || existing?.deleted)) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const initial: CommunityValues = existing
    ? { name: existing.name, municipality: existing.municipality, parish: existing.parish, description: existing.description, maturity: existing.maturity, contacts: existing.contacts }
    : EMPTY_COMMUNITY;

  const save = (values: CommunityValues) => attemptSave(async () => {
    // An edit sends only what changed, so a colleague's offline edit of another field survives the sync.
    const savedId = id ? (await notebook.update('communities', id, changedFields(initial, values)), id) : await notebook.create('communities', values);
    route(`/communities/${savedId}`);
  });

  return (
    <Page title={title} back={back}>
      <CommunityForm key={existing?.id ?? 'new'} initial={initial} parishSuggestions={parishes} onSave={save} onCancel={() => route(back)} />
    </Page>
  );
}
