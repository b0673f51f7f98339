import { describe, expect, it } from 'vitest';
import { HttpBlobTransport } from './blob-upload-http';
import { ApiError } from '../net/api-error';

const SHA = 'a'.repeat(64);

function transportAnswering(answer: (request: Request) => Response | Promise<Response>, seen: Request[] = []) {
  return new HttpBlobTransport({
    baseUrl: 'http://talka.test',
    token: () => 'secret-token',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      seen.push(request);
      return answer(request);
    },
  });
}

const errorReply = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), { status, headers: { 'Content-Type': 'application/json' } });

describe('HttpBlobTransport', () => {
  it('HEAD with the bearer token: 200 is "the server has it", 404 is "it does not"', async () => {
    const seen: Request[] = [];
    const has = transportAnswering(() => new Response(null, { status: 200 }), seen);
    expect(await has.head(SHA)).toBe(true);
    expect(seen[0]!.method).toBe('HEAD');
    expect(seen[0]!.url).toBe(`http://talka.test/api/blobs/${SHA}`);
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer secret-token');
    expect(await transportAnswering(() => new Response(null, { status: 404 })).head(SHA)).toBe(false);
  });

  it('PUT sends the bytes with their type and checks the reply names the same hash', async () => {
    const seen: Request[] = [];
    const transport = transportAnswering(() => Response.json({ sha256: SHA, size: 3 }, { status: 201 }), seen);
    await transport.put(SHA, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' }));
    expect(seen[0]!.method).toBe('PUT');
    expect(seen[0]!.headers.get('Content-Type')).toBe('image/jpeg');
    const other = transportAnswering(() => Response.json({ sha256: 'b'.repeat(64), size: 3 }));
    await expect(other.put(SHA, new Blob([new Uint8Array([1])]))).rejects.toMatchObject({ failure: 'server' });
  });

  it.each([
    [413, 'payload_too_large', 'too_large'],
    [400, 'hash_mismatch', 'rejected'],
    [401, 'unauthorized', 'unauthorized'],
    [503, 'unavailable', 'server'],
  ] as const)('a %i (%s) answer is a %s failure', async (status, code, failure) => {
    const transport = transportAnswering(() => errorReply(status, code, `said ${code}`));
    const error = await transport.put(SHA, new Blob([new Uint8Array([1])])).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ failure, status, message: `said ${code}` });
  });

  it('no answer at all is a network failure; no session is unauthorized without asking', async () => {
    const offline = transportAnswering(() => { throw new TypeError('Failed to fetch'); });
    await expect(offline.head(SHA)).rejects.toMatchObject({ failure: 'network' });
    const signedOut = new HttpBlobTransport({ token: () => null, fetch: () => { throw new Error('must not be called'); } });
    await expect(signedOut.get(SHA)).rejects.toMatchObject({ failure: 'unauthorized' });
  });

  it('GET gives the body as a Blob; 404 is a refusal with its status', async () => {
    const transport = transportAnswering(() => new Response(new Uint8Array([9, 8, 7]), { headers: { 'Content-Type': 'image/jpeg' } }));
    const blob = await transport.get(SHA);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([9, 8, 7]));
    const missing = transportAnswering(() => errorReply(404, 'not_found', 'No such blob'));
    await expect(missing.get(SHA)).rejects.toMatchObject({ failure: 'rejected', status: 404 });
  });
});
