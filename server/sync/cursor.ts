// The pull cursor (docs/protocol.md, Pull): opaque to devices; inside, the database's
// instance id and a server seq (never a client clock).

export interface CursorPosition {
  instanceId: string;
  seq: number;
}

const CURSOR_TEXT = /^[A-Za-z0-9_-]{1,200}$/;
const CURSOR_BODY = /^v1\.([A-Za-z0-9-]{1,64})\.(\d{1,15})$/;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`v1.${position.instanceId}.${position.seq}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or null when the text is not a cursor of ours. */
export function decodeCursor(text: string): CursorPosition | null {
  if (!CURSOR_TEXT.test(text)) return null;
  const match = CURSOR_BODY.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!match) return null;
  const seq = Number(match[2]);
  return Number.isSafeInteger(seq) ? { instanceId: match[1] ?? '', seq } : null;
}
