// What the sync engine needs from the network; the HTTP implementation is in
// http-transport.ts, tests hand the engine a fake.
import type { PulledRecord, PushRequest, PushResponse } from '../../protocol';

export type TransportFailure =
  /** No answer: offline, DNS, connection cut, timeout. Retried with backoff. */
  | 'network'
  /** The server answered 5xx or something that is not our JSON. Retried with backoff. */
  | 'server'
  /** The session is missing, expired or revoked: sync waits for a new login. */
  | 'unauthorized'
  /** The server's history is behind this device's cursor (restored from a backup). */
  | 'cursor_reset'
  /** The request was too large for the server. */
  | 'too_large'
  /** The server refused the request itself (4xx). */
  | 'rejected';

export class TransportError extends Error {
  constructor(readonly failure: TransportFailure, message: string, readonly status?: number) {
    super(message);
    this.name = 'TransportError';
  }
}

/** One page of a pull, whatever layout it crossed the wire in. */
export interface PullPage {
  changes: PulledRecord[];
  cursor: string;
  hasMore: boolean;
}

/** Sends a push; `since` is the device's pull cursor at that moment (see pulledThrough in protocol/messages.ts). */
export type SendPush = (since: string | null) => Promise<PushResponse>;

export interface Transport {
  push(request: PushRequest, since?: string | null): Promise<PushResponse>;
  /**
   * Optional: does the costly part of a push (JSON, compression) now and
   * returns what sends it, so the engine can ready the next batch while one
   * is on the wire.
   */
  preparePush?(request: PushRequest): Promise<SendPush>;
  pull(cursor: string | null, limit: number): Promise<PullPage>;
}
