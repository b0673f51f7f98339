// Two figures of the photo pipeline, measured in Debian's Chromium against the
// real server on loopback: the stored size of a typical 12-megapixel photo
// after the app resizes it (a 4000×3000 camera-like JPEG: gradients, marker
// lines, dot stickers, text and sensor grain, written at quality 0.92 as
// phones do), and the time to upload 20 such photos (the app's sync engine
// with its HTTP transports: HEAD + PUT per image, then the records).
//
//   npx tsx scripts/measure-photos.ts [--photos 20] [--repeat 3] [--json]   (medians of the runs)
import * as v from 'valibot';
import { sessionResponseSchema } from '../protocol';
import { build } from 'esbuild';
import { CAMERA_PHOTO_SCRIPT } from '../testing/camera-photo';
import { launchChromium } from '../testing/browser';
import { startServer } from '../testing/server';
import type { ResizeResult, UploadResult } from './measure-photos-entry';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

async function signUp(url: string, output: () => string): Promise<{ token: string; userId: string }> {
  const deadline = Date.now() + 10_000;
  let link: RegExpExecArray | null = null;
  while (!(link = /https?:\/\/\S+\/setup#(\S+)/.exec(output())) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (!link) throw new Error(`No setup link in the server output:\n${output()}`);
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: link[1], organisation: 'Mērījumi', name: 'Mērītājs', email: 'measure@talka.example', password: 'measure-photos-2026' }),
  });
  if (!response.ok) throw new Error(`setup: ${response.status} ${await response.text()}`);
  const session = v.parse(sessionResponseSchema, await response.json());
  return { token: session.token, userId: session.user.id };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;

async function main(): Promise<void> {
  const photos = option('--photos', 20);
  const repeat = option('--repeat', 3);
  const json = process.argv.includes('--json');
  const bundle = await build({
    entryPoints: [new URL('./measure-photos-entry.ts', import.meta.url).pathname],
    bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent',
  });
  const code = bundle.outputFiles[0]!.text;
  const server = await startServer();
  const browser = await launchChromium();
  try {
    const { token, userId } = await signUp(server.url, server.output);
    const page = await (await browser.newContext()).newPage();
    // The measuring page is served at the server's own origin, so /api goes to the real server.
    await page.route((url) => url.pathname.startsWith('/measure-photos'), (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/measure-photos.js') return route.fulfill({ contentType: 'text/javascript', body: code });
      return route.fulfill({ contentType: 'text/html', body: '<!doctype html><script type="module" src="/measure-photos.js"></script>' });
    });
    await page.goto(`${server.url}/measure-photos.html`);
    await page.waitForFunction('typeof globalThis.talkaMeasureUpload === "function"');
    await page.evaluate(CAMERA_PHOTO_SCRIPT);

    const resizes: ResizeResult[] = [];
    for (let run = 0; run < repeat; run++) resizes.push((await page.evaluate(`globalThis.talkaMeasureResize(${1000 + run})`)) as ResizeResult);
    const uploads: UploadResult[] = [];
    for (let run = 0; run < repeat; run++) {
      // New photos each run: the server would skip images it has (HEAD), which is not what is measured.
      const seeds = Array.from({ length: photos }, (_, i) => 2000 + run * photos + i);
      const result = (await page.evaluate(`globalThis.talkaMeasureUpload(${JSON.stringify(token)}, ${JSON.stringify(userId)}, ${JSON.stringify(seeds)})`)) as UploadResult;
      if (result.failure || result.pendingAfter > 0) throw new Error(`Run ${run + 1} did not finish: ${JSON.stringify(result)}`);
      uploads.push(result);
    }

    const summary = {
      browser: browser.version(),
      photo: {
        sourceBytes: median(resizes.map((r) => r.sourceBytes)),
        storedBytes: median(resizes.map((r) => r.fullBytes)),
        thumbBytes: median(resizes.map((r) => r.thumbBytes)),
        size: `${resizes[0]!.width}×${resizes[0]!.height}`,
        thumbType: resizes[0]!.thumbType,
        resizeMs: Math.round(median(resizes.map((r) => r.resizeMs))),
        runs: resizes,
      },
      upload: {
        photos,
        photoBytes: median(uploads.map((u) => u.photoBytes)),
        uploadMs: Math.round(median(uploads.map((u) => u.uploadMs))),
        syncMs: Math.round(median(uploads.map((u) => u.syncMs))),
        runs: uploads.map((u) => ({ uploadMs: Math.round(u.uploadMs), syncMs: Math.round(u.syncMs), photoBytes: u.photoBytes })),
      },
    };
    if (json) {
      console.log(JSON.stringify(summary, null, 2));
      return;
    }
    const { photo, upload } = summary;
    console.log(`Photos in Chromium ${summary.browser}, real server on loopback (SQLite), median of ${repeat}`);
    console.log(`  12-MP camera JPEG (4000×3000, q 0.92): ${kb(photo.sourceBytes)}`);
    console.log(`  stored after resizing (${photo.size}, JPEG q 0.8): ${kb(photo.storedBytes)} (${photo.storedBytes} bytes); thumbnail (${photo.thumbType}): ${kb(photo.thumbBytes)} (${photo.thumbBytes} bytes)`);
    console.log(`  resizing one photo: ${photo.resizeMs} ms`);
    console.log(`  ${upload.photos} photos (${kb(upload.photoBytes)} in all): images uploaded in ${upload.uploadMs} ms; whole sync (images + records + pull) ${upload.syncMs} ms`);
    console.log(`  runs: ${upload.runs.map((r) => `${r.uploadMs}/${r.syncMs} ms`).join(', ')}`);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exit(1);
});
