import { describe, expect, it } from 'vitest';
import { HttpTransport, gzipBody } from './http-transport';
import { ApiError } from '../net/api-error';

const reply = (status: number, body: string, type = 'application/json') =>
  async () => new Response(body, { status, headers: { 'Content-Type': type } });

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ApiError) return error.failure;
    throw error;
  }
  return 'none';
}

describe('HttpTransport', () => {
  const token = () => 'secret';

  it('asks for the short push reply and names every mutation sent that was not rejected as acknowledged', async () => {
    let sent: unknown = null;
    const transport = new HttpTransport({
      token,
      fetch: async (_input, init) => {
        sent = JSON.parse(String(init?.body));
        return new Response(JSON.stringify({ acked: 'rest', rejected: [{ id: 'm2', code: 'forbidden', message: 'no' }], cursor: 'c9' }), { status: 200 });
      },
    });
    const mutation = (id: string) => ({ id, table: 'needs', recordId: id, op: 'put' as const, fields: {}, base: {}, hlc: '' });
    const reply = await transport.push({ protocol: 1, deviceId: 'tabletA', mutations: [mutation('m1'), mutation('m2'), mutation('m3')] });
    expect(reply).toEqual({ acked: ['m1', 'm3'], rejected: [{ id: 'm2', code: 'forbidden', message: 'no' }], cursor: 'c9' });
    expect(sent).toMatchObject({ protocol: 1, deviceId: 'tabletA', acks: 'short' });
  });

  it('sends the bearer token, asks for the column layout and turns it back into records', async () => {
    let seen: Request | null = null;
    const clock = '1746090000000:0002:tablet-a';
    const id = '01968b12-fe80-7000-8000-000000000001';
    const transport = new HttpTransport({
      token,
      fetch: async (input, init) => {
        seen = new Request(new URL(String(input), 'http://localhost'), init);
        const tables = [{ table: 'needs', ids: [id], clocks: [clock], columns: { title: ['Tilts'], owner: [null] }, fieldClocks: { owner: [''] } }];
        return new Response(JSON.stringify({ tables, cursor: 'c1', hasMore: true }), { status: 200 });
      },
    });
    expect(await transport.pull('c0', 500)).toEqual({
      changes: [{ table: 'needs', recordId: id, fields: { title: 'Tilts' }, clocks: { title: clock } }], cursor: 'c1', hasMore: true,
    });
    expect(seen!.headers.get('authorization')).toBe('Bearer secret');
    const query = new URL(seen!.url).searchParams;
    expect([query.get('since'), query.get('limit'), query.get('shape')]).toEqual(['c0', '500', 'columns']);
  });

  it('maps answers to failures the engine acts on', async () => {
    const pull = (fetch: typeof globalThis.fetch) => new HttpTransport({ token, fetch }).pull(null, 10);
    expect(await failureOf(pull(reply(401, '{"error":{"code":"unauthorized","message":"x"}}')))).toBe('unauthorized');
    expect(await failureOf(pull(reply(409, '{"error":{"code":"cursor_reset","message":"x"}}')))).toBe('cursor_reset');
    expect(await failureOf(pull(reply(413, '')))).toBe('too_large');
    expect(await failureOf(pull(reply(502, '<html>Bad gateway</html>', 'text/html')))).toBe('server');
    expect(await failureOf(pull(reply(400, '{"error":{"code":"bad_cursor","message":"x"}}')))).toBe('rejected');
    expect(await failureOf(pull(reply(200, '<html>captive portal</html>', 'text/html')))).toBe('server');
    expect(await failureOf(pull(reply(200, '{"changes":"nope"}')))).toBe('server');
    expect(await failureOf(pull(reply(200, '{"tables":[{"table":"needs","ids":["x"],"clocks":[],"columns":{},"fieldClocks":{}}],"cursor":"c","hasMore":false}')))).toBe('server');
    expect(await failureOf(pull(async () => { throw new TypeError('Failed to fetch'); }))).toBe('network');
    expect(await failureOf(new HttpTransport({ token: () => null, fetch: reply(200, '{}') }).pull(null, 1))).toBe('unauthorized');
  });

  it('gzips large bodies and the result decompresses to the same text', async () => {
    const text = JSON.stringify({ mutations: Array.from({ length: 200 }, (_, i) => ({ id: i, title: 'Bērziņš' })) });
    const { body, encoding } = await gzipBody(text);
    expect(encoding).toBe('gzip');
    const back = await new Response(new Blob([body as ArrayBuffer]).stream().pipeThrough(new DecompressionStream('gzip'))).text();
    expect(back).toBe(text);
    expect((body as ArrayBuffer).byteLength).toBeLessThan(text.length / 5);
  });
});
