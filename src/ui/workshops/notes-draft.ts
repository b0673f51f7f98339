// A synchronous copy of the notes being typed. A write to IndexedDB takes a
// few milliseconds; a reload, a closed tab or a killed app in that window
// would lose the last keystrokes. localStorage is written before the event
// handler returns, so the next start finds what the database may not have.

export interface Draft {
  read(): string | null;
  write(text: string): void;
  clear(): void;
}

/** A draft kept in localStorage under `key`; without storage (private mode, full disk) it keeps nothing. */
export function localDraft(key: string): Draft {
  return {
    read() {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    write(text) {
      try {
        localStorage.setItem(key, text);
      } catch {
        // The database write still follows; the draft only narrows the window.
      }
    },
    clear() {
      try {
        localStorage.removeItem(key);
      } catch {
        // Nothing to clear where nothing could be kept.
      }
    },
  };
}

export const noDraft: Draft = { read: () => null, write: () => {}, clear: () => {} };
