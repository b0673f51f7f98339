// Resizing on the device, with the platform's decoder and canvas: the image
// turned upright as the camera meant it (EXIF orientation), drawn with its
// long side at most 2048 px and re-encoded (which also drops EXIF, GPS
// included), plus a thumbnail for lists. OffscreenCanvas where there is one,
// an ordinary <canvas> otherwise. Sizes and qualities: src/domain/photo-size.ts.
import { MAX_BLOB_BYTES } from '../../../protocol';
import { THUMB_LONG_SIDE, THUMB_QUALITY, fitWithin, nextQuality, planPhoto, type Size } from '../../domain/photo-size';

export interface ResizedPhoto {
  blob: Blob;
  thumb: Blob;
  width: number;
  height: number;
}

/** The file is not an image this browser can decode (e.g. HEIC in Chromium). */
export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`Cannot decode the image: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'UnreadableImageError';
  }
}

/** Even at the lowest quality the image is over the server's limit. */
export class PhotoTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`The resized image is ${size} bytes, over ${MAX_BLOB_BYTES}`);
    this.name = 'PhotoTooLargeError';
  }
}

type Canvas = OffscreenCanvas | HTMLCanvasElement;

interface Decoded extends Size {
  image: CanvasImageSource;
  release: () => void;
}

/** Decodes upright; createImageBitmap where it can, an <img> (which follows EXIF orientation by default) where not. */
async function decode(file: Blob): Promise<Decoded> {
  if (typeof createImageBitmap === 'function') {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      return { image: bitmap, width: bitmap.width, height: bitmap.height, release: () => bitmap.close() };
    } catch {
      // Some browsers decode more through <img> (Safari: HEIC): try that before giving up.
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return { image: img, width: img.naturalWidth, height: img.naturalHeight, release: () => URL.revokeObjectURL(url) };
  } catch (error) {
    URL.revokeObjectURL(url);
    throw new UnreadableImageError(error);
  }
}

function newCanvas({ width, height }: Size): Canvas {
  if (typeof OffscreenCanvas !== 'undefined' && 'convertToBlob' in OffscreenCanvas.prototype) return new OffscreenCanvas(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function draw(image: CanvasImageSource, size: Size): Canvas {
  const canvas = newCanvas(size);
  const context = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!context) throw new Error('No 2D canvas');
  // JPEG has no transparency: a transparent PNG would turn black without a white ground.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, size.width, size.height);
  return canvas;
}

async function encode(canvas: Canvas, type: string, quality: number): Promise<Blob> {
  if ('convertToBlob' in canvas) return canvas.convertToBlob({ type, quality });
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Canvas could not be encoded'))), type, quality);
  });
}

let webp: Promise<boolean> | null = null;
/** Whether this browser writes WebP (asked for another type, a canvas falls back to PNG). */
function canEncodeWebp(): Promise<boolean> {
  // Through draw(): an OffscreenCanvas without a context refuses to encode at all.
  webp ??= encode(draw(newCanvas({ width: 1, height: 1 }), { width: 1, height: 1 }), 'image/webp', 0.8)
    .then((blob) => blob.type === 'image/webp', () => false);
  return webp;
}

/** Resizes and re-encodes a picked or photographed image for storing and its thumbnail. */
export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const source = await decode(file);
  let full: Canvas;
  let plan;
  try {
    plan = planPhoto(source, await canEncodeWebp());
    full = draw(source.image, plan.full);
  } finally {
    source.release();
  }
  let quality = plan.full.quality;
  let blob = await encode(full, plan.full.mime, quality);
  for (let next = nextQuality(quality, blob.size, MAX_BLOB_BYTES); next !== null; next = nextQuality(quality, blob.size, MAX_BLOB_BYTES)) {
    quality = next;
    blob = await encode(full, plan.full.mime, quality);
  }
  if (blob.size > MAX_BLOB_BYTES) throw new PhotoTooLargeError(blob.size);
  // From the already reduced image: cheaper than from the camera's 12 MP, and as sharp at 320 px.
  const thumb = await encode(draw(full, plan.thumb), plan.thumb.mime, plan.thumb.quality);
  return { blob, thumb, width: plan.full.width, height: plan.full.height };
}

/** A list thumbnail of an image downloaded from the server. */
export async function makeThumbnail(image: Blob): Promise<Blob> {
  const source = await decode(image);
  try {
    const size = fitWithin(source, THUMB_LONG_SIDE);
    return await encode(draw(source.image, size), (await canEncodeWebp()) ? 'image/webp' : 'image/jpeg', THUMB_QUALITY);
  } finally {
    source.release();
  }
}
