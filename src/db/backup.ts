// Backup file export and import. Export reads everything in one
// read transaction, so records, outbox and cursor agree; import checks and
// decrypts the whole file first and then writes in one transaction, so a
// wrong passphrase, a damaged file or a full disk leaves the device as it was.
import { TITLE_FIELDS, type TableName } from '../../protocol';
import { isBinTable, type BinTable } from '../domain/deletion-scope';
import { decryptPayload, encryptPayload, gunzip, gzip, newEncryption } from '../domain/backup-crypto';
import {
  BACKUP_TABLES, BackupError, backupFileName, decodeDocument, encodeDocument, encodeHeader, isBlobRef, joinFile, joinPayload,
  makeHeader, splitFile, splitPayload, type BackupBlobRow, type BackupDocument, type BlobRef,
} from '../domain/backup-format';
import { latestClock, mergeBackupRecord } from '../domain/backup-merge';
import type { BlobRow, OutboxEntry, TalkaDatabase } from './database';
import { advanceDeviceClock, loadCursor, loadDataOwner, readSavedClock, saveCursor, setDataOwner } from './meta';
import { asRecordRow, readRows, recordRows, rowState, stateRow, type RecordRow } from './record-rows';

export { BackupError, type BackupProblem } from '../domain/backup-format';

export type BackupPhase = 'reading' | 'packing' | 'encrypting' | 'decrypting' | 'checking' | 'writing' | 'done';

export interface BackupCounts {
  records: number;
  /** Unsent changes (outbox entries). */
  changes: number;
  /** Images (photos' bytes). */
  photos: number;
}

export interface ExportOptions {
  deviceId: string;
  /** Encrypts the file when given (non-empty). */
  passphrase?: string | undefined;
  now?: () => number;
  onPhase?: (phase: BackupPhase) => void;
}

export interface ExportResult {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  counts: BackupCounts;
  encrypted: boolean;
}

interface Snapshot {
  records: Partial<Record<TableName, RecordRow[]>>;
  outbox: OutboxEntry[];
  blobs: BlobRow[];
  cursor: string | null;
  clock: string | null;
  organisationId: string | null;
}

async function readSnapshot(db: TalkaDatabase): Promise<Snapshot> {
  const tables = BACKUP_TABLES.map((table) => db.table(table));
  return db.transaction('r', [...tables, db.outbox, db.meta, db.blobs], async () => {
    const records: Partial<Record<TableName, RecordRow[]>> = {};
    for (const table of BACKUP_TABLES) {
      records[table] = (await recordRows(db, table).toArray()).flatMap((value) => asRecordRow(value) ?? []);
    }
    const [outbox, blobs, cursor, clock, organisationId] = await Promise.all([
      db.outbox.orderBy('seq').toArray(), db.blobs.toArray(), loadCursor(db), readSavedClock(db), loadDataOwner(db),
    ]);
    return { records, outbox, blobs, cursor, clock, organisationId };
  });
}

/** Blobs → references into the blob section; the bytes are read after the transaction. */
async function packBlobs(rows: readonly BlobRow[]): Promise<{ rows: BackupBlobRow[]; parts: Uint8Array[] }> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const pack = async (blob: Blob | null): Promise<BlobRef | null> => {
    if (!blob) return null;
    const bytes = new Uint8Array(await blob.arrayBuffer());
    parts.push(bytes);
    const ref = { $blob: { offset, length: bytes.length, type: blob.type } };
    offset += bytes.length;
    return ref;
  };
  const packed: BackupBlobRow[] = [];
  for (const row of rows) {
    packed.push({ sha256: row.sha256, blob: await pack(row.blob), thumb: await pack(row.thumb), mime: row.mime, size: row.size, state: row.state });
  }
  return { rows: packed, parts };
}

/** Everything on the device in one file's bytes, encrypted when a passphrase is given. */
export async function exportBackup(db: TalkaDatabase, options: ExportOptions): Promise<ExportResult> {
  const now = options.now ?? Date.now;
  options.onPhase?.('reading');
  const snapshot = await readSnapshot(db);
  options.onPhase?.('packing');
  const blobs = await packBlobs(snapshot.blobs);
  const document: BackupDocument = {
    exportedAt: now(),
    deviceId: options.deviceId,
    organisationId: snapshot.organisationId,
    meta: { cursor: snapshot.cursor, clock: snapshot.clock },
    records: snapshot.records,
    outbox: snapshot.outbox.map(({ seq: _seq, ...entry }) => entry),
    blobs: blobs.rows,
  };
  const payload = joinPayload(await gzip(encodeDocument(document)), blobs.parts);
  const passphrase = options.passphrase ?? '';
  const header = makeHeader(document.exportedAt, passphrase ? newEncryption() : null);
  const headerBytes = encodeHeader(header);
  let sealed = payload;
  if (header.encryption) {
    options.onPhase?.('encrypting');
    sealed = await encryptPayload(payload, passphrase, header.encryption, headerBytes);
  }
  options.onPhase?.('done');
  return {
    bytes: joinFile(headerBytes, sealed),
    fileName: backupFileName(new Date(document.exportedAt)),
    counts: {
      records: Object.values(snapshot.records).reduce((sum, rows) => sum + rows.length, 0),
      changes: snapshot.outbox.length,
      photos: snapshot.blobs.filter((row) => row.blob).length,
    },
    encrypted: header.encryption !== null,
  };
}

/** Whether a file asks for a passphrase, read from its header alone. */
export function isEncryptedBackup(bytes: Uint8Array<ArrayBuffer>): boolean {
  return splitFile(bytes).header.encryption !== null;
}

export interface ImportOptions {
  /** This device's id, for its clock. */
  deviceId: string;
  passphrase?: string | undefined;
  /** The signed-in user's organisation, or null; a file of another organisation is refused. */
  organisationId: string | null;
  now?: () => number;
  onPhase?: (phase: BackupPhase) => void;
  /** Makes the stored Blob (tests hand in Node's, which fake-indexeddb can clone). */
  makeBlob?: (bytes: Uint8Array<ArrayBuffer>, type: string) => Blob;
}

export interface ImportSummary {
  /** What the file holds. */
  inFile: BackupCounts;
  /** What changed on the device: records new or updated, unsent changes restored, images added. */
  imported: BackupCounts;
  /**
   * Records the file holds alive that were deleted here after it was made: the
   * import leaves them deleted (the later clock wins) and offers to restore them.
   */
  deletedSince: DeletedSince[];
  /** People erased here whose rows (and unsent changes) in the file were skipped: an erasure is never undone by a backup. */
  erasedSkipped: number;
}

export interface DeletedSince {
  table: BinTable;
  id: string;
  title: string;
}

/** Opens and checks the whole file; nothing touches the database yet. */
async function openFile(bytes: Uint8Array<ArrayBuffer>, options: ImportOptions): Promise<{ document: BackupDocument; blobSection: Uint8Array<ArrayBuffer> }> {
  const { header, headerBytes, payload } = splitFile(bytes);
  let plain = payload;
  if (header.encryption) {
    if (!options.passphrase) throw new BackupError('passphrase_required');
    options.onPhase?.('decrypting');
    plain = await decryptPayload(payload, options.passphrase, header.encryption, headerBytes);
  }
  options.onPhase?.('checking');
  const { document, blobs } = splitPayload(plain);
  return { document: decodeDocument(await gunzip(document), blobs.length), blobSection: blobs };
}

function unpackBlobs(document: BackupDocument, section: Uint8Array<ArrayBuffer>, makeBlob: NonNullable<ImportOptions['makeBlob']>): BlobRow[] {
  const unpack = (ref: BlobRef | null): Blob | null => {
    if (!isBlobRef(ref)) return null;
    return makeBlob(section.slice(ref.$blob.offset, ref.$blob.offset + ref.$blob.length), ref.$blob.type);
  };
  return document.blobs.map((row) => ({ ...row, blob: unpack(row.blob), thumb: unpack(row.thumb) }));
}

/**
 * Brings a backup into this device: records merged field by field by clock,
 * outbox entries added by mutation id (those already here are left alone),
 * images added where missing, the device clock moved past everything seen.
 * All in one transaction; importing the same file again changes nothing.
 */
export async function importBackup(db: TalkaDatabase, bytes: Uint8Array<ArrayBuffer>, options: ImportOptions): Promise<ImportSummary> {
  const now = options.now ?? Date.now;
  const makeBlob = options.makeBlob ?? ((part, type) => new Blob([part], { type }));
  const { document, blobSection } = await openFile(bytes, options);
  const blobs = unpackBlobs(document, blobSection, makeBlob);
  const imported: BackupCounts = { records: 0, changes: 0, photos: 0 };
  const deletedSince: DeletedSince[] = [];
  const erasedHere = new Set<string>();
  options.onPhase?.('writing');

  const tables = BACKUP_TABLES.map((table) => db.table(table));
  await db.transaction('rw', [...tables, db.outbox, db.meta, db.blobs], async () => {
    const owner = await loadDataOwner(db);
    const deviceOrganisation = options.organisationId ?? owner;
    if (document.organisationId !== null && deviceOrganisation !== null && document.organisationId !== deviceOrganisation) {
      throw new BackupError('foreign_organisation');
    }

    for (const table of BACKUP_TABLES) {
      const rows = document.records[table] ?? [];
      const store = recordRows(db, table);
      const existing = await readRows(store, rows.map((row) => row.id));
      const puts: RecordRow[] = [];
      rows.forEach((row, i) => {
        const local = existing[i];
        // An erased person stays erased: none of the file's values for them is written back.
        if (table === 'participants' && local?.erased === true) {
          erasedHere.add(row.id);
          return;
        }
        if (local && isBinTable(table) && wasDeletedSince(local, row)) deletedSince.push({ table, id: row.id, title: titleOf(table, local) });
        const merged = mergeBackupRecord(local ? rowState(local) : null, rowState(row));
        if (merged.changed) puts.push(stateRow(row.id, merged.state));
      });
      if (puts.length > 0) await store.bulkPut(puts);
      imported.records += puts.length;
    }

    const known = new Set((await db.outbox.where('id').anyOf(document.outbox.map((entry) => entry.id)).toArray()).map((entry) => entry.id));
    const missing = document.outbox.filter((entry) => {
      if (known.has(entry.id)) return false;
      if (entry.table === 'participants' && erasedHere.has(entry.recordId)) return false;
      known.add(entry.id);
      return true;
    }).map((entry) => (
      // Typed on the other device before anyone signed in there: here too it goes out with whoever signs in.
      entry.author === document.deviceId ? { ...entry, author: options.deviceId } : entry
    ));
    if (missing.length > 0) await db.outbox.bulkAdd(missing);
    imported.changes = missing.length;

    const localBlobs = await db.blobs.bulkGet(blobs.map((row) => row.sha256));
    const blobPuts = blobs.flatMap((row, i): BlobRow[] => {
      const local = localBlobs[i];
      if (local === undefined) return [row];
      if (local.blob || !row.blob) return [];
      // This device knew the image only as 'remote', i.e. on the server already: nothing to upload.
      return [{ ...row, state: local.state === 'remote' ? 'uploaded' : row.state }];
    });
    if (blobPuts.length > 0) await db.blobs.bulkPut(blobPuts);
    imported.photos = blobPuts.filter((row) => row.blob).length;

    const latest = latestClockIn(document);
    if (latest !== null) await advanceDeviceClock(db, options.deviceId, [latest], now());
    // The device's own cursor stands for its own data; a device that never pulled takes the file's, whose data it now holds.
    if (!(await loadCursor(db)) && document.meta.cursor) await saveCursor(db, document.meta.cursor);
    if (owner === null && document.organisationId !== null) await setDataOwner(db, document.organisationId);
  });
  options.onPhase?.('done');

  return {
    inFile: {
      records: Object.values(document.records).reduce((sum, rows) => sum + rows.length, 0),
      changes: document.outbox.length,
      photos: document.blobs.filter((row) => row.blob).length,
    },
    imported,
    deletedSince,
    erasedSkipped: erasedHere.size,
  };
}

/** Whether the device deleted the record after the file's copy was made: alive in the file, deleted here at a later clock. */
function wasDeletedSince(local: RecordRow, inFile: RecordRow): boolean {
  if (local.deleted !== true || inFile.deleted !== false) return false;
  const here = local.clocks.deleted;
  const there = inFile.clocks.deleted;
  return here !== undefined && (there === undefined || here > there);
}

function titleOf(table: BinTable, row: RecordRow): string {
  const field = TITLE_FIELDS[table];
  const value = field === undefined ? undefined : row[field];
  return typeof value === 'string' ? value : '';
}

/** The latest clock the file holds: the device's next edit must sort after it, as after a pull. */
function latestClockIn(document: BackupDocument): string | null {
  return latestClock([
    document.meta.clock,
    ...document.outbox.map((entry) => entry.hlc),
    ...Object.values(document.records).flatMap((rows) => rows.flatMap((row) => Object.values(row.clocks))),
  ]);
}
