// An organisation seeded through the API the way a tablet's push would seed
// it: end-to-end tests and the screenshot script both start from one.
import * as v from 'valibot';
import {
  PROTOCOL_VERSION, attendanceId, formatHlc, initialClock, pushResponseSchema, tick, uuidv7,
  type ClockState, type EditableFields, type Hlc, type Mutation, type TableName,
} from '../protocol';
import { attendanceFields, newRecordFields } from './fixtures';

/** Every personal value and password this module sent a server, for the audits of what servers printed. */
const sent = new Set<string>();

export function seededPersonalValues(): ReadonlySet<string> {
  return sent;
}

function remember(...values: unknown[]): void {
  for (const value of values) if (typeof value === 'string' && value.trim() !== '') sent.add(value);
}

function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** Completes the one-time setup link through POST /api/setup; the first coordinator's bearer token. */
export async function setUpThroughApi(url: string, setupLink: string, organisation: string, coordinator: { name: string; email: string; password: string }): Promise<string> {
  remember(coordinator.name, coordinator.email, coordinator.password);
  const token = new URL(setupLink).hash.slice(1);
  const response = await fetch(`${url}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token, organisation, name: coordinator.name, email: coordinator.email, password: coordinator.password }),
  });
  if (response.status !== 201) throw new Error(`Setup failed: ${response.status} ${await response.text()}`);
  return v.parse(v.object({ token: v.string() }), await response.json()).token;
}

/**
 * A batch of changes as a tablet's outbox would hold them: whole records when
 * created, changed fields when edited, each stamped with this device's clock.
 */
export class SeedBatch {
  readonly mutations: Mutation[] = [];
  private clock: ClockState;

  constructor(readonly deviceId: string, private readonly author: string) {
    this.clock = initialClock(deviceId);
  }

  private write(table: TableName, recordId: string, fields: Record<string, unknown>): void {
    this.clock = tick(this.clock, Date.now());
    const hlc: Hlc = formatHlc(this.clock);
    const base = Object.fromEntries(Object.keys(fields).map((field) => [field, null]));
    this.mutations.push({ id: uuidv7(Date.now(), randomBytes), table, recordId, op: 'put', fields, base, hlc });
  }

  create<T extends TableName>(table: T, fields: EditableFields<T>, id = uuidv7(Date.now(), randomBytes)): string {
    if (table === 'participants') {
      const person: Record<string, unknown> = fields;
      remember(person.name, person.household, person.phone, person.email);
    }
    this.write(table, id, newRecordFields(fields, { by: this.author, at: Date.now() }));
    return id;
  }

  update<T extends TableName>(table: T, id: string, patch: Partial<EditableFields<T>> & { deleted?: boolean }): void {
    this.write(table, id, { ...patch, updatedAt: Date.now() });
  }

  /** One attendance row per person per workshop, with the id every tablet derives for it. */
  checkIn(workshop: { id: string; communityId: string }, participantId: string): string {
    const at = { communityId: workshop.communityId, workshopId: workshop.id, participantId };
    return this.create('attendance', attendanceFields(at, { checkedInAt: Date.now() }), attendanceId(workshop.id, participantId));
  }
}

/** POST /api/sync/push with the batch; every change must be acknowledged. */
export async function pushBatch(url: string, token: string, batch: SeedBatch): Promise<void> {
  const response = await fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: PROTOCOL_VERSION, deviceId: batch.deviceId, mutations: batch.mutations }),
  });
  if (response.status !== 200) throw new Error(`Push failed: ${response.status} ${await response.text()}`);
  const reply = v.parse(pushResponseSchema, await response.json());
  if (reply.rejected.length > 0 || reply.acked.length !== batch.mutations.length) {
    throw new Error(`Push not applied whole: ${JSON.stringify(reply.rejected)}`);
  }
}
