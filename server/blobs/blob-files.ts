// Content-addressed blob files: <dir>/<first two hex>/<sha256>, written to a
// temporary file first and renamed into place, so a reader never sees half a file.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class BlobFiles {
  constructor(readonly dir: string) {}

  private pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  /** The file's size, or null when it is not stored. */
  async size(sha256: string): Promise<number | null> {
    try {
      const info = await stat(this.pathOf(sha256));
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  }

  /** Stores the bytes under their hash (which the caller has checked); false when already stored. */
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

  read(sha256: string): ReadableStream<Uint8Array> {
    const file = createReadStream(this.pathOf(sha256));
    return new ReadableStream<Uint8Array>({
      start(controller) {
        file.on('data', (chunk) => controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk)));
        file.on('error', (error) => controller.error(error));
        file.on('end', () => controller.close());
      },
      cancel() {
        file.destroy();
      },
    });
  }
}
