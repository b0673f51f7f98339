import { describe, expect, it } from 'vitest';
import { assessStorage } from '../../domain/storage-warning';
import { chooseNotice, type NoticeFacts } from './choose-notice';

const MB = 1024 * 1024;
const facts = (overrides: Partial<NoticeFacts>): NoticeFacts => ({
  storage: assessStorage({ usage: 10 * MB, quota: 4000 * MB }), spaceDismissal: null, installHint: null, installDismissed: false,
  persistRefused: false, persistDismissed: false, now: 1_000_000, ...overrides,
});

describe('chooseNotice', () => {
  it('shows nothing when all is well', () => {
    expect(chooseNotice(facts({}))).toBeNull();
  });

  it('puts low space first, with the free bytes', () => {
    const storage = assessStorage({ usage: 10 * MB, quota: 100 * MB });
    expect(chooseNotice(facts({ storage, installHint: { browser: 'safari' }, persistRefused: true }))).toEqual({ kind: 'space', level: 'low', free: 90 * MB });
  });

  it('asks for the Home Screen on iOS rather than about persistence, until dismissed', () => {
    expect(chooseNotice(facts({ installHint: { browser: 'safari' }, persistRefused: true }))).toEqual({ kind: 'install', browser: 'safari' });
    expect(chooseNotice(facts({ installHint: { browser: 'safari' }, installDismissed: true, persistRefused: true }))).toBeNull();
  });

  it('tells once that the browser refused persistent storage', () => {
    expect(chooseNotice(facts({ persistRefused: true }))).toEqual({ kind: 'persist' });
    expect(chooseNotice(facts({ persistRefused: true, persistDismissed: true }))).toBeNull();
  });

  it('lets a dismissed low-space warning come back when space gets critical', () => {
    const low = assessStorage({ usage: 10 * MB, quota: 100 * MB });
    const critical = assessStorage({ usage: 10 * MB, quota: 40 * MB });
    const spaceDismissal = { level: 'low' as const, at: 999_000 };
    expect(chooseNotice(facts({ storage: low, spaceDismissal }))).toBeNull();
    expect(chooseNotice(facts({ storage: critical, spaceDismissal }))).toMatchObject({ kind: 'space', level: 'critical' });
  });
});
