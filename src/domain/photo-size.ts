// The sizes and encodings of a photo as kept on the device: the
// image re-encoded with its long side at most 2048 px, a thumbnail of about
// 320 px for lists, and the quality steps tried when an encoding comes out
// larger than the server takes. Pure: the drawing is in src/ui/photos.

/** Long side of the stored image: enough to read a flipchart, far below a camera's 4000 px. */
export const FULL_LONG_SIDE = 2048;
/** Long side of the list thumbnail (two device pixels per CSS pixel of a ~160 px tile). */
export const THUMB_LONG_SIDE = 320;
/** JPEG quality of the stored image: text on a flipchart stays crisp, a 12-MP photo shrinks to a few hundred KB. */
export const FULL_QUALITY = 0.8;
export const THUMB_QUALITY = 0.7;
/** Lowest quality tried before a photo is called too large. */
export const MIN_QUALITY = 0.4;

export interface Size {
  width: number;
  height: number;
}

/**
 * The size an image of `source` is drawn at so its long side is at most
 * `maxLongSide`: the aspect ratio kept, never enlarged, whole pixels, at least 1.
 */
export function fitWithin(source: Size, maxLongSide: number): Size {
  const width = Math.max(1, Math.round(source.width));
  const height = Math.max(1, Math.round(source.height));
  const longSide = Math.max(width, height);
  if (longSide <= maxLongSide) return { width, height };
  const scale = maxLongSide / longSide;
  return {
    width: width >= height ? maxLongSide : Math.max(1, Math.round(width * scale)),
    height: height > width ? maxLongSide : Math.max(1, Math.round(height * scale)),
  };
}

export type PhotoMime = 'image/jpeg' | 'image/webp';

export interface Encoding {
  mime: PhotoMime;
  quality: number;
}

export interface PhotoPlan {
  full: Size & Encoding;
  thumb: Size & Encoding;
}

/**
 * How a picked image is stored. The full image is always JPEG: every device
 * and every report tool reads it (older iPads and office software do not all
 * read WebP), and re-encoding drops EXIF, so no GPS position leaves the
 * tablet. The thumbnail never leaves the device, so it is WebP where the
 * browser can write it (smaller at the same look).
 */
export function planPhoto(source: Size, canEncodeWebp: boolean): PhotoPlan {
  return {
    full: { ...fitWithin(source, FULL_LONG_SIDE), mime: 'image/jpeg', quality: FULL_QUALITY },
    thumb: { ...fitWithin(source, THUMB_LONG_SIDE), mime: canEncodeWebp ? 'image/webp' : 'image/jpeg', quality: THUMB_QUALITY },
  };
}

/**
 * The next, lower quality to try when an encoding of `bytes` came out over
 * `maxBytes`: 0.1 lower each time; null when it fits, or when even the
 * lowest quality was too large.
 */
export function nextQuality(quality: number, bytes: number, maxBytes: number): number | null {
  if (bytes <= maxBytes) return null;
  const next = Math.round((quality - 0.1) * 100) / 100;
  return next < MIN_QUALITY - 1e-9 ? null : next;
}

/** "2,4 MB" style megabytes for progress lines, one decimal (under 0.1 MB shows 0,1). */
export function megabytes(bytes: number): number {
  if (bytes <= 0) return 0;
  return Math.max(0.1, Math.round(bytes / 100_000) / 10);
}
