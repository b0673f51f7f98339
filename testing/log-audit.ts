// What a server's output must never hold: bearer or setup tokens (43
// characters of base64url, as auth/tokens.ts makes them) outside the one line
// that announces the first-setup link to the operator, and any personal value
// or password a test used. Used on every server of the end-to-end suite.

const TOKEN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g;
/** The operator's setup link, printed on purpose once per deployment (setup-link.ts). */
const SETUP_LINK_LINE = /^ {2}https?:\/\/\S+\/setup#([A-Za-z0-9_-]{43})$/;

/** The findings: each names the secret or value and where it was seen. Empty when the output is clean. */
export function findSecrets(output: string, values: Iterable<string>): string[] {
  const findings: string[] = [];
  const lines = output.split('\n');
  const setupTokens = new Set<string>();
  const rest: string[] = [];
  for (const line of lines) {
    const link = SETUP_LINK_LINE.exec(line);
    if (link?.[1]) setupTokens.add(link[1]);
    else rest.push(line);
  }
  const text = rest.join('\n');
  for (const token of text.match(TOKEN) ?? []) findings.push(`a token-like value ${token.slice(0, 6)}…`);
  for (const token of setupTokens) if (text.includes(token)) findings.push('the setup token outside the setup link line');
  for (const value of new Set(values)) {
    if (value.trim().length >= 4 && text.includes(value)) findings.push(`"${value}"`);
  }
  return findings;
}
