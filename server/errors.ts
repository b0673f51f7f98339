// A request the server refuses on purpose (bad input, no permission, not
// found, too many attempts): thrown from anywhere below a route, rendered once
// by app.onError as `{ error: { code, message } }` with its 4xx status.
// Anything else that is thrown is a fault and becomes a 500.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { RequestErrorCode } from '../protocol/errors';
import type { ErrorBody } from '../protocol/messages';

export class Refusal extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: RequestErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export function errorBody(code: RequestErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
