// The built web manifest names the app's identity and the screenshots the
// install dialog shows: each is in the build, a PNG of the size it claims,
// one narrow and one wide, within the proportions Chrome accepts, and none of
// them is precached (they are for the install dialog, not for offline work).
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';

const dist = new URL('../../dist/', import.meta.url);

const manifestSchema = v.looseObject({
  id: v.string(),
  start_url: v.string(),
  screenshots: v.array(v.object({
    src: v.string(), sizes: v.string(), type: v.literal('image/png'), form_factor: v.picklist(['narrow', 'wide']), label: v.string(),
  })),
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the web manifest', () => {
  const manifest = v.parse(manifestSchema, JSON.parse(readFileSync(new URL('manifest.webmanifest', dist), 'utf8')));

  it('has an id that resolves to the start URL', () => {
    expect(new URL(manifest.id, 'https://talka.example.lv').href).toBe(new URL(manifest.start_url, 'https://talka.example.lv').href);
  });

  it('shows a narrow and a wide screenshot, each a PNG of the size it claims', () => {
    expect(manifest.screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
    for (const shot of manifest.screenshots) {
      const [width, height] = pngSize(readFileSync(new URL(`.${shot.src}`, dist)));
      expect(`${width}x${height}`, shot.src).toBe(shot.sizes);
      expect(Math.min(width, height)).toBeGreaterThanOrEqual(320);
      expect(Math.max(width, height)).toBeLessThanOrEqual(3840);
      expect(Math.max(width, height) / Math.min(width, height)).toBeLessThanOrEqual(2.3);
      expect(shot.form_factor === 'wide', shot.src).toBe(width > height);
      expect(shot.label.length).toBeGreaterThan(10);
    }
  });

  it('leaves the screenshots out of the precache', () => {
    const sw = readFileSync(new URL('sw.js', dist), 'utf8');
    for (const shot of manifest.screenshots) expect(sw).not.toContain(shot.src.slice(1));
  });
});
