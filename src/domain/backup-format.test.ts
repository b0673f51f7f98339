import { describe, expect, it } from 'vitest';
import { decryptPayload, encryptPayload, fromBase64, gunzip, gzip, newEncryption, toBase64 } from './backup-crypto';
import {
  BACKUP_MAGIC, BackupError, backupFileName, decodeDocument, encodeDocument, encodeHeader, joinFile, joinPayload, makeHeader,
  splitFile, splitPayload, type BackupDocument,
} from './backup-format';

const problem = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof BackupError ? error.problem : String(error);
  }
  return 'no error';
};

const emptyDocument: BackupDocument = {
  exportedAt: 1, deviceId: 'tablet', organisationId: null, meta: { cursor: null, clock: null }, records: {}, outbox: [], blobs: [],
};

describe('backup file layout', () => {
  it('starts with the magic and a readable header, and splits back into header and payload', () => {
    const header = makeHeader(1_790_000_000_000, null);
    const file = joinFile(encodeHeader(header), new Uint8Array([1, 2, 3]));
    expect(new TextDecoder().decode(file.subarray(0, 8))).toBe(BACKUP_MAGIC);
    const split = splitFile(file);
    expect(split.header).toEqual(header);
    expect([...split.payload]).toEqual([1, 2, 3]);
  });

  it('tells a file from a newer app apart from a damaged one', () => {
    const newer = joinFile(new TextEncoder().encode(JSON.stringify({ ...makeHeader(1, null), version: 2 })), new Uint8Array());
    expect(problem(() => splitFile(newer))).toBe('unsupported_version');
    const odd = joinFile(new TextEncoder().encode('{"format":"talka-backup"'), new Uint8Array());
    expect(problem(() => splitFile(odd))).toBe('damaged');
    expect(problem(() => splitFile(new TextEncoder().encode('PK\u0003\u0004 a zip file')))).toBe('not_a_backup');
  });

  it('keeps the document and the images apart in the payload', () => {
    const payload = joinPayload(new Uint8Array([9, 9]), [new Uint8Array([1]), new Uint8Array([2, 3])]);
    const { document, blobs } = splitPayload(payload);
    expect([...document]).toEqual([9, 9]);
    expect([...blobs]).toEqual([1, 2, 3]);
  });
});

describe('backup document', () => {
  it('checks every record against its table schema', () => {
    const good = { ...emptyDocument, records: { swot: [{ id: '0190a0a0-0000-7000-8000-000000000001', clocks: {}, quadrant: 'strengths' }] } };
    expect(decodeDocument(encodeDocument(good), 0).records.swot).toHaveLength(1);
    const bad = { ...emptyDocument, records: { swot: [{ id: '0190a0a0-0000-7000-8000-000000000001', clocks: {}, quadrant: 'north' }] } };
    expect(problem(() => decodeDocument(encodeDocument(bad as BackupDocument), 0))).toBe('damaged');
    const unknownTable = { ...emptyDocument, records: { secrets: [] } };
    expect(problem(() => decodeDocument(encodeDocument(unknownTable as BackupDocument), 0))).toBe('damaged');
  });

  it('refuses an image that points past the end of the file', () => {
    const document: BackupDocument = {
      ...emptyDocument,
      blobs: [{ sha256: 'a'.repeat(64), blob: { $blob: { offset: 0, length: 10, type: 'image/jpeg' } }, thumb: null, mime: 'image/jpeg', size: 10, state: 'local' }],
    };
    expect(decodeDocument(encodeDocument(document), 10).blobs).toHaveLength(1);
    expect(problem(() => decodeDocument(encodeDocument(document), 9))).toBe('damaged');
  });

  it('names the file by the day it was made', () => {
    expect(backupFileName(new Date(2026, 10, 3, 23, 59))).toBe('talka-rezerves-kopija-2026-11-03.talka');
  });
});

describe('backup crypto', () => {
  const header = new TextEncoder().encode('{"header":1}');

  it('round-trips gzip and base64', async () => {
    const text = new TextEncoder().encode('Bērziņš '.repeat(1000));
    const packed = await gzip(text);
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(await gunzip(packed)).toEqual(text);
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('opens with the same passphrase, however its letters were typed; not with another, nor with the header altered', async () => {
    const encryption = newEncryption(100_000);
    expect(fromBase64(encryption.salt)).toHaveLength(16);
    expect(fromBase64(encryption.iv)).toHaveLength(12);
    const plain = new TextEncoder().encode('Jānis Bērziņš');
    const sealed = await encryptPayload(plain, 'Ērgļi', encryption, header);
    expect(await decryptPayload(sealed, 'E\u0304rgļi', encryption, header)).toEqual(plain);
    await expect(decryptPayload(sealed, 'ergli', encryption, header)).rejects.toMatchObject({ problem: 'wrong_passphrase' });
    await expect(decryptPayload(sealed, 'Ērgļi', encryption, new TextEncoder().encode('{"header":2}'))).rejects.toMatchObject({ problem: 'wrong_passphrase' });
  });

  it('makes new salt and IV for every file', () => {
    const a = newEncryption();
    const b = newEncryption();
    expect(a.iterations).toBeGreaterThanOrEqual(310_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
  });

  it('calls a gzip stream that is not one damaged', async () => {
    await expect(gunzip(new Uint8Array([1, 2, 3, 4]))).rejects.toMatchObject({ problem: 'damaged' });
  });
});
