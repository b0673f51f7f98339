// Durable commits without blocking the event loop. SQLite runs with
// synchronous=NORMAL in WAL mode, so a commit only writes the WAL; before a push
// is acknowledged the WAL file is fdatasync'ed on libuv's thread pool. That is
// the same guarantee as synchronous=FULL (an acknowledged change survives a
// power cut), but the event loop keeps serving while the disk syncs, and one
// sync covers every commit made before it started (group commit).
import { stat, open, type FileHandle } from 'node:fs/promises';

export class WalSyncer {
  private handle: FileHandle | null = null;
  private inode = -1;
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly walPath: string) {}

  /** Resolves once everything committed before the call is on disk. */
  sync(): Promise<void> {
    if (!this.running) {
      this.running = this.syncNow().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    // A sync already running may have started before our commit: wait for it, then run one more.
    this.queued ??= this.running.then(
      () => this.afterQueued(),
      () => this.afterQueued(),
    );
    return this.queued;
  }

  private afterQueued(): Promise<void> {
    this.queued = null;
    return this.sync();
  }

  private async syncNow(): Promise<void> {
    let info;
    try {
      info = await stat(this.walPath);
    } catch {
      return; // no WAL file: nothing has been written in WAL mode yet
    }
    if (!this.handle || info.ino !== this.inode) {
      await this.handle?.close();
      this.handle = await open(this.walPath, 'r');
      this.inode = info.ino;
    }
    await this.handle.datasync();
  }

  async close(): Promise<void> {
    await this.running;
    await this.queued;
    await this.handle?.close();
    this.handle = null;
  }
}
