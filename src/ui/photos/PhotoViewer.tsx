// One photo full screen in a modal <dialog>: previous and next by buttons,
// arrow keys or a swipe; the caption shown, editable, and the image's alt
// text; delete (with undo, by the caller); Escape or × closes. Mounted = open.
import { useId, useRef, useState } from 'preact/hooks';
import { megabytes } from '../../domain/photo-size';
import { t } from '../../i18n';
import { Field, FormError } from '../components/fields';
import type { SaveFailure } from '../save-error';
import { availabilityText, type PhotoAvailability } from './PhotoGallery';
import { useModalDialog } from '../components/modal';

export interface ViewerPhoto {
  id: string;
  caption: string;
  /** The caption, or "Foto 2 no 5". */
  name: string;
  width: number;
  height: number;
  size: number;
  availability: PhotoAvailability;
}

export interface PhotoViewerProps {
  photos: readonly ViewerPhoto[];
  index: number;
  /** The full image of photos[index], or its thumbnail while that loads; null when neither is here. */
  imageUrl: string | null;
  onIndex: (index: number) => void;
  onClose: () => void;
  onCaption: (id: string, caption: string) => Promise<SaveFailure | null>;
  onDelete: (id: string) => void;
}

/** A horizontal swipe longer than this (CSS px) turns the page. */
const SWIPE_PX = 50;

export function PhotoViewer({ photos, index, imageUrl, onIndex, onClose, onCaption, onDelete }: PhotoViewerProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const swipeStart = useRef<{ x: number; y: number } | null>(null);
  const titleId = useId();
  const photo = photos[index];
  const count = photos.length;
  const go = (step: number) => {
    const next = index + step;
    if (next >= 0 && next < count) onIndex(next);
  };

  useModalDialog(dialogRef, closeRef);

  if (!photo) return null;
  return (
    <dialog ref={dialogRef} class="photo-viewer" aria-labelledby={titleId}
      onCancel={(event) => { event.preventDefault(); onClose(); }}
      onKeyDown={(event) => {
        // Arrows move the caret while the caption is being typed.
        if (event.target instanceof HTMLInputElement) return;
        if (event.key === 'ArrowLeft') go(-1);
        if (event.key === 'ArrowRight') go(1);
      }}>
      <header class="photo-viewer__bar">
        <h2 id={titleId} class="photo-viewer__title">
          {t('photos.viewer')} <span class="photo-viewer__position">{t('photos.position', { n: index + 1, total: count })}</span>
        </h2>
        <button ref={closeRef} type="button" class="button photo-viewer__close" aria-label={t('action.close')} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <figure class="photo-viewer__figure"
        onPointerDown={(event) => { swipeStart.current = { x: event.clientX, y: event.clientY }; }}
        onPointerUp={(event) => {
          const start = swipeStart.current;
          swipeStart.current = null;
          if (!start) return;
          const dx = event.clientX - start.x;
          if (Math.abs(dx) > SWIPE_PX && Math.abs(dx) > Math.abs(event.clientY - start.y)) go(dx < 0 ? 1 : -1);
        }}>
        <div class="photo-viewer__stage">
          {imageUrl
            ? <img key={photo.id} src={imageUrl} alt={photo.name} class="photo-viewer__img" draggable={false} />
            : <p class="photo-viewer__missing">{availabilityText(photo.availability === 'ready' ? 'downloading' : photo.availability)}</p>}
          <button type="button" class="button photo-viewer__nav photo-viewer__nav--prev" aria-label={t('photos.previous')}
            disabled={index === 0} onClick={() => go(-1)}><span aria-hidden="true">‹</span></button>
          <button type="button" class="button photo-viewer__nav photo-viewer__nav--next" aria-label={t('photos.next')}
            disabled={index === count - 1} onClick={() => go(1)}><span aria-hidden="true">›</span></button>
        </div>
        <figcaption class="photo-viewer__caption">
          {photo.caption && <p class="photo-viewer__caption-text">{photo.caption}</p>}
          <p class="photo-viewer__details">
            {t('photos.details', { width: photo.width, height: photo.height, mb: megabytes(photo.size) })}
          </p>
        </figcaption>
      </figure>
      <CaptionForm key={photo.id} initial={photo.caption} onSave={(caption) => onCaption(photo.id, caption)} />
      <div class="button-row photo-viewer__actions">
        <button type="button" class="button button--danger" onClick={() => onDelete(photo.id)}>{t('photos.delete')}</button>
      </div>
    </dialog>
  );
}

function CaptionForm({ initial, onSave }: { initial: string; onSave: (caption: string) => Promise<SaveFailure | null> }) {
  const [caption, setCaption] = useState(initial);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saved, setSaved] = useState(false);
  const error = failure?.fields.caption;
  return (
    <form class="photo-viewer__form" noValidate onSubmit={async (event) => {
      event.preventDefault();
      const result = await onSave(caption);
      setFailure(result);
      setSaved(result === null);
    }}>
      <Field label={t('photos.caption')} error={error}>
        {(control) => (
          <div class="photo-viewer__caption-row">
            <input {...control} type="text" value={caption} onInput={(event) => { setCaption(event.currentTarget.value); setSaved(false); }} />
            <button type="submit" class="button" disabled={caption === initial}>{t('photos.saveCaption')}</button>
          </div>
        )}
      </Field>
      <FormError message={failure && !error ? failure.message : null} />
      <p class="photo-viewer__saved" role="status">{saved ? t('photos.captionSaved') : ''}</p>
    </form>
  );
}
