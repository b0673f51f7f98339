// Text bound for the server's log, one line each: control characters and
// broken surrogates, which a request may carry into an error's message or a
// path, are written as \uXXXX escapes, so nobody can forge a log line or hide
// one with a NUL or a terminal escape.
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const UNPRINTABLE = /[\0-\x1F\x7F-\x9F\p{Cs}]/gu;

export function logText(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
