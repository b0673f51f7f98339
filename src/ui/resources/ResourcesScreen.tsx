import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ResourceKind } from '../../../protocol';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listNeeds, listResources } from '../../db/needs-queries';
import { groupByKind } from '../../domain/needs-board';
import { t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { useRouteRecord } from '../components/use-route-record';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { PhotoStrip } from '../photos/PhotoStrip';
import { attemptSave, toastSaveError } from '../save-error';
import { ResourceCard } from './ResourceCard';
import { ResourceForm, type ResourceValues } from './ResourceForm';
import './resources.css';

type Resource = StoredRecord<'resources'>;
type Editing = { mode: 'new'; kind: ResourceKind } | { mode: 'edit'; id: string } | null;

const emptyResource = (kind: ResourceKind): ResourceValues => ({
  kind, name: '', description: '', contact: '', availability: '', needIds: [],
});

/** The community's asset map: every kind of resource, each linkable to the needs it helps with. */
export function ResourcesScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const resources = useLiveQuery(() => listResources(db, communityId), [db, communityId]);
  const needs = useLiveQuery(() => listNeeds(db, communityId), [db, communityId]);
  const [editing, setEditing] = useState<Editing>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);

  const needsById = useMemo(() => new Map((needs ?? []).map((need) => [need.id, need])), [needs]);

  // A closed form hands the focus back to the button that opened it.
  useEffect(() => {
    if (!returnFocusTo) return;
    document.getElementById(returnFocusTo)?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);

  const back = `/communities/${communityId}`;
  if (community === undefined || resources === undefined || needs === undefined) {
    return <Page title={t('resources.title')} back={back}><Loading /></Page>;
  }
  if (community === null) return <Page title={t('resources.title')} back={back}><NotFoundMessage /></Page>;

  const close = (focusId: string) => {
    setEditing(null);
    setReturnFocusTo(focusId);
  };

  const create = (values: ResourceValues) => attemptSave(async () => {
    const id = await notebook.create('resources', { communityId, ...values });
    close(`resource-edit-${id}`);
  });

  const update = (id: string) => (values: ResourceValues) => attemptSave(async () => {
    await notebook.update('resources', id, values);
    close(`resource-edit-${id}`);
  });

  const remove = async (resource: Resource) => {
    try {
      await notebook.remove('resources', resource.id);
      close(`resource-add-${resource.kind}`);
      showUndo(resource.name, () => notebook.restore('resources', resource.id));
    } catch (error) {
      toastSaveError(error);
    }
  };

  const linkedNeeds = (resource: Resource) =>
    [...new Set(resource.needIds)].flatMap((id) => {
      const need = needsById.get(id);
      return need ? [need] : [];
    });

  return (
    <Page title={`${t('resources.title')} — ${community.name}`} back={back}
      actions={<a class="button" href={`/communities/${communityId}/needs`}>{t('resources.toNeeds')}</a>}>
      <p class="muted">{t('resources.intro')} {t('resources.count', { count: resources.length })}.</p>
      {resources.length === 0 && <p class="notice">{t('resources.empty')}</p>}
      <div class="asset-map">
        {groupByKind(resources).map(({ kind, resources: ofKind }) => (
          <section key={kind} class="asset-kind" aria-labelledby={`kind-${kind}`}>
            <div class="asset-kind__header">
              <h2 id={`kind-${kind}`}>{tLabel('resourceKind', kind)} <span class="muted asset-kind__count">({ofKind.length})</span></h2>
              <button type="button" id={`resource-add-${kind}`} class="button"
                aria-label={t('resources.addKind', { kind: tLabel('resourceKind', kind) })}
                onClick={() => setEditing({ mode: 'new', kind })}>+ {t('action.add')}</button>
            </div>
            {editing?.mode === 'new' && editing.kind === kind && (
              <div class="resource-editor">
                <ResourceForm initial={emptyResource(kind)} needs={needs}
                  onSave={create} onCancel={() => close(`resource-add-${kind}`)} />
              </div>
            )}
            {ofKind.length === 0 ? (editing?.mode === 'new' && editing.kind === kind ? null : <p class="muted">{t('resources.kindEmpty')}</p>) : (
              <ul class="resource-grid">
                {ofKind.map((resource) => editing?.mode === 'edit' && editing.id === resource.id ? (
                  <li key={resource.id} class="resource-grid__item resource-grid__item--editing">
                    <div class="resource-editor">
                      <ResourceForm needs={needs}
                        initial={{ kind: resource.kind, name: resource.name, description: resource.description, contact: resource.contact, availability: resource.availability, needIds: resource.needIds }}
                        onSave={update(resource.id)} onCancel={() => close(`resource-edit-${resource.id}`)} onDelete={() => remove(resource)} />
                    </div>
                  </li>
                ) : (
                  <li key={resource.id} class="resource-grid__item">
                    <ResourceCard resource={resource} needs={linkedNeeds(resource)} onEdit={() => setEditing({ mode: 'edit', id: resource.id })}
                      photos={<PhotoStrip parentTable="resources" parentId={resource.id} communityId={communityId} name={resource.name} compact />} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Page>
  );
}
