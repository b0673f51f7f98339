// Taking a photo with the camera or picking image files, with an optional
// caption for them.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { FileButton, TextField } from '../components/fields';
import { CameraIcon, ImagesIcon } from './icons';
import type { AddProgress, AddReport } from './use-photo-adder';

export interface PhotoPickerProps {
  /** Stores the files; resolves with how many were kept. */
  onFiles: (files: File[], caption: string) => Promise<number>;
  progress: AddProgress | null;
  report: AddReport | null;
}

export function PhotoPicker({ onFiles, progress, report }: PhotoPickerProps) {
  const [caption, setCaption] = useState('');
  const busy = progress !== null;

  const pick = (files: File[]) => {
    void onFiles(files, caption).then((kept) => { if (kept > 0) setCaption(''); });
  };

  return (
    <div class="photo-picker">
      <TextField label={t('photos.caption')} fieldClass="photo-picker__caption" maxLength={200} value={caption} onValue={setCaption}
        hint={t('photos.captionHint')} />
      <div class="photo-picker__buttons">
        <FileButton class="button button--primary photo-picker__button" accept="image/*" capture="environment" disabled={busy} onFiles={pick}>
          <CameraIcon />
          <span>{t('photos.take')}</span>
        </FileButton>
        <FileButton class="button photo-picker__button" accept="image/*" multiple disabled={busy} onFiles={pick}>
          <ImagesIcon />
          <span>{t('photos.choose')}</span>
        </FileButton>
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
