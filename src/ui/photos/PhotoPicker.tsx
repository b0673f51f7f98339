// Taking a photo with the camera or picking image files, with an optional
// caption for them. Each button is a label over a real file input, so it has
// a name, takes the keyboard focus and opens the camera on a tablet.
import type { JSX } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { CameraIcon, ImagesIcon } from './icons';
import type { AddProgress, AddReport } from './use-photo-adder';

export interface PhotoPickerProps {
  /** Stores the files; resolves with how many were kept. */
  onFiles: (files: File[], caption: string) => Promise<number>;
  progress: AddProgress | null;
  report: AddReport | null;
}

export function PhotoPicker({ onFiles, progress, report }: PhotoPickerProps) {
  const captionId = useId();
  const [caption, setCaption] = useState('');
  const busy = progress !== null;

  const pick = async (event: JSX.TargetedEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = [...(input.files ?? [])];
    // Cleared at once, so choosing the same file again still fires `change`.
    input.value = '';
    if (files.length === 0) return;
    if ((await onFiles(files, caption)) > 0) setCaption('');
  };

  return (
    <div class="photo-picker">
      <div class="field photo-picker__caption">
        <label for={captionId}>{t('photos.caption')}</label>
        <input id={captionId} type="text" maxLength={200} value={caption} aria-describedby={`${captionId}-hint`}
          onInput={(event) => setCaption(event.currentTarget.value)} />
        <p class="field__hint" id={`${captionId}-hint`}>{t('photos.captionHint')}</p>
      </div>
      <div class="photo-picker__buttons">
        <label class={`button button--primary photo-picker__button${busy ? ' is-disabled' : ''}`}>
          <input type="file" accept="image/*" capture="environment" class="visually-hidden" disabled={busy} onChange={pick} />
          <CameraIcon />
          <span>{t('photos.take')}</span>
        </label>
        <label class={`button photo-picker__button${busy ? ' is-disabled' : ''}`}>
          <input type="file" accept="image/*" multiple class="visually-hidden" disabled={busy} onChange={pick} />
          <ImagesIcon />
          <span>{t('photos.choose')}</span>
        </label>
      </div>
      <div role="status" aria-live="polite" class="photo-picker__status">
        {progress && <p>{t('photos.preparing', { n: progress.n, total: progress.total })}</p>}
        {report && report.added > 0 && <p>{t('photos.added', { count: report.added })}</p>}
      </div>
      {report && report.problems.length > 0 && (
        <ul class="form-error photo-picker__problems" role="alert">
          {report.problems.map((problem) => <li key={problem}>{problem}</li>)}
        </ul>
      )}
    </div>
  );
}
