// The photos of one workshop, need, resource or SWOT item, as screens place
// it: <PhotoStrip parentTable="needs" parentId={need.id} communityId={…} name={need.title} />.
// Wires the live query, downloads of images from other devices, adding,
// captioning and deleting (with undo) to the gallery, picker and viewer.
import { useEffect, useId, useState } from 'preact/hooks';
import type { PhotoParent as PhotoParentTable } from '../../../protocol';
import { useLiveQuery } from '../../db';
import { getBlobRow, getBlobRows, listPhotos, noteRemoteBlob, type BlobRow, type Photo } from '../../db/photos';
import { formatNumber, t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { online } from '../components/online';
import { showUndo } from '../components/toast';
import { attemptSave, toastSaveError } from '../save-error';
import { thumbUrl, useObjectUrl } from './blob-urls';
import { downloadPhoto, downloads } from './downloads';
import { CameraIcon } from './icons';
import { PhotoGallery, type GalleryItem, type PhotoAvailability } from './PhotoGallery';
import { PhotoPicker } from './PhotoPicker';
import { PhotoViewer, type ViewerPhoto } from './PhotoViewer';
import { usePhotoAdder } from './use-photo-adder';
import './photos.css';

export interface PhotoStripProps {
  parentTable: PhotoParentTable;
  parentId: string;
  communityId: string | null;
  /** The parent's title, for the controls' names ("Pievienot foto: Apgaismojums"). */
  name: string;
  /** Small tiles and a camera button that opens the picker, for cards and rows; a section with a heading otherwise. */
  compact?: boolean;
}

interface Entry {
  photo: Photo;
  row: BlobRow | undefined;
}

export function PhotoStrip({ parentTable, parentId, communityId, name, compact = false }: PhotoStripProps) {
  const { db, notebook } = useServices();
  const headingId = useId();
  const pickerId = useId();
  const entries = useLiveQuery(async (): Promise<Entry[]> => {
    const photos = await listPhotos(db, parentId);
    const rows = await getBlobRows(db, photos.map((photo) => photo.sha256));
    return photos.map((photo) => ({ photo, row: rows.get(photo.sha256) }));
  }, [db, parentId]);
  const [openIndex, setOpenIndex] = useState<number | null>(null);
  const [picking, setPicking] = useState(false);
  const adder = usePhotoAdder(notebook, { table: parentTable, id: parentId, communityId });
  const isOnline = online.value;
  const signedIn = session.value !== null;
  const fetching = downloads.value;

  // Images from other devices come down the first time they are shown (and again when the network returns).
  const missing = (entries ?? []).filter((entry) => !entry.row?.thumb).map((entry) => entry.photo);
  const missingKey = missing.map((photo) => photo.sha256).join(',');
  useEffect(() => {
    for (const photo of missing) {
      if (isOnline && signedIn) void downloadPhoto(db, photo);
      else void noteRemoteBlob(db, photo).catch(() => undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- missingKey stands for the missing photos (a new array each render)
  }, [db, missingKey, isOnline, signedIn]);

  const list = entries ?? [];
  const index = openIndex === null || list.length === 0 ? null : Math.min(openIndex, list.length - 1);
  const open = index === null ? undefined : list[index];
  const openSha = open?.photo.sha256 ?? null;
  const full = useLiveQuery(async () => (openSha ? { sha256: openSha, blob: (await getBlobRow(db, openSha))?.blob ?? null } : null), [db, openSha]);
  // Until the query for a newly shown photo answers, it still holds the previous photo's image.
  const fullUrl = useObjectUrl(openSha, full?.sha256 === openSha ? full.blob : null);

  if (!entries) return null;

  const availability = ({ photo, row }: Entry): PhotoAvailability => {
    if (row?.thumb) return 'ready';
    const state = fetching.get(photo.sha256);
    if (state) return state;
    if (!isOnline) return 'offline';
    return signedIn ? 'downloading' : 'signedOut';
  };
  const nameOf = (photo: Photo, at: number) => photo.caption || t('photos.untitled', { n: at + 1, total: list.length });
  const items: GalleryItem[] = list.map((entry, at) => ({
    id: entry.photo.id,
    name: nameOf(entry.photo, at),
    thumbUrl: entry.row?.thumb ? thumbUrl(entry.photo.sha256, entry.row.thumb) : null,
    availability: availability(entry),
  }));
  const viewerPhotos: ViewerPhoto[] = list.map((entry, at) => ({
    id: entry.photo.id, caption: entry.photo.caption, name: nameOf(entry.photo, at),
    width: entry.photo.width, height: entry.photo.height, size: entry.photo.size, availability: availability(entry),
  }));

  const close = () => {
    const id = open?.photo.id;
    setOpenIndex(null);
    // Back to the thumbnail that opened it (or the next one, after a delete).
    requestAnimationFrame(() => document.getElementById(`photo-thumb-${id}`)?.focus());
  };
  const remove = async (id: string) => {
    const photo = list.find((entry) => entry.photo.id === id)?.photo;
    try {
      await notebook.remove('photos', id);
    } catch (error) {
      toastSaveError(error);
      return;
    }
    if (list.length <= 1) setOpenIndex(null);
    showUndo(photo?.caption || t('photos.deletedName'), () => notebook.restore('photos', id));
  };
  const saveCaption = (id: string, caption: string) => attemptSave(async () => {
    await notebook.update('photos', id, { caption: caption.trim() });
  });

  const gallery = <PhotoGallery items={items} label={name} compact={compact} onOpen={setOpenIndex} />;
  const picker = <PhotoPicker onFiles={adder.add} progress={adder.progress} report={adder.report} />;
  const viewer = index !== null && (
    <PhotoViewer photos={viewerPhotos} index={index} imageUrl={fullUrl ?? items[index]?.thumbUrl ?? null}
      onIndex={setOpenIndex} onClose={close} onCaption={saveCaption} onDelete={(id) => void remove(id)} />
  );

  if (compact) {
    return (
      <div class="photo-strip photo-strip--compact">
        <div class="photo-strip__row">
          {gallery}
          <button type="button" class="button photo-strip__add" aria-expanded={picking} aria-controls={pickerId}
            aria-label={t('photos.addTo', { name })} title={t('photos.add')} onClick={() => setPicking((was) => !was)}>
            <CameraIcon />
          </button>
        </div>
        <div id={pickerId} hidden={!picking}>{picking && picker}</div>
        {viewer}
      </div>
    );
  }
  return (
    <section class="photo-strip" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('photos.title')} <span class="muted photo-strip__count">({formatNumber(list.length)})</span></h2>
      {list.length === 0 && <p class="muted">{t('photos.empty')}</p>}
      {gallery}
      {picker}
      {viewer}
    </section>
  );
}
