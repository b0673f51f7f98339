// The backup file (`.talka`): everything a device holds in one file, for weeks
// without sync and for handing data over on a USB stick. Pure: bytes in,
// bytes out, no Dexie and no DOM.
//
//   "TALKABAK"                  8 bytes, ASCII
//   header length               4 bytes, big-endian
//   header                      JSON, UTF-8 (format, version, encryption parameters)
//   payload                     to the end; AES-GCM ciphertext when the header says so,
//                               authenticated together with the header bytes
//
// The payload, once decrypted:
//   document length             4 bytes, big-endian
//   document                    gzip of the document's JSON (records, outbox, meta, photo rows)
//   blob bytes                  the images, back to back; the document points into them
import * as v from 'valibot';
import { PATCH_SCHEMAS, PROTOCOL_VERSION, TABLES, UUID_PATTERN, isHlc, isTableName, mutationSchema, type TableName } from '../../protocol';

export const BACKUP_MAGIC = 'TALKABAK';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.talka';
export const BACKUP_MIME = 'application/octet-stream';

/** Why a file cannot be imported; each has its own message for the person. */
export type BackupProblem =
  | 'not_a_backup'
  | 'unsupported_version'
  | 'damaged'
  | 'passphrase_required'
  | 'wrong_passphrase'
  | 'foreign_organisation';

export class BackupError extends Error {
  readonly problem: BackupProblem;
  constructor(problem: BackupProblem, detail?: string) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'BackupError';
    this.problem = problem;
  }
}

// ── Header ────────────────────────────────────────────────────────────────

const base64 = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]+={0,2}$/));

export const encryptionSchema = v.strictObject({
  cipher: v.literal('AES-GCM'),
  keyBits: v.literal(256),
  kdf: v.literal('PBKDF2'),
  hash: v.literal('SHA-256'),
  iterations: v.pipe(v.number(), v.integer(), v.minValue(100_000), v.maxValue(10_000_000)),
  salt: base64,
  iv: base64,
});
export type BackupEncryption = v.InferOutput<typeof encryptionSchema>;

const headerSchema = v.strictObject({
  format: v.literal('talka-backup'),
  version: v.literal(BACKUP_VERSION),
  protocol: v.number(),
  createdAt: v.number(),
  compression: v.literal('gzip'),
  encryption: v.nullable(encryptionSchema),
});
export type BackupHeader = v.InferOutput<typeof headerSchema>;

export function makeHeader(createdAt: number, encryption: BackupEncryption | null): BackupHeader {
  return { format: 'talka-backup', version: BACKUP_VERSION, protocol: PROTOCOL_VERSION, createdAt, compression: 'gzip', encryption };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeHeader(header: BackupHeader): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(header));
}

/** The file: magic, header, payload. */
export function joinFile(headerBytes: Uint8Array, payload: Uint8Array): Uint8Array<ArrayBuffer> {
  const file = new Uint8Array(8 + 4 + headerBytes.length + payload.length);
  file.set(encoder.encode(BACKUP_MAGIC), 0);
  new DataView(file.buffer).setUint32(8, headerBytes.length);
  file.set(headerBytes, 12);
  file.set(payload, 12 + headerBytes.length);
  return file;
}

export interface SplitFile {
  header: BackupHeader;
  /** The header exactly as stored: the encryption authenticates these bytes. */
  headerBytes: Uint8Array<ArrayBuffer>;
  payload: Uint8Array<ArrayBuffer>;
}

/** Reads magic and header; throws BackupError for anything that is not a backup this app can read. */
export function splitFile(file: Uint8Array<ArrayBuffer>): SplitFile {
  if (file.length < 12 || String.fromCharCode(...file.subarray(0, 8)) !== BACKUP_MAGIC) throw new BackupError('not_a_backup');
  const length = new DataView(file.buffer, file.byteOffset, file.byteLength).getUint32(8);
  if (12 + length > file.length) throw new BackupError('damaged', 'header cut short');
  const headerBytes = file.slice(12, 12 + length);
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(headerBytes));
  } catch {
    throw new BackupError('damaged', 'header is not JSON');
  }
  if (typeof raw === 'object' && raw !== null && 'version' in raw && typeof raw.version === 'number' && raw.version > BACKUP_VERSION) {
    throw new BackupError('unsupported_version', `file version ${raw.version}`);
  }
  const parsed = v.safeParse(headerSchema, raw);
  if (!parsed.success) throw new BackupError('damaged', 'header');
  return { header: parsed.output, headerBytes, payload: file.subarray(12 + length) };
}

// ── Payload ───────────────────────────────────────────────────────────────

/** Document (already gzipped) and blob bytes → the payload's plaintext. */
export function joinPayload(document: Uint8Array, blobs: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const blobBytes = blobs.reduce((sum, part) => sum + part.length, 0);
  const payload = new Uint8Array(4 + document.length + blobBytes);
  new DataView(payload.buffer).setUint32(0, document.length);
  payload.set(document, 4);
  let offset = 4 + document.length;
  for (const part of blobs) {
    payload.set(part, offset);
    offset += part.length;
  }
  return payload;
}

export function splitPayload(payload: Uint8Array<ArrayBuffer>): { document: Uint8Array<ArrayBuffer>; blobs: Uint8Array<ArrayBuffer> } {
  if (payload.length < 4) throw new BackupError('damaged', 'payload cut short');
  const length = new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(0);
  if (4 + length > payload.length) throw new BackupError('damaged', 'document cut short');
  return { document: payload.subarray(4, 4 + length), blobs: payload.subarray(4 + length) };
}

// ── Document ──────────────────────────────────────────────────────────────

/** Where a Blob's bytes are in the blob section. */
export interface BlobRef {
  $blob: { offset: number; length: number; type: string };
}

const blobRefSchema = v.strictObject({
  $blob: v.strictObject({
    offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
    length: v.pipe(v.number(), v.integer(), v.minValue(0)),
    type: v.pipe(v.string(), v.maxLength(100)),
  }),
});

export function isBlobRef(value: unknown): value is BlobRef {
  return v.is(blobRefSchema, value);
}

const clock = v.pipe(v.string(), v.check(isHlc));
const recordRowSchema = v.looseObject({
  id: v.pipe(v.string(), v.regex(UUID_PATTERN)),
  clocks: v.record(v.string(), clock),
});

const outboxEntrySchema = v.strictObject({
  ...mutationSchema.entries,
  author: v.optional(v.pipe(v.string(), v.maxLength(200))),
  rejection: v.optional(v.strictObject({ code: v.string(), message: v.string() })),
});
export type BackupOutboxEntry = v.InferOutput<typeof outboxEntrySchema>;

const blobRowSchema = v.strictObject({
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  blob: v.nullable(blobRefSchema),
  thumb: v.nullable(blobRefSchema),
  mime: v.pipe(v.string(), v.maxLength(100)),
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  state: v.picklist(['local', 'uploaded', 'remote']),
});
export type BackupBlobRow = v.InferOutput<typeof blobRowSchema>;

const documentSchema = v.strictObject({
  exportedAt: v.number(),
  deviceId: v.string(),
  organisationId: v.nullable(v.string()),
  meta: v.strictObject({ cursor: v.nullable(v.string()), clock: v.nullable(clock) }),
  records: v.record(v.string(), v.array(recordRowSchema)),
  outbox: v.array(outboxEntrySchema),
  blobs: v.array(blobRowSchema),
});

import type { RecordRow } from './record-row';

export type { RecordRow };

export interface BackupDocument {
  exportedAt: number;
  deviceId: string;
  /** The organisation the data belongs to; null for data typed before anyone signed in. */
  organisationId: string | null;
  meta: { cursor: string | null; clock: string | null };
  records: Partial<Record<TableName, RecordRow[]>>;
  outbox: BackupOutboxEntry[];
  blobs: BackupBlobRow[];
}

export function encodeDocument(document: BackupDocument): Uint8Array<ArrayBuffer> {
  return encoder.encode(JSON.stringify(document));
}

/**
 * Parses and checks the document as the sync would check a pulled change:
 * every record's fields against its table's schema. Anything off makes the
 * whole file damaged, so nothing half-checked reaches the database.
 */
export function decodeDocument(bytes: Uint8Array, blobSectionLength: number): BackupDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(decoder.decode(bytes));
  } catch {
    throw new BackupError('damaged', 'document is not JSON');
  }
  const parsed = v.safeParse(documentSchema, raw);
  if (!parsed.success) throw new BackupError('damaged', `document: ${parsed.issues[0]?.path?.map((item) => String(item.key)).join('.') ?? ''}`);
  const document = parsed.output;
  for (const [table, rows] of Object.entries(document.records)) {
    if (!isTableName(table)) throw new BackupError('damaged', `unknown table ${table}`);
    for (const row of rows) {
      const { id: _id, clocks: _clocks, ...fields } = row;
      if (!v.safeParse(PATCH_SCHEMAS[table], fields).success) throw new BackupError('damaged', `${table} ${row.id}`);
    }
  }
  for (const row of document.blobs) {
    for (const ref of [row.blob, row.thumb]) {
      if (ref && ref.$blob.offset + ref.$blob.length > blobSectionLength) throw new BackupError('damaged', `image ${row.sha256}`);
    }
  }
  return document as BackupDocument;
}

/** Every table the document may hold, in the app's order. */
export const BACKUP_TABLES: readonly TableName[] = TABLES;

// ── Naming ────────────────────────────────────────────────────────────────

/** `talka-rezerves-kopija-2026-11-23.talka`, by the device's calendar. */
export function backupFileName(at: Date): string {
  const day = `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;
  return `talka-rezerves-kopija-${day}${BACKUP_EXTENSION}`;
}
