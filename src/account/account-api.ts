// The account endpoints (sign-in, first setup, users), each reply parsed with
// its protocol schema. A failure is an ApiError carrying the server's code
// for the screens to translate.
import {
  meResponseSchema, okResponseSchema, sessionResponseSchema, setupStatusResponseSchema, userListResponseSchema, userResponseSchema,
  type CreateUserRequest, type SetupRequest,
} from '../../protocol';
import { call, type Endpoint } from '../net/send';

export class AccountApi {
  constructor(private readonly endpoint: Endpoint = {}) {}

  login(email: string, password: string) {
    return call(this.endpoint, '/api/auth/login', sessionResponseSchema, { json: { email, password } });
  }
  setup(request: SetupRequest) {
    return call(this.endpoint, '/api/setup', sessionResponseSchema, { json: request });
  }
  setupStatus() {
    return call(this.endpoint, '/api/setup/status', setupStatusResponseSchema);
  }
  me() {
    return call(this.endpoint, '/api/auth/me', meResponseSchema);
  }
  logout() {
    return call(this.endpoint, '/api/auth/logout', okResponseSchema, { method: 'POST' });
  }
  listUsers() {
    return call(this.endpoint, '/api/users', userListResponseSchema);
  }
  createUser(request: CreateUserRequest) {
    return call(this.endpoint, '/api/users', userResponseSchema, { json: request });
  }
  resetPassword(userId: string, password: string) {
    return call(this.endpoint, `/api/users/${encodeURIComponent(userId)}/password`, userResponseSchema, { json: { password } });
  }
  setActive(userId: string, active: boolean) {
    return call(this.endpoint, `/api/users/${encodeURIComponent(userId)}/${active ? 'activate' : 'deactivate'}`, userResponseSchema, { method: 'POST' });
  }
}
