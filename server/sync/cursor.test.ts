import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('pull cursor', () => {
  it('round-trips the instance id and seq and is opaque base64url', () => {
    const cursor = encodeCursor({ instanceId: '6f1c2d7e-0a1b-4c3d-8e9f-0123456789ab', seq: 12345 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual({ instanceId: '6f1c2d7e-0a1b-4c3d-8e9f-0123456789ab', seq: 12345 });
  });

  it('rejects anything that is not one of ours', () => {
    for (const text of ['', '!!', 'djEuYWJj', Buffer.from('v2.abc.1').toString('base64url'), Buffer.from('v1.abc.99999999999999999').toString('base64url')]) {
      expect(decodeCursor(text)).toBeNull();
    }
  });
});
