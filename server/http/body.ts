// Reading request bodies: JSON parsed with a valibot schema from protocol/,
// and the push body, which may arrive gzipped.
import { gunzip } from 'node:zlib';
import * as v from 'valibot';
import type { Context } from 'hono';
import { findJsonProblem, jsonPathText, type JsonProblem } from '../../protocol/text';
import { Refusal } from '../errors';

/** "field: code; other: code" — short enough for a 400's message. */
export function summariseIssues(issues: readonly v.BaseIssue<unknown>[], prefix = ''): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      const where = path ? `${prefix}${path}` : prefix.replace(/\.$/, '') || 'body';
      return `${where}: ${describeIssue(issue)}`;
    })
    .join('; ');
}

/** Our schemas' messages are codes; valibot's own key checks get one too. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  if (issue.type === 'strict_object' && issue.expected === 'never') return 'unknown_field';
  if (issue.kind === 'schema' && issue.received === 'undefined' && issue.message.startsWith('Invalid key')) return 'missing';
  return issue.message;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(400, 'bad_json', 'The request body is not valid JSON');
  }
}

/** "fields.contacts.0.name: invalid_value", in the style of summariseIssues. */
export function describeJsonProblem(problem: JsonProblem, root = 'body'): string {
  return `${jsonPathText(problem.path) || root}: ${problem.code}`;
}

/**
 * 400 invalid_value for text with control characters or broken surrogates, or
 * JSON nested too deep; 400 forbidden_key for `__proto__`, `constructor` or
 * `prototype` as a key (protocol/text.ts). Checked before the schema, which
 * would drop such keys silently.
 */
export function refuseUnsafeJson(value: unknown): void {
  const problem = findJsonProblem(value);
  if (problem) throw new Refusal(400, problem.code, describeJsonProblem(problem));
}

/**
 * refuseUnsafeJson for every member of a body but the list `member`, whose
 * items whoever reads them checks one by one (a push's mutations: one bad
 * mutation is refused alone and the rest applied). Returns the body.
 */
export function refuseUnsafeJsonExcept(value: unknown, member: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    refuseUnsafeJson(value);
    return value;
  }
  refuseUnsafeJson(Object.fromEntries(Object.entries(value).filter(([key, item]) => key !== member || !Array.isArray(item))));
  return value;
}

export function parseWith<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (!result.success) throw new Refusal(400, 'bad_request', summariseIssues(result.issues));
  return result.output;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A request body the client stopped sending (connection cut): its own 400, not a server error. */
function isAbortedBody(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error ? error.code : undefined;
  return code === 'ECONNRESET' || code === 'ECONNABORTED' || error.message === 'aborted';
}

/** The raw request body; 400 incomplete_body when the connection is cut before it ends. */
export async function readBodyBytes(c: Context): Promise<Uint8Array> {
  try {
    return new Uint8Array(await c.req.arrayBuffer());
  } catch (error) {
    if (isAbortedBody(error)) throw new Refusal(400, 'incomplete_body', 'The connection closed before the request body ended');
    throw error;
  }
}

/** The JSON body, checked against `schema`; 400 bad_json / bad_request otherwise. */
export async function readJson<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let text: string;
  try {
    text = utf8.decode(await readBodyBytes(c));
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(400, 'bad_json', 'The request body is not UTF-8 text');
  }
  const value = parseJsonText(text);
  refuseUnsafeJson(value);
  return parseWith(schema, value);
}

function gunzipLimited(data: Uint8Array, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    gunzip(data, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) return resolve(result);
      if ('code' in error && error.code === 'ERR_BUFFER_TOO_LARGE') {
        reject(new Refusal(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes once decompressed`));
      } else {
        reject(new Refusal(400, 'bad_gzip', 'The request body is not valid gzip'));
      }
    });
  });
}

/**
 * The body as JSON, after undoing `Content-Encoding: gzip`, at most `maxBytes`
 * decoded. The compressed size is capped before this by the body limit.
 */
export async function readMaybeGzippedJson(c: Context, maxBytes: number): Promise<unknown> {
  const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
  const gzipped = encoding === 'gzip' || encoding === 'x-gzip';
  // Refused before the body is read: nothing of it could be used.
  if (!gzipped && encoding !== 'identity' && encoding !== '') {
    throw new Refusal(415, 'unsupported_encoding', `Content-Encoding ${encoding} is not accepted; send gzip or nothing`);
  }
  const raw = await readBodyBytes(c);
  const bytes = gzipped ? await gunzipLimited(raw, maxBytes) : raw;
  if (bytes.byteLength > maxBytes) {
    throw new Refusal(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes`);
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new Refusal(400, 'bad_json', 'The request body is not UTF-8 text');
  }
  return parseJsonText(text);
}
