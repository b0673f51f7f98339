// The one error a call to the server ends in, whatever asked (sync, photo
// upload, the account screens): the HTTP status (0 when no answer came) and a
// code — the server's own (protocol/errors.ts) or one of the client's below.
import type { RequestErrorCode } from '../../protocol/errors';

/** What went wrong before the server could say: no answer, or an answer that is not ours. */
export type ClientErrorCode =
  /** No answer: offline, DNS, connection cut. */
  | 'network'
  /** No answer in time. */
  | 'timeout'
  /** A call that needs a session was made with none. */
  | 'not_signed_in'
  /** The server answered with something its schema does not accept. */
  | 'bad_reply';

export type ApiErrorCode = RequestErrorCode | ClientErrorCode;

/** How the sync engine and the screens act on a failure. */
export type Failure =
  /** No answer: retried with backoff. */
  | 'network'
  /** 5xx, 408, 429, or something that is not our JSON: retried with backoff. */
  | 'server'
  /** The session is missing, expired or revoked: sync waits for a new sign-in. */
  | 'unauthorized'
  /** The server's history is behind this device's cursor (restored from a backup). */
  | 'cursor_reset'
  /** The app is older than the server's sync protocol: it must update (its unsent changes were still applied). */
  | 'upgrade'
  /** Too large for the server. */
  | 'too_large'
  /** The server refused the request itself (another 4xx). */
  | 'rejected';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
  }

  get failure(): Failure {
    if (this.code === 'network' || this.code === 'timeout') return 'network';
    if (this.code === 'not_signed_in' || this.status === 401) return 'unauthorized';
    if (this.code === 'cursor_reset') return 'cursor_reset';
    if (this.code === 'upgrade_required') return 'upgrade';
    if (this.status === 413) return 'too_large';
    if (this.code === 'bad_reply' || this.status >= 500 || this.status === 408 || this.status === 429) return 'server';
    return 'rejected';
  }
}
