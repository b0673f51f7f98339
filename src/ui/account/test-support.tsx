// Renders an account screen over a real, freshly named database with an API
// client whose fetch is a fake the test scripts.
import type { ComponentChildren } from 'preact';
import { LocationProvider } from 'preact-iso';
import { AccountApi } from '../../account/account-api';
import { ToastHost } from '../components/toast';
import { renderWithServices, type TestServices } from '../test-support';
import { ApiContext } from './api-context';

export interface FakeReply {
  status: number;
  body: unknown;
}

export interface FakeServer {
  fetch: typeof fetch;
  /** Requests seen, in order. */
  requests: { method: string; path: string; body: unknown; authorization: string | null }[];
}

/** A fetch that answers each `METHOD /path` from `routes`; anything else is a network failure. */
export function fakeServer(routes: Record<string, FakeReply | ((body: unknown) => FakeReply)>): FakeServer {
  const requests: FakeServer['requests'] = [];
  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const path = new URL(String(input), 'http://talka.test').pathname;
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    const headers = new Headers(init?.headers);
    requests.push({ method, path, body, authorization: headers.get('Authorization') });
    const route = routes[`${method} ${path}`];
    if (!route) throw new TypeError('Failed to fetch');
    const reply = typeof route === 'function' ? route(body) : route;
    return new Response(JSON.stringify(reply.body), { status: reply.status, headers: { 'Content-Type': 'application/json' } });
  };
  return { fetch: fakeFetch as typeof fetch, requests };
}

/** Renders an account screen at `url`, its API calls answered by `server`. */
export function renderWithServer(services: TestServices, server: FakeServer, children: ComponentChildren, url = '/') {
  history.replaceState(null, '', url);
  return renderWithServices(services, (
    <ApiContext.Provider value={new AccountApi({ fetch: server.fetch, token: () => 'test-token' })}>
      <LocationProvider>{children}</LocationProvider>
      <ToastHost />
    </ApiContext.Provider>
  ));
}

export const SESSION = {
  token: 'tok-new',
  user: { id: 'user-1', name: 'Anna Bērziņa', email: 'anna@example.lv', role: 'coordinator' as const },
  organisation: { id: 'org-new', name: 'Latgales kopienu centrs' },
};
