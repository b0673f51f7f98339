// Calls to the account endpoints, each reply parsed with its protocol schema.
// A failure becomes an ApiError carrying the server's code for the UI to translate.
import * as v from 'valibot';
import {
  errorBodySchema, meResponseSchema, okResponseSchema, sessionResponseSchema, setupStatusResponseSchema,
  userListResponseSchema, userResponseSchema,
  type CreateUserRequest, type SetupRequest,
} from '../../protocol';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  token?: () => string | null;
  fetch?: typeof fetch;
}

export class ApiClient {
  constructor(private readonly options: ApiClientOptions = {}) {}

  login(email: string, password: string) {
    return this.request('POST', '/api/auth/login', sessionResponseSchema, { email, password });
  }
  setup(request: SetupRequest) {
    return this.request('POST', '/api/setup', sessionResponseSchema, request);
  }
  setupStatus() {
    return this.request('GET', '/api/setup/status', setupStatusResponseSchema);
  }
  me() {
    return this.request('GET', '/api/auth/me', meResponseSchema);
  }
  logout() {
    return this.request('POST', '/api/auth/logout', okResponseSchema);
  }
  listUsers() {
    return this.request('GET', '/api/users', userListResponseSchema);
  }
  createUser(request: CreateUserRequest) {
    return this.request('POST', '/api/users', userResponseSchema, request);
  }
  resetPassword(userId: string, password: string) {
    return this.request('POST', `/api/users/${encodeURIComponent(userId)}/password`, userResponseSchema, { password });
  }
  setActive(userId: string, active: boolean) {
    return this.request('POST', `/api/users/${encodeURIComponent(userId)}/${active ? 'activate' : 'deactivate'}`, userResponseSchema);
  }

  private async request<S extends v.GenericSchema>(method: string, path: string, schema: S, body?: unknown): Promise<v.InferOutput<S>> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = this.options.token?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const doFetch = this.options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    let response: Response;
    try {
      response = await doFetch(`${this.options.baseUrl ?? ''}${path}`, {
        method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
      });
    } catch (error) {
      throw new ApiError(0, 'network', error instanceof Error ? error.message : String(error));
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      // not JSON: handled below
    }
    if (!response.ok) {
      const parsed = v.safeParse(errorBodySchema, json);
      if (parsed.success) throw new ApiError(response.status, parsed.output.error.code, parsed.output.error.message);
      throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
    }
    const parsed = v.safeParse(schema, json);
    if (!parsed.success) throw new ApiError(response.status, 'bad_reply', v.summarize(parsed.issues));
    return parsed.output;
  }
}

