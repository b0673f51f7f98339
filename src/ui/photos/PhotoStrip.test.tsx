import { Blob as NodeBlob } from 'node:buffer';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { communityFields, needFields, photoFields } from '../../../testing/fixtures';
import { addPhoto, type PhotoParent } from '../../db/photos';
import { sha256Hex } from '../../domain/photo-hash';
import type { BlobTransport } from '../../sync/blob-upload';
import { session } from '../../account/session';
import { ApiError } from '../../net/api-error';
import { online } from '../components/online';
import { ToastHost } from '../components/toast';
import { downloads, setDownloadTransport } from '../../sync/photo-downloads';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { PhotoStrip } from './PhotoStrip';
import type * as ImageResize from './image-resize';

// Canvas drawing is the browser's (tested end to end in Chromium); here resizing hands back what it was given.
vi.mock('./image-resize', async (importOriginal) => {
  const original = await importOriginal<typeof ImageResize>();
  return {
    ...original,
    resizePhoto: vi.fn(async (file: File) => {
      if (file.name.endsWith('.heic')) throw new original.UnreadableImageError('unsupported');
      const bytes = new Uint8Array(await file.arrayBuffer());
      return { blob: jpeg(bytes), thumb: jpeg(bytes.slice(0, 4)), width: 2048, height: 1536 };
    }),
    makeThumbnail: vi.fn(async (blob: Blob) => jpeg(new Uint8Array(await blob.arrayBuffer()).slice(0, 8))),
  };
});

// happy-dom's Blob does not survive fake-indexeddb's structured clone; Node's does, as a browser's does.
function jpeg(bytes: Uint8Array): Blob {
  return new NodeBlob([bytes], { type: 'image/jpeg' }) as unknown as Blob;
}
const image = (seed: number) => jpeg(new Uint8Array(Array.from({ length: 500 }, (_, i) => (i + seed * 3) % 256)));

let services: TestServices;
let parent: PhotoParent;

beforeEach(async () => {
  online.value = true;
  services = openTestNotebook();
  const communityId = await services.notebook.create('communities', communityFields());
  const id = await services.notebook.create('needs', needFields(communityId, { title: 'Apgaismojums' }));
  parent = { table: 'needs', id, communityId };
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation(() => `blob:test/${++n}`);
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  online.value = true;
  session.value = null;
  downloads.value = new Map();
  await closeTestNotebook(services);
});

function renderStrip(compact = false) {
  return renderWithServices(services, (
    <>
      <PhotoStrip parentTable={parent.table} parentId={parent.id} communityId={parent.communityId} name="Apgaismojums" compact={compact} />
      <ToastHost />
    </>
  ));
}

async function addTwo(): Promise<[string, string]> {
  const a = await addPhoto(services.notebook, parent, { caption: 'Plakāts ar punktiem', width: 2048, height: 1536 }, image(1), image(2));
  const b = await addPhoto(services.notebook, parent, { caption: '', width: 1536, height: 2048 }, image(3), image(4));
  return [a, b];
}

describe('PhotoStrip', () => {
  it('shows the photos as thumbnails named by caption, or by position when there is none', async () => {
    await addTwo();
    renderStrip();
    expect(await screen.findByRole('heading', { name: 'Foto (2)' })).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Foto: Apgaismojums' });
    const buttons = within(list).getAllByRole('button');
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Atvērt foto: Plakāts ar punktiem', 'Atvērt foto: Foto 2 no 2']);
    expect(list.querySelectorAll('img')).toHaveLength(2);
  });

  it('opens full screen with the caption as alt text; arrows and buttons move, × closes', async () => {
    await addTwo();
    renderStrip();
    fireEvent.click(await screen.findByRole('button', { name: 'Atvērt foto: Plakāts ar punktiem' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('img').getAttribute('alt')).toBe('Plakāts ar punktiem');
    expect(dialog.textContent).toContain('1 no 2');
    expect(within(dialog).getByRole('button', { name: 'Iepriekšējais foto' }).hasAttribute('disabled')).toBe(true);
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    await waitFor(() => expect(within(dialog).getByRole('img').getAttribute('alt')).toBe('Foto 2 no 2'));
    expect(within(dialog).getByRole('button', { name: 'Nākamais foto' }).hasAttribute('disabled')).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Iepriekšējais foto' }));
    await waitFor(() => expect(within(dialog).getByRole('img').getAttribute('alt')).toBe('Plakāts ar punktiem'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Aizvērt' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('a swipe to the left shows the next photo', async () => {
    await addTwo();
    renderStrip();
    fireEvent.click(await screen.findByRole('button', { name: 'Atvērt foto: Plakāts ar punktiem' }));
    const dialog = await screen.findByRole('dialog');
    const figure = dialog.querySelector('figure')!;
    fireEvent.pointerDown(figure, { clientX: 300, clientY: 200 });
    fireEvent.pointerUp(figure, { clientX: 120, clientY: 210 });
    await waitFor(() => expect(within(dialog).getByRole('img').getAttribute('alt')).toBe('Foto 2 no 2'));
  });

  it('edits the caption as a synced change', async () => {
    const [, second] = await addTwo();
    renderStrip();
    fireEvent.click(await screen.findByRole('button', { name: 'Atvērt foto: Foto 2 no 2' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText('Paraksts'), { target: { value: 'Dotu tāfele' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Saglabāt parakstu' }));
    await waitFor(async () => expect((await services.db.photos.get(second))?.caption).toBe('Dotu tāfele'));
    expect(await within(dialog).findByText('Paraksts saglabāts')).toBeTruthy();
    await waitFor(() => expect(within(dialog).getByRole('img').getAttribute('alt')).toBe('Dotu tāfele'));
  });

  it('deletes from the viewer, softly, and Undo brings the photo back', async () => {
    const [first] = await addTwo();
    renderStrip();
    fireEvent.click(await screen.findByRole('button', { name: 'Atvērt foto: Plakāts ar punktiem' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Dzēst foto' }));
    await waitFor(async () => expect((await services.db.photos.get(first))?.deleted).toBe(true));
    expect(await screen.findByText('“Plakāts ar punktiem” izdzēsts')).toBeTruthy();
    // The next photo takes its place in the viewer.
    await waitFor(() => expect(within(screen.getByRole('dialog')).getByRole('img').getAttribute('alt')).toBe('Foto 1 no 1'));
    fireEvent.click(screen.getByRole('button', { name: 'Atsaukt' }));
    await waitFor(async () => expect((await services.db.photos.get(first))?.deleted).toBe(false));
    expect(await screen.findByRole('heading', { name: 'Foto (2)' })).toBeTruthy();
  });

  it('a photo from another device, offline: a placeholder says it is not downloaded yet, and it is noted as remote', async () => {
    const sha256 = 'c'.repeat(64);
    await services.notebook.create('photos', photoFields(parent, { caption: 'No planšetes B', sha256 }));
    online.value = false;
    renderStrip();
    expect(await screen.findByText('Vēl nav lejupielādēts (bezsaistē)')).toBeTruthy();
    await waitFor(async () => expect((await services.db.blobs.get(sha256))?.state).toBe('remote'));
  });

  describe('an image from another device, online and signed in', () => {
    const bytes = new Uint8Array(Array.from({ length: 900 }, (_, i) => (i * 7) % 256));
    let sha256: string;
    let served: Uint8Array;
    beforeEach(async () => {
      sha256 = await sha256Hex(bytes);
      served = bytes;
      session.value = {
        token: 'token', user: { id: 'u1', name: 'Dace', email: 'dace@example.lv', role: 'coordinator' }, organisation: { id: 'o1', name: 'Org' },
      };
      const server: BlobTransport = {
        head: async () => true,
        put: async () => undefined,
        get: async (hash) => {
          if (hash !== sha256) throw new ApiError(404, 'not_found', 'No such blob');
          return jpeg(served);
        },
      };
      setDownloadTransport(server);
      await services.notebook.create('photos', photoFields(parent, { caption: 'No planšetes B', sha256, size: bytes.length }));
    });

    it('is downloaded when first shown, its hash checked, and kept with a thumbnail made on arrival', async () => {
      renderStrip();
      const button = await screen.findByRole('button', { name: 'Atvērt foto: No planšetes B' });
      await waitFor(() => expect(button.querySelector('img')).not.toBeNull());
      const row = await services.db.blobs.get(sha256);
      expect(row).toMatchObject({ state: 'uploaded', size: bytes.length });
      expect(await sha256Hex(await row!.blob!.arrayBuffer())).toBe(sha256);
      expect(row!.thumb!.size).toBe(8);
    });

    it('bytes that do not match their hash are not kept; the tile says the download failed', async () => {
      served = new Uint8Array([1, 2, 3]);
      renderStrip();
      expect(await screen.findByText('Neizdevās lejupielādēt; mēģinās vēlreiz')).toBeTruthy();
      expect(await services.db.blobs.get(sha256)).toMatchObject({ state: 'remote', blob: null });
    });
  });

  it('compact: a camera button opens the picker, whose files become photos; an unreadable one is said by name', async () => {
    renderStrip(true);
    const toggle = await screen.findByRole('button', { name: 'Pievienot foto: Apgaismojums' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('Uzņemt foto').getAttribute('capture')).toBe('environment');
    const choose = screen.getByLabelText('Izvēlēties failus') as HTMLInputElement;
    expect(choose.multiple).toBe(true);
    fireEvent.input(screen.getByLabelText('Paraksts'), { target: { value: 'Karte' } });
    const files = [
      new File([new Uint8Array([1, 2, 3, 4, 5])], 'a.jpg', { type: 'image/jpeg' }),
      new File([new Uint8Array([9, 9])], 'b.heic', { type: 'image/heic' }),
    ];
    Object.defineProperty(choose, 'files', { value: files, configurable: true });
    fireEvent.change(choose);
    expect(await screen.findByText('Pievienots 1 foto')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Failu “b.heic” nevar nolasīt kā attēlu.');
    const photos = await services.db.photos.toArray();
    expect(photos.map((photo) => [photo.caption, photo.parentId, photo.width])).toEqual([['Karte', parent.id, 2048]]);
    expect(await screen.findByRole('button', { name: 'Atvērt foto: Karte' })).toBeTruthy();
  });
});
