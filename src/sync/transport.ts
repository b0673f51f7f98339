// What the sync engine needs from the network; the HTTP implementation is in
// http-transport.ts, tests hand the engine a fake. Every failure is an
// ApiError (src/net/api-error.ts); its `failure` says whether to retry.
import type { PulledRecord, PushRequest, PushResponse } from '../../protocol';

/** One page of a pull, whatever layout it crossed the wire in. */
export interface PullPage {
  changes: PulledRecord[];
  cursor: string;
  hasMore: boolean;
  /** What the server lets this user see; when it changes, the device pulls everything again (db/meta.ts). */
  scope?: string | undefined;
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
