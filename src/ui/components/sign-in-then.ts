// Signing in, then going on to where the person was headed: the sign-in
// screen's `next` parameter, only ever a path on this site.

/** `/login?next=/workshops/abc`: sign in, then open `path`. */
export function signInThenOpen(path: string): string {
  return `/login?next=${encodeURIComponent(path)}`;
}

/** Where to go after signing in: the `next` path if it is one of this site's, else the start. */
export function afterSignIn(next: string | undefined): string {
  if (next === undefined || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}
