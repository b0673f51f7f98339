import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../protocol';
import { readStoredSession } from './session';

const SAVED = {
  token: 'tok-1',
  user: { id: 'user-1', name: 'Anna Bērziņa', email: 'anna@example.lv', role: 'facilitator' },
  organisation: { id: 'org-1', name: 'Latgales kopienu centrs' },
};

describe('readStoredSession (the saved session, read without valibot on start)', () => {
  it('reads what sessionResponseSchema reads, and drops unknown fields as it does', () => {
    const saved = { ...SAVED, extra: 1, user: { ...SAVED.user, extra: 2 } };
    expect(readStoredSession(saved)).toEqual(v.parse(sessionResponseSchema, saved));
  });

  it('refuses what the schema refuses', () => {
    const broken: unknown[] = [
      undefined, null, 'tok', {}, { ...SAVED, token: 1 }, { ...SAVED, user: null },
      { ...SAVED, user: { ...SAVED.user, role: 'admin' } }, { ...SAVED, user: { ...SAVED.user, email: undefined } },
      { ...SAVED, organisation: { id: 'org-1' } },
    ];
    for (const saved of broken) {
      expect(v.safeParse(sessionResponseSchema, saved).success).toBe(false);
      expect(readStoredSession(saved)).toBeNull();
    }
  });
});
