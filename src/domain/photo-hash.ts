// Photos are content-addressed: the SHA-256 of the stored image's bytes names
// it on the device and on the server (PUT /api/blobs/<sha256>). Web Crypto is
// the same in the browser and in Node, so this stays pure and testable.

/** Lowercase hex SHA-256 of the bytes. Async: never call it inside a Dexie transaction. */
export async function sha256Hex(bytes: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes instanceof Uint8Array ? new Uint8Array(bytes) : bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** SHA-256 of a Blob's bytes. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  return sha256Hex(await blob.arrayBuffer());
}

export const SHA256_HEX = /^[0-9a-f]{64}$/;
