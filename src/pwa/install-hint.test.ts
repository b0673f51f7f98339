import { describe, expect, it } from 'vitest';
import { installHintFor, type PlatformFacts } from './install-hint';

const IPAD_SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15';
const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/124.0.6367.88 Mobile/15E148 Safari/604.1';
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 14; SM-X200) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

const facts = (overrides: Partial<PlatformFacts>): PlatformFacts => ({
  userAgent: IPHONE_SAFARI, platform: 'iPhone', maxTouchPoints: 5, standalone: false, displayModeStandalone: false, ...overrides,
});

describe('installHintFor', () => {
  it('asks on iPhone Safari in a browser tab', () => {
    expect(installHintFor(facts({}))).toEqual({ browser: 'safari' });
  });

  it('asks on an iPad that calls itself a Mac (iPadOS 13+), told apart from a Mac by its touch points', () => {
    expect(installHintFor(facts({ userAgent: IPAD_SAFARI, platform: 'MacIntel', maxTouchPoints: 5 }))).toEqual({ browser: 'safari' });
    expect(installHintFor(facts({ userAgent: IPAD_SAFARI, platform: 'MacIntel', maxTouchPoints: 0, standalone: undefined }))).toBeNull();
  });

  it('does not ask once opened from the Home Screen', () => {
    expect(installHintFor(facts({ standalone: true }))).toBeNull();
    expect(installHintFor(facts({ standalone: undefined, displayModeStandalone: true }))).toBeNull();
  });

  it('sends people in another iOS browser to Safari first', () => {
    expect(installHintFor(facts({ userAgent: IPHONE_CHROME }))).toEqual({ browser: 'other' });
  });

  it('does not ask on Android or desktops (persist() is asked there instead)', () => {
    expect(installHintFor(facts({ userAgent: ANDROID_CHROME, platform: 'Linux armv8l', standalone: undefined }))).toBeNull();
  });
});
