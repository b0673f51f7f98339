// /api/users: a coordinator manages the users of their own organisation.
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import {
  createUserRequestSchema, setPasswordRequestSchema,
  type ManagedUser, type UserListResponse, type UserResponse,
} from '../../protocol/auth';
import { hashPassword } from '../auth/password';
import { requireCoordinator, requireSession } from '../auth/session';
import { Refusal } from '../errors';
import { readJson } from '../http/body';
import type { AppDeps, AppEnv } from '../http/env';
import { limitBody, SMALL_BODY_BYTES } from '../http/limits';
import type { UserRow } from '../store/store';

function managedUser(user: UserRow): ManagedUser {
  return { id: user.id, name: user.name, email: user.email, role: user.role, active: user.active, createdAt: user.createdAt };
}

export function userRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', limitBody(SMALL_BODY_BYTES), requireSession(deps), requireCoordinator);

  /** The user named in the path, in the caller's organisation; 404 otherwise (also for other organisations' ids). */
  async function targetUser(c: Context<AppEnv>): Promise<UserRow> {
    const user = await deps.store.findUser(c.get('session').organisation.id, c.req.param('id') ?? '');
    if (!user) throw new Refusal(404, 'not_found', 'No such user in your organisation');
    return user;
  }

  async function reply(c: Context<AppEnv>, userId: string, status: 200 | 201 = 200) {
    const user = await deps.store.findUser(c.get('session').organisation.id, userId);
    if (!user) throw new Refusal(404, 'not_found', 'No such user in your organisation');
    const body: UserResponse = { user: managedUser(user) };
    return c.json(body, status);
  }

  app.get('/', async (c) => {
    const users = await deps.store.listUsers(c.get('session').organisation.id);
    const body: UserListResponse = { users: users.map(managedUser) };
    return c.json(body);
  });

  app.post('/', async (c) => {
    const request = await readJson(c, createUserRequestSchema);
    const now = deps.now();
    const user: UserRow = {
      id: randomUUID(),
      orgId: c.get('session').organisation.id,
      email: request.email,
      name: request.name,
      role: request.role,
      passwordHash: await hashPassword(request.password, deps.passwordCost),
      active: true,
      createdAt: now,
    };
    if (!(await deps.store.createUser(user))) throw new Refusal(409, 'email_taken', 'A user with this email exists already');
    return reply(c, user.id, 201);
  });

  app.post('/:id/password', async (c) => {
    const { password } = await readJson(c, setPasswordRequestSchema);
    const user = await targetUser(c);
    await deps.store.setPasswordHash(user.orgId, user.id, await hashPassword(password, deps.passwordCost));
    // A reset password ends the user's other sessions (the reason for a reset may be a stolen one).
    await deps.store.revokeUserTokens(user.orgId, user.id, deps.now());
    return reply(c, user.id);
  });

  app.post('/:id/deactivate', async (c) => {
    const user = await targetUser(c);
    if (user.id === c.get('session').user.id) {
      throw new Refusal(409, 'cannot_deactivate_self', 'You cannot deactivate yourself; ask another coordinator');
    }
    await deps.store.setUserActive(user.orgId, user.id, false, deps.now());
    return reply(c, user.id);
  });

  app.post('/:id/activate', async (c) => {
    const user = await targetUser(c);
    await deps.store.setUserActive(user.orgId, user.id, true, deps.now());
    return reply(c, user.id);
  });

  return app;
}
