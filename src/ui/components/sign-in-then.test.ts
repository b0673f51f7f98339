import { describe, expect, it } from 'vitest';
import { afterSignIn, signInThenOpen } from './sign-in-then';

describe('signing in, then opening the link', () => {
  it('carries the path through the sign-in screen', () => {
    const url = new URL(signInThenOpen('/workshops/abc?x=1'), 'https://talka.example');
    expect(url.pathname).toBe('/login');
    expect(afterSignIn(url.searchParams.get('next') ?? undefined)).toBe('/workshops/abc?x=1');
  });

  it('goes only to a path on this site', () => {
    expect(afterSignIn(undefined)).toBe('/');
    expect(afterSignIn('https://evil.example/')).toBe('/');
    expect(afterSignIn('//evil.example/')).toBe('/');
    expect(afterSignIn('/\\evil.example')).toBe('/');
    expect(afterSignIn('/login?next=/x')).toBe('/');
    expect(afterSignIn('/communities/1')).toBe('/communities/1');
  });
});
