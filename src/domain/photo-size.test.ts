import { describe, expect, it } from 'vitest';
import { FULL_LONG_SIDE, MIN_QUALITY, THUMB_LONG_SIDE, fitWithin, megabytes, nextQuality, planPhoto } from './photo-size';
import { SHA256_HEX, sha256Hex, sha256OfBlob } from './photo-hash';

describe('fitWithin: the long side at most the limit, the shape kept', () => {
  it('a 12-MP landscape photo (4000×3000) becomes 2048×1536', () => {
    expect(fitWithin({ width: 4000, height: 3000 }, FULL_LONG_SIDE)).toEqual({ width: 2048, height: 1536 });
  });

  it('a portrait photo (3000×4000, already turned upright) becomes 1536×2048', () => {
    expect(fitWithin({ width: 3000, height: 4000 }, FULL_LONG_SIDE)).toEqual({ width: 1536, height: 2048 });
  });

  it('a square becomes exactly the limit on both sides', () => {
    expect(fitWithin({ width: 5000, height: 5000 }, THUMB_LONG_SIDE)).toEqual({ width: 320, height: 320 });
  });

  it('a small image is never enlarged', () => {
    expect(fitWithin({ width: 800, height: 600 }, FULL_LONG_SIDE)).toEqual({ width: 800, height: 600 });
    expect(fitWithin({ width: 2048, height: 10 }, FULL_LONG_SIDE)).toEqual({ width: 2048, height: 10 });
  });

  it('a very thin panorama keeps at least one pixel on its short side', () => {
    expect(fitWithin({ width: 100_000, height: 10 }, THUMB_LONG_SIDE)).toEqual({ width: 320, height: 1 });
  });

  it('rounds to whole pixels and keeps the ratio within a pixel', () => {
    const { width, height } = fitWithin({ width: 4032, height: 3024 }, FULL_LONG_SIDE);
    expect(width).toBe(2048);
    expect(Number.isInteger(height)).toBe(true);
    expect(Math.abs(height - (3024 * 2048) / 4032)).toBeLessThanOrEqual(0.5);
  });
});

describe('planPhoto: what is stored', () => {
  it('the full image is JPEG at 0.8 whatever the browser writes; the thumbnail is WebP where it can be', () => {
    expect(planPhoto({ width: 4000, height: 3000 }, true)).toEqual({
      full: { width: 2048, height: 1536, mime: 'image/jpeg', quality: 0.8 },
      thumb: { width: 320, height: 240, mime: 'image/webp', quality: 0.7 },
    });
    expect(planPhoto({ width: 4000, height: 3000 }, false).thumb.mime).toBe('image/jpeg');
  });
});

describe('nextQuality: stepping down when an encoding is over the server limit', () => {
  it('null when the encoding fits', () => {
    expect(nextQuality(0.8, 1000, 1000)).toBeNull();
  });
  it('0.1 lower each time it does not', () => {
    expect(nextQuality(0.8, 2000, 1000)).toBe(0.7);
    expect(nextQuality(0.5, 2000, 1000)).toBe(0.4);
  });
  it('gives up below the lowest quality', () => {
    expect(nextQuality(MIN_QUALITY, 2000, 1000)).toBeNull();
  });
});

describe('megabytes for the progress line', () => {
  it('one decimal, and something small is never shown as nothing', () => {
    expect(megabytes(2_440_000)).toBe(2.4);
    expect(megabytes(12_345)).toBe(0.1);
    expect(megabytes(0)).toBe(0);
  });
});

describe('sha256Hex: the name of a photo\'s bytes', () => {
  it('matches the known digest of "abc" (FIPS 180-2 example)', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('of nothing is the empty-input digest', async () => {
    expect(await sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('a Blob hashes the same as its bytes, as 64 lowercase hex digits', async () => {
    const bytes = new Uint8Array(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    const fromBlob = await sha256OfBlob(new Blob([bytes], { type: 'image/jpeg' }));
    expect(fromBlob).toBe(await sha256Hex(bytes));
    expect(fromBlob).toMatch(SHA256_HEX);
  });
  it('one changed byte gives another name', async () => {
    const a = new Uint8Array([1, 2, 3]);
    const b = new Uint8Array([1, 2, 4]);
    expect(await sha256Hex(a)).not.toBe(await sha256Hex(b));
  });
});
