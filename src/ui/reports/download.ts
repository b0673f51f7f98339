// Writing export files and handing them to the browser's download. The file
// libraries load on the first export, so they stay out of the first load.
import type { ExportTable } from '../../domain/export-table';

/** Saves a blob under a file name through a temporary link. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Thrown when a workbook cannot be compressed here: write-excel-file (through
 * fflate) compresses a sheet over ~160 kB in a Web Worker made from a blob:
 * URL, and a Content-Security-Policy without `worker-src blob:` stops that
 * worker without telling fflate, which would then wait for ever.
 */
export class XlsxWorkerBlockedError extends Error {
  constructor() {
    super('The compression worker for a large XLSX file is blocked by the Content-Security-Policy (worker-src).');
  }
}

/** How long a workbook may take when blob: workers are blocked: a small one is done in well under a second. */
const BLOCKED_WORKER_WAIT_MS = 10_000;

let blobWorkersAllowed: Promise<boolean> | null = null;

/** Whether this page may start a Web Worker from a blob: URL (asked once). */
function canStartBlobWorkers(): Promise<boolean> {
  blobWorkersAllowed ??= new Promise<boolean>((resolve) => {
    try {
      const url = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
      const worker = new Worker(url);
      const done = (allowed: boolean) => {
        worker.terminate();
        URL.revokeObjectURL(url);
        resolve(allowed);
      };
      worker.onmessage = () => done(true);
      worker.onerror = () => done(false);
      setTimeout(() => done(false), 3_000);
    } catch {
      resolve(false);
    }
  });
  return blobWorkersAllowed;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new XlsxWorkerBlockedError()), ms);
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/** One workbook with a sheet per table (write-excel-file). */
export async function downloadXlsx(tables: readonly ExportTable[], fileName: string): Promise<void> {
  const [{ default: writeXlsxFile }, { toXlsxSheets }, workers] = await Promise.all([
    import('write-excel-file/browser'),
    import('../../domain/export-xlsx'),
    canStartBlobWorkers(),
  ]);
  const writing = writeXlsxFile(toXlsxSheets(tables)).toBlob();
  saveFile(workers ? await writing : await withDeadline(writing, BLOCKED_WORKER_WAIT_MS), fileName);
}

/** One table as CSV for Excel (papaparse; UTF-8 with a byte-order mark). */
export async function downloadCsv(table: ExportTable, fileName: string): Promise<void> {
  const { toCsv } = await import('../../domain/export-csv');
  saveFile(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName);
}

export function downloadJson(text: string, fileName: string): void {
  saveFile(new Blob([text], { type: 'application/json;charset=utf-8' }), fileName);
}
