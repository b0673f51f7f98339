// Wires the sync engine to the signed-in session: one engine per session,
// sending only that user's changes (and what was typed on the device before
// anyone signed in), its status published as a signal for the sync bar.
import { effect } from '@preact/signals';
import type { TalkaDatabase } from '../db';
import { SyncEngine, webLocks } from './engine';
import { HttpTransport } from './http-transport';
import { HttpBlobTransport } from './blob-upload-http';
import { currentToken, session } from '../account/session';
import { setSyncNowHandler, syncStatus } from './status';

let engine: SyncEngine | null = null;

export interface SyncRuntimeOptions {
  db: TalkaDatabase;
  deviceId: string;
  newId: () => string;
}

/** Starts syncing whenever someone is signed in; returns a function that stops it. */
export function startSyncRuntime({ db, deviceId, newId }: SyncRuntimeOptions): () => void {
  let sessionKey: string | null = null;
  const dispose = effect(() => {
    const current = session.value;
    const key = current ? `${current.user.id}:${current.token}` : null;
    if (key === sessionKey) return;
    sessionKey = key;
    engine?.stop();
    engine = null;
    syncStatus.value = null;
    if (!current) return;
    const userId = current.user.id;
    engine = new SyncEngine({
      db,
      deviceId,
      newId,
      transport: new HttpTransport({ token: currentToken }),
      blobs: new HttpBlobTransport({ token: currentToken }),
      authors: () => new Set([userId, deviceId]),
      locks: webLocks(),
      onStatus: (status) => { syncStatus.value = status; },
    });
    void engine.start();
  });
  setSyncNowHandler(() => engine?.syncNow() ?? Promise.resolve());
  return () => {
    dispose();
    setSyncNowHandler(null);
    engine?.stop();
    engine = null;
  };
}
