// The one way the app talks HTTP to its server: base URL, bearer token,
// timeout, JSON or bytes out, the reply parsed by its protocol schema, and
// every failure turned into an ApiError (api-error.ts). Sync, photo upload
// and the account screens all send through here.
import * as v from 'valibot';
import { errorBodySchema, isRequestErrorCode } from '../../protocol';
import { ApiError } from './api-error';

/** Where and as whom to send. */
export interface Endpoint {
  /** Origin of the server; empty for the page's own. */
  baseUrl?: string;
  /** The session's bearer token, read at each call. */
  token?: () => string | null;
  fetch?: typeof fetch;
  /** Per request, unless the call gives its own. */
  timeoutMs?: number;
}

export interface SendOptions {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT';
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as it is (bytes, a gzipped body); `headers` say what it is. */
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Refuse to send without a token (sync and photos); the account screens also call signed out. */
  signed?: boolean;
  /** Statuses that come back as they are instead of throwing (HEAD's 404). */
  expect?: readonly number[];
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The failure a non-2xx answer stands for: the server's own code when its body says one. */
async function refusalOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // An HTML page from a proxy, or HEAD with no body: the status says it.
  }
  const parsed = v.safeParse(errorBodySchema, body);
  if (!parsed.success) return new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  const { code, message } = parsed.output.error;
  // A code this app does not know (a newer server) still carries its message; the status decides what to do.
  return new ApiError(response.status, isRequestErrorCode(code) ? code : 'http_error', message);
}

/** One request; a 2xx answer (or one in `expect`) comes back, anything else throws an ApiError. */
export async function send(endpoint: Endpoint, path: string, options: SendOptions = {}): Promise<Response> {
  const headers = new Headers(options.headers);
  headers.set('Accept', 'application/json');
  const token = endpoint.token?.() ?? null;
  if (token) headers.set('Authorization', `Bearer ${token}`);
  else if (options.signed) throw new ApiError(0, 'not_signed_in', 'Not signed in');
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('Content-Type', 'application/json');
    body = JSON.stringify(options.json);
  }
  const doFetch = endpoint.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let response: Response;
  try {
    response = await doFetch(`${endpoint.baseUrl ?? ''}${path}`, {
      method: options.method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      body,
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? endpoint.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    throw new ApiError(0, timedOut ? 'timeout' : 'network', describe(error));
  }
  if (response.ok || options.expect?.includes(response.status)) return response;
  throw await refusalOf(response);
}

/** The reply's JSON, parsed with its protocol schema. */
export async function readReply<S extends v.GenericSchema>(response: Response, schema: S): Promise<v.InferOutput<S>> {
  let json: unknown;
  try {
    json = await response.json();
  } catch (error) {
    throw new ApiError(response.status, 'bad_reply', `Reply is not JSON: ${describe(error)}`);
  }
  const parsed = v.safeParse(schema, json);
  if (!parsed.success) throw new ApiError(response.status, 'bad_reply', `Unexpected reply: ${v.summarize(parsed.issues)}`);
  return parsed.output;
}

/** `send` and `readReply` together: the common JSON call. */
export async function call<S extends v.GenericSchema>(endpoint: Endpoint, path: string, schema: S, options: SendOptions = {}): Promise<v.InferOutput<S>> {
  return readReply(await send(endpoint, path, options), schema);
}

/** The body of a successful download; a connection that drops halfway is a network failure. */
export async function readBlob(response: Response): Promise<Blob> {
  try {
    return await response.blob();
  } catch (error) {
    throw new ApiError(0, 'network', describe(error));
  }
}
