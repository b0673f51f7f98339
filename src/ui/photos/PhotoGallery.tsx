// A record's photos as a row of thumbnails, each opening the viewer. A photo
// from another device that is not here yet shows why instead of a picture.
import { t } from '../../i18n';
import { CloudIcon } from './icons';

export type PhotoAvailability = 'ready' | 'offline' | 'signedOut' | 'downloading' | 'failed';

export interface GalleryItem {
  id: string;
  /** The caption, or "Foto 2 no 5" when there is none: the image's alt text and the button's name. */
  name: string;
  thumbUrl: string | null;
  availability: PhotoAvailability;
}

export interface PhotoGalleryProps {
  items: readonly GalleryItem[];
  /** What the photos belong to, for the list's name. */
  label: string;
  compact?: boolean;
  onOpen: (index: number) => void;
}

export function availabilityText(availability: PhotoAvailability): string {
  switch (availability) {
    case 'offline': return t('photos.notDownloaded');
    case 'signedOut': return t('photos.notDownloadedSignIn');
    case 'downloading': return t('photos.downloading');
    case 'failed': return t('photos.downloadFailed');
    case 'ready': return '';
  }
}

export function PhotoGallery({ items, label, compact = false, onOpen }: PhotoGalleryProps) {
  if (items.length === 0) return null;
  const waiting = items.find((item) => item.availability !== 'ready');
  return (
    <>
      <ul class={`photo-gallery${compact ? ' photo-gallery--compact' : ''}`} aria-label={t('photos.list', { name: label })}>
        {items.map((item, index) => (
          <li key={item.id}>
            <button type="button" id={`photo-thumb-${item.id}`} class="photo-thumb" onClick={() => onOpen(index)}
              aria-label={t('photos.open', { name: item.name })}>
              {item.thumbUrl
                ? <img src={item.thumbUrl} alt="" class="photo-thumb__img" />
                : (
                  <span class={`photo-thumb__placeholder photo-thumb__placeholder--${item.availability}`}>
                    <CloudIcon />
                    {!compact && <span class="photo-thumb__note">{availabilityText(item.availability)}</span>}
                  </span>
                )}
            </button>
          </li>
        ))}
      </ul>
      {/* Small tiles have no room for words: one line under them says it. */}
      {compact && waiting && <p class="photo-gallery__note muted">{availabilityText(waiting.availability)}</p>}
    </>
  );
}
