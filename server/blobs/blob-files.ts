// Content-addressed blob files: <dir>/<first two hex>/<sha256>, written to a
// temporary file first and renamed into place, so a reader never sees half a file.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from './blob-store';

const SHA256 = /^[0-9a-f]{64}$/;
const PREFIX = /^[0-9a-f]{2}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobFiles implements BlobStore {
  constructor(readonly dir: string) {}

  private pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  async size(sha256: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  async write(sha256: string, bytes: Uint8Array): Promise<boolean> {
    if ((await this.size(sha256)) === bytes.byteLength) return false;
    const target = this.pathOf(sha256);
    const temporary = join(this.dir, 'tmp', `${sha256}.${randomBytes(6).toString('hex')}`);
    await mkdir(join(this.dir, 'tmp'), { recursive: true });
    await mkdir(join(target, '..'), { recursive: true });
    try {
      await writeFile(temporary, bytes, { flush: true });
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return true;
  }

  async read(sha256: string): Promise<ReadableStream<Uint8Array>> {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- a file read stream yields Buffers, which are Uint8Arrays
    return Readable.toWeb(createReadStream(this.pathOf(sha256))) as ReadableStream<Uint8Array>;
  }

  async remove(sha256: string): Promise<void> {
    await rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredBlob> {
    let prefixes: string[];
    try {
      prefixes = (await readdir(this.dir)).filter((name) => PREFIX.test(name));
    } catch {
      return; // no folder: nothing stored yet
    }
    for (const prefix of prefixes) {
      for (const name of await readdir(join(this.dir, prefix))) {
        if (!SHA256.test(name)) continue;
        const info = await stat(join(this.dir, prefix, name)).catch(() => null);
        if (info?.isFile()) yield { sha256: name, size: info.size, modifiedAt: info.mtimeMs };
      }
    }
  }
}
