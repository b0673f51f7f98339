import * as v from 'valibot';
import { del, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { sessionResponseSchema } from '../../protocol';
import { loadSession, readStoredSession, session } from './session';

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

describe('the session across tabs', () => {
  it('a tab hears another sign out (or in) and reads the saved session again', async () => {
    await set('talka:session', SAVED);
    await loadSession();
    expect(session.value?.user.id).toBe('user-1');
    const otherTab = new BroadcastChannel('talka-session');
    await del('talka:session');
    otherTab.postMessage('changed');
    await expect.poll(() => session.value).toBeNull();
    await set('talka:session', SAVED);
    otherTab.postMessage('changed');
    await expect.poll(() => session.value?.user.id).toBe('user-1');
    otherTab.close();
    await del('talka:session');
  });
});
