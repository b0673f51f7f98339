// Request size limits (hono/body-limit) with our error body.
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from '../errors';

/** Bodies of small JSON requests: login, users, setup. */
export const SMALL_BODY_BYTES = 64 * 1024;

export function limitBody(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => c.json(errorBody('payload_too_large', `The request body is larger than ${maxSize} bytes`), 413),
  });
}
