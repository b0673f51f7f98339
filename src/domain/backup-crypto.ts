// Compression and encryption of a backup's payload, with what the browser and
// Node both have: CompressionStream and Web Crypto. A passphrase becomes an
// AES-GCM 256 key through PBKDF2-SHA-256; salt and IV are random per file and
// stored in the header, which the cipher authenticates with the payload.
// Async throughout: never call these inside a Dexie transaction.
import { BackupError, type BackupEncryption } from './backup-format';

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256 (at least 310,000 asked for). */
export const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function streamThrough(bytes: Uint8Array<ArrayBuffer>, transform: CompressionStream | DecompressionStream): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return streamThrough(bytes, new CompressionStream('gzip'));
}

export async function gunzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await streamThrough(bytes, new DecompressionStream('gzip'));
  } catch {
    throw new BackupError('damaged', 'not gzip');
  }
}

/** New random parameters for one file. */
export function newEncryption(iterations = PBKDF2_ITERATIONS): BackupEncryption {
  return {
    cipher: 'AES-GCM', keyBits: 256, kdf: 'PBKDF2', hash: 'SHA-256', iterations,
    salt: toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES))),
    iv: toBase64(crypto.getRandomValues(new Uint8Array(IV_BYTES))),
  };
}

/** The same passphrase typed on another keyboard (ā as one or two code points) gives the same key. */
function passphraseBytes(passphrase: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

async function deriveKey(passphrase: string, encryption: BackupEncryption): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', passphraseBytes(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(encryption.salt), iterations: encryption.iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function encryptPayload(
  plain: Uint8Array<ArrayBuffer>, passphrase: string, encryption: BackupEncryption, headerBytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveKey(passphrase, encryption);
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: headerBytes }, key, plain);
  return new Uint8Array(sealed);
}

/** Throws BackupError('wrong_passphrase') when the key does not open it (or the file was altered). */
export async function decryptPayload(
  sealed: Uint8Array<ArrayBuffer>, passphrase: string, encryption: BackupEncryption, headerBytes: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveKey(passphrase, encryption);
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(encryption.iv), additionalData: headerBytes }, key, sealed);
    return new Uint8Array(plain);
  } catch {
    throw new BackupError('wrong_passphrase');
  }
}
