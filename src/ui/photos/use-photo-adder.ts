// Turning picked files into stored photos, one at a time (a tablet has little
// memory for several 12-MP decodes at once), with what happened to each.
import { useState } from 'preact/hooks';
import type { Notebook } from '../../db';
import { addPhoto, type PhotoParent } from '../../db/photos';
import { t } from '../../i18n';
import { describeSaveError } from '../save-error';
import { PhotoTooLargeError, UnreadableImageError, resizePhoto } from './image-resize';

export interface AddProgress {
  n: number;
  total: number;
}

export interface AddReport {
  added: number;
  /** One line per file that could not be kept, in the user's language. */
  problems: string[];
}

function problemWith(file: File, error: unknown): string {
  if (error instanceof UnreadableImageError) return t('photos.unreadable', { name: file.name });
  if (error instanceof PhotoTooLargeError) return t('photos.tooLarge', { name: file.name });
  return t('photos.saveFailed', { name: file.name, reason: describeSaveError(error).message });
}

export function usePhotoAdder(notebook: Notebook, parent: PhotoParent) {
  const [progress, setProgress] = useState<AddProgress | null>(null);
  const [report, setReport] = useState<AddReport | null>(null);

  /** Resizes and stores each file; resolves with how many were kept. */
  const add = async (files: readonly File[], caption: string): Promise<number> => {
    const problems: string[] = [];
    let added = 0;
    setReport(null);
    for (const [index, file] of files.entries()) {
      setProgress({ n: index + 1, total: files.length });
      try {
        const resized = await resizePhoto(file);
        await addPhoto(notebook, parent, { caption, width: resized.width, height: resized.height }, resized.blob, resized.thumb);
        added++;
      } catch (error) {
        problems.push(problemWith(file, error));
      }
    }
    setProgress(null);
    setReport({ added, problems });
    return added;
  };

  return { add, progress, report, clearReport: () => setReport(null) };
}
