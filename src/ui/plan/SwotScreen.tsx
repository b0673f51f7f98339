import { useMemo, useState } from 'preact/hooks';
import { listWorkshops, useLiveQuery } from '../../db';
import { listSwotItems } from '../../db/plan-queries';
import { changedFields } from '../../domain/changed-fields';
import { groupByQuadrant, localDay, previewText, workshopOnDay } from '../../domain/swot-board';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { useRouteRecord } from '../components/use-route-record';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { showUndo } from '../components/toast';
import { tellIfRefused } from '../device/tell-if-refused';
import { PhotoStrip } from '../photos/PhotoStrip';
import { attemptSave } from '../save-error';
import { SwotBoard, type SwotBoardItem } from './SwotBoard';
import './plan.css';

/** /communities/:id/swot — the community's SWOT board, written during a workshop. */
export function SwotScreen() {
  const { db, notebook } = useServices();
  const { id: communityId, record: community } = useRouteRecord('communities');
  const back = `/communities/${communityId}`;
  const items = useLiveQuery(() => listSwotItems(db, communityId), [db, communityId]);
  const workshops = useLiveQuery(() => listWorkshops(db, communityId), [db, communityId]);
  // null until the person picks: until then, follow the workshop held today.
  const [chosenWorkshopId, setChosenWorkshopId] = useState<string | null>(null);
  const groups = useMemo(() => groupByQuadrant(items ?? []), [items]);

  const title = t('swotBoard.title');
  if (community === undefined || items === undefined || workshops === undefined) return <Page title={title} back={back}><Loading /></Page>;
  if (community === null) return <Page title={title} back={back}><NotFoundMessage /></Page>;

  const sourceWorkshopId = chosenWorkshopId ?? workshopOnDay(workshops, localDay(new Date()));
  const workshopChoices = workshops.map((workshop) => ({ id: workshop.id, title: workshop.title }));


  const remove = async (item: SwotBoardItem) => {
    await notebook.remove('swot', item.id);
    showUndo(previewText(item.text), () => notebook.restore('swot', item.id));
  };

  return (
    <Page title={title} back={back}>
      <p class="plan-community">{community.name}</p>
      <SwotBoard
        groups={groups}
        workshops={workshopChoices}
        sourceWorkshopId={sourceWorkshopId}
        onSourceWorkshop={setChosenWorkshopId}
        onAdd={(quadrant, text) => attemptSave(() => notebook.create('swot', {
          communityId, quadrant, text, workshopId: sourceWorkshopId === '' ? null : sourceWorkshopId,
        }))}
        onSave={(item, values) => attemptSave(async () => {
          const patch = changedFields({ text: item.text, workshopId: item.workshopId }, values);
          if (Object.keys(patch).length > 0) await notebook.update('swot', item.id, patch);
        })}
        onDelete={(item) => void tellIfRefused(() => remove(item))}
        renderPhotos={(item) => <PhotoStrip parentTable="swot" parentId={item.id} communityId={communityId} name={previewText(item.text)} compact />}
      />
    </Page>
  );
}
