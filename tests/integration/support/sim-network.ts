// The network between simulated devices and the real server app, in process:
// a fetch for the app's own HttpTransport that calls app.request() and, as
// told, loses the request, loses the answer after the server committed, sends
// it twice, answers 503/502 like a proxy, or holds it and delivers it later
// (after newer requests). It also logs what the server acknowledged, so the
// checks can tell which mutations reached it and which were refused.
import { gunzipSync } from 'node:zlib';
import * as v from 'valibot';
import {
  ackedOf, fromColumns, mutationSchema, pullColumnsResponseSchema, shortPushResponseSchema, type Mutation,
} from '../../../protocol';
import type { Fault } from './sim-commands';
import type { TestServer } from './harness';

export interface AppliedMutation {
  mutation: Mutation;
  /** Index of the sending device. */
  device: number;
  /** Order in which the server first acknowledged it. */
  order: number;
  /** The server's wall clock when it applied it. */
  serverTime: number;
}

export interface RequestPlan {
  /** Faults for this sync's requests, in order; later requests get none. */
  faults: readonly Fault[];
  /** Runs while request `atRequest` is in flight, after the server answered (a write during a sync). */
  during?: { atRequest: number; run: () => Promise<void> };
}

const RELIABLE: RequestPlan = { faults: [] };

const PROXY_PAGE = (status: number) => `<!doctype html><html><body><h1>${status}</h1><p>nginx</p></body></html>`;

function networkError(what: string): TypeError {
  return new TypeError(`fetch failed (simulated: ${what})`);
}

function bodyText(body: BodyInit | null | undefined): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof ArrayBuffer) return gunzipSync(Buffer.from(body)).toString('utf8');
  if (ArrayBuffer.isView(body)) return gunzipSync(Buffer.from(body.buffer, body.byteOffset, body.byteLength)).toString('utf8');
  throw new Error('The simulated network only carries string and buffer bodies');
}

export class SimNetwork {
  /** Every mutation the server acknowledged, first acknowledgement only. */
  readonly applied = new Map<string, AppliedMutation>();
  /** Refusals the server answered: none are expected in the simulation. */
  readonly rejections: { device: number; id: string; code: string; message: string }[] = [];
  /**
   * What went wrong beyond the planned faults (an unexpected status, a failing
   * write during a sync). Kept here rather than thrown: the transport would
   * turn a throw into a retried network error and hide it.
   */
  readonly problems: string[] = [];
  /** Requests held by the network, oldest first. */
  private readonly held: (() => Promise<void>)[] = [];
  private readonly plans = new Map<number, { plan: RequestPlan; next: number }>();
  /** Per device, mutations pushed and changes pulled by its requests, for the end-of-run quiescence check. */
  readonly traffic = new Map<number, { pushed: number; pulled: number }>();

  constructor(private readonly server: TestServer) {}

  /** Sets the faults for the device's next requests (one sync). */
  plan(device: number, plan: RequestPlan = RELIABLE): void {
    this.plans.set(device, { plan, next: 0 });
  }

  get heldCount(): number {
    return this.held.length;
  }

  /** Delivers the oldest held request; returns false when none is held. */
  async deliverOne(): Promise<boolean> {
    const send = this.held.shift();
    if (!send) return false;
    await send();
    return true;
  }

  async deliverAll(): Promise<void> {
    while (await this.deliverOne());
  }

  trafficOf(device: number): { pushed: number; pulled: number } {
    let counts = this.traffic.get(device);
    if (!counts) {
      counts = { pushed: 0, pulled: 0 };
      this.traffic.set(device, counts);
    }
    return counts;
  }

  /** The fetch the device's HttpTransport uses. */
  fetchFor(device: number): typeof fetch {
    return async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const state = this.plans.get(device) ?? { plan: RELIABLE, next: 0 };
      this.plans.set(device, state);
      const index = state.next++;
      const fault = state.plan.faults[index] ?? 'none';
      const during = state.plan.during?.atRequest === index ? state.plan.during.run : undefined;
      const isPush = url.startsWith('/api/sync/push');
      const pushText = isPush ? bodyText(init?.body) : '';
      const { signal: _signal, ...rest } = init ?? {};
      const deliver = async (): Promise<Response> => {
        const response = await this.server.app.request(url, rest);
        await this.observe(device, isPush, pushText, response.clone());
        return response;
      };
      const settle = async <T>(outcome: () => T): Promise<T> => {
        if (during) {
          try {
            await during();
          } catch (error) {
            this.problems.push(`device ${device}: the write during request ${index} failed: ${error instanceof Error ? error.stack : String(error)}`);
          }
        }
        return outcome();
      };

      switch (fault) {
        case 'none':
          return deliver().then((response) => settle(() => response));
        case 'drop-request':
          return settle(() => {
            throw networkError('request lost');
          });
        case 'drop-response':
          await deliver();
          return settle(() => {
            throw networkError('response lost after the server committed');
          });
        case 'duplicate':
          await deliver();
          return deliver().then((response) => settle(() => response));
        case 'http-503':
          return settle(() => new Response(PROXY_PAGE(503), { status: 503, headers: { 'Content-Type': 'text/html' } }));
        case 'http-502-after-commit':
          await deliver();
          return settle(() => new Response(PROXY_PAGE(502), { status: 502, headers: { 'Content-Type': 'text/html' } }));
        case 'delay':
          if (isPush) this.held.push(async () => void (await deliver()));
          return settle(() => {
            throw networkError('timed out (request held in the network)');
          });
      }
    };
  }

  private async observe(device: number, isPush: boolean, pushText: string, response: Response): Promise<void> {
    const traffic = this.trafficOf(device);
    if (response.status !== 200) {
      this.problems.push(`the server answered ${response.status} to device ${device}: ${await response.text()}`);
      return;
    }
    const json: unknown = await response.json();
    if (!isPush) {
      traffic.pulled += fromColumns(v.parse(pullColumnsResponseSchema, json).tables).length;
      return;
    }
    const request = v.parse(v.object({ mutations: v.array(mutationSchema) }), JSON.parse(pushText));
    const body = v.parse(shortPushResponseSchema, json);
    traffic.pushed += request.mutations.length;
    const acked = new Set(ackedOf(request.mutations, body.rejected));
    for (const mutation of request.mutations) {
      if (acked.has(mutation.id) && !this.applied.has(mutation.id)) {
        this.applied.set(mutation.id, { mutation, device, order: this.applied.size, serverTime: this.server.time.now });
      }
    }
    for (const rejection of body.rejected) {
      this.rejections.push({ device, ...rejection });
    }
  }
}
