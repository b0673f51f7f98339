import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { bearerToken, hashToken, newToken } from './tokens';

describe('password hashing', () => {
  it('verifies the right password only, with a per-password salt and the parameters stored', async () => {
    const first = await hashPassword('šķērslis-123', 10);
    const second = await hashPassword('šķērslis-123', 10);
    expect(first).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword('šķērslis-123', first)).toBe(true);
    expect(await verifyPassword('šķērslis-124', first)).toBe(false);
    expect(await verifyPassword('anything', 'not a hash')).toBe(false);
  });
});

describe('bearer tokens', () => {
  it('are 32 random bytes in base64url, stored as SHA-256 hex', () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer ${token}`)).toBe(token);
    expect(bearerToken(token)).toBeNull();
    expect(bearerToken('Bearer short')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
