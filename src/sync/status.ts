// The sync state the header shows, apart from the engine itself so the first
// screen can render before the engine's code has loaded.
import { signal } from '@preact/signals';
import type { SyncStatus } from './engine';

export const syncStatus = signal<SyncStatus | null>(null);

let handler: (() => Promise<void>) | null = null;

export function setSyncNowHandler(next: (() => Promise<void>) | null): void {
  handler = next;
}

/** The "Sync now" button. */
export function syncNow(): Promise<void> {
  return handler?.() ?? Promise.resolve();
}
