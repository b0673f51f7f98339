// The state of one export button group: which file is being made, and what went wrong.
import { useState } from 'preact/hooks';
import { XlsxWorkerBlockedError } from './download';

export interface ExportState {
  /** The key of the file being made, or null. */
  busy: string | null;
  /** Why the last file could not be made: 'blocked' for a large workbook the page may not compress, or 'failed'. */
  failure: 'blocked' | 'failed' | null;
  run: (key: string, make: () => Promise<void>) => Promise<void>;
}

export function useExport(): ExportState {
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<ExportState['failure']>(null);
  const run = async (key: string, make: () => Promise<void>) => {
    setBusy(key);
    setFailure(null);
    try {
      await make();
    } catch (error) {
      console.error(error);
      setFailure(error instanceof XlsxWorkerBlockedError ? 'blocked' : 'failed');
    } finally {
      setBusy(null);
    }
  };
  return { busy, failure, run };
}
