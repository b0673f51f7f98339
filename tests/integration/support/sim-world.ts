// One run of the convergence simulation: the real server app in process over
// SQLite, and 2–5 devices, each the app's own TalkaDatabase (fake-indexeddb),
// Notebook and SyncEngine over the app's HttpTransport, whose fetch is the
// fault-injecting SimNetwork. A model records what people typed, so the checks
// can tell what must have survived.
import 'fake-indexeddb/auto';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import {
  COORDINATOR_TABLES, FLAG_TABLES, MATURITIES, MAX_CLOCK_SKEW_MS, NEED_CATEGORIES, NEED_STATUSES, PARTICIPANT_ROLES, QUIET_FIELDS, TABLES, WORKSHOP_STATUSES,
  attendanceId, compareHlc, hlcWall, uuidv7, type Clocks, type Fields, type Hlc, type TableName,
} from '../../../protocol';
import { TalkaDatabase } from '../../../src/db/database';
import { Notebook } from '../../../src/db/notebook';
import { SyncEngine } from '../../../src/sync/engine';
import { HttpTransport } from '../../../src/sync/http-transport';
import { ManualTimers } from '../../../testing/memory-server';
import { sqliteBackend } from './backends';
import { addUserDirectly, createOrganisation, login, pullAll, startServer, type TestOrganisation, type TestServer } from './harness';
import { USERS, type Command, type DeviceSpec, type EditedTable, type LocalCommand } from './sim-commands';
import { SimNetwork, type AppliedMutation } from './sim-network';
import { seededBytes, seededRandom } from '../../../testing/seeded-random';
import {
  assignmentFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields, spendingFields, visitFields, workshopFields,
} from '../../../testing/fixtures';
import { assignmentId, derivedId } from '../../../protocol/ids';
import { TestDevice } from './device';

type Row = Record<string, unknown> & { id: string; clocks: Clocks };

/** SQLite on tmpfs where there is one (each push waits for an fsync). */
const simBackend = sqliteBackend(existsSync('/dev/shm') ? '/dev/shm' : tmpdir());

interface SimDevice {
  index: number;
  deviceId: string;
  spec: DeviceSpec;
  userId: string;
  /** The device's session: what the server lets its user see is what the device must end with. */
  token: string;
  db: TalkaDatabase;
  notebook: Notebook;
  engine: SyncEngine;
}

/** One field written by a command, as the device stored it. */
interface Write {
  order: number;
  device: number;
  table: string;
  recordId: string;
  field: string;
  value: unknown;
  /** The device's value of the field just before (undefined for a new record). */
  seen: unknown;
  /** For a deletion: every value the device showed of the record when it deleted it. */
  seenRecord?: Fields;
  hlc: Hlc;
}

interface ServerRecord {
  table: string;
  fields: Fields;
  clocks: Clocks;
}

// Fields a person edits, per table, and what goes in them.
type FieldKind = 'required' | 'text' | readonly string[] | 'boolean' | 'cents';
const EDITABLE: Record<EditedTable, [string, FieldKind][]> = {
  communities: [['name', 'required'], ['parish', 'text'], ['description', 'text'], ['maturity', MATURITIES]],
  workshops: [['title', 'required'], ['place', 'text'], ['notes', 'text'], ['agenda', 'text'], ['status', WORKSHOP_STATUSES]],
  needs: [['title', 'required'], ['description', 'text'], ['status', NEED_STATUSES], ['category', NEED_CATEGORIES], ['owner', 'text']],
  participants: [['name', 'required'], ['household', 'text'], ['role', PARTICIPANT_ROLES], ['consentPhotos', 'boolean']],
  spending: [['what', 'required'], ['supplier', 'text'], ['amountCents', 'cents']],
  visits: [['attendees', 'text'], ['discussed', 'text']],
  enrolments: [['grantCents', 'cents'], ['maturity', MATURITIES]],
  programmes: [['name', 'required'], ['funder', 'text'], ['grantLimitEmergingCents', 'cents'], ['grantLimitActiveCents', 'cents']],
};

/** As in the app and on the server: only a coordinator writes a programme. */
/** As the server has it: only a coordinator (user 0) writes coordinators' tables. */
function mayWrite(table: EditedTable, user: number): boolean {
  return !COORDINATOR_TABLES.includes(table) || user === 0;
}

function pickFrom<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

export class SimWorld {
  readonly devices: SimDevice[] = [];
  readonly writes: Write[] = [];
  /** Vote and attendance rows some device created, with the fields it created them with. */
  readonly createdRows = new Map<string, { table: 'votes' | 'attendance'; fields: Fields }>();
  /** "workshopId participantId" pairs some device checked in. */
  readonly checkIns = new Set<string>();
  network!: SimNetwork;
  private server!: TestServer;
  private org!: TestOrganisation;
  private typed = 0;
  /** Per device, the field it edited last, in the order of those edits (latest last). */
  private readonly lastEdit = new Map<number, { table: EditedTable; id: string; field: string }>();

  private lastEditBy(who: (device: number) => boolean): { table: EditedTable; id: string; field: string } | undefined {
    return [...this.lastEdit].reverse().find(([device]) => who(device))?.[1];
  }

  async setUp(specs: readonly DeviceSpec[]): Promise<void> {
    this.server = await startServer(simBackend);
    this.network = new SimNetwork(this.server);
    this.org = await createOrganisation(this.server, 'Sēlijas kopienu tīkls', 'koordinatore@selija.lv');
    const accounts = [{ email: 'koordinatore@selija.lv', password: 'coordinator-pass', id: this.org.coordinator.user.id }];
    for (let i = 1; i < USERS; i++) {
      const email = `vaditajs${i}@selija.lv`;
      const id = await addUserDirectly(this.server, this.org.orgId, { email, name: `Vadītājs ${i}`, role: 'facilitator', password: 'facilitator-pass' });
      accounts.push({ email, password: 'facilitator-pass', id });
    }
    for (const [index, spec] of specs.entries()) {
      const account = accounts[spec.user % accounts.length]!;
      const session = await login(this.server, account.email, account.password);
      const deviceId = `tablet${index}`;
      const db = new TalkaDatabase(`sim-${index}-${crypto.randomUUID()}`);
      // Mixed with the index: two devices never share a random stream (their ids would collide).
      const random = seededRandom(spec.seed ^ Math.imul(index + 1, 0x9e3779b1));
      const randomBytes = seededBytes(random);
      const now = () => this.server.time.now + spec.skewMs;
      const notebook = new Notebook({ db, deviceId, now, randomBytes, author: () => account.id });
      const transport = new HttpTransport({ token: () => session.token, fetch: this.network.fetchFor(index) });
      const engine = new SyncEngine({
        db, transport, deviceId, now, random, timers: new ManualTimers(),
        newId: () => uuidv7(now(), randomBytes),
        authors: () => new Set([account.id]),
        pushBatchSize: spec.pushBatchSize,
        pullLimit: spec.pullLimit,
      });
      this.devices.push({ index, deviceId, spec, userId: account.id, token: session.token, db, notebook, engine });
    }
  }

  async tearDown(): Promise<void> {
    for (const device of this.devices) {
      device.engine.stop();
      device.db.close();
      await device.db.delete();
    }
    await this.server?.close();
  }

  advance(ms: number): void {
    this.server.time.now += ms;
  }

  async run(command: Command): Promise<void> {
    switch (command.kind) {
      case 'local':
        await this.local(this.device(command.device), command.command);
        return;
      case 'sync': {
        const device = this.device(command.device);
        const during = command.during;
        this.stats.faults += command.faults.filter((fault) => fault !== 'none').length;
        const writeDuring = async (command: LocalCommand) => {
          this.stats.duringWrites++;
          await this.local(device, command);
        };
        this.network.plan(device.index, {
          faults: command.faults,
          ...(during ? { during: { atRequest: during.atRequest, run: () => writeDuring(during.command) } } : {}),
        });
        await device.engine.run();
        this.network.plan(device.index);
        // For the summary only: a pull met an unsent value that the server's later one will beat, and
        // the device holds the server's state back under meta keys `held:…` until the push settles.
        this.stats.heldBack += await device.db.meta.where('key').startsWith('held:').count();
        return;
      }
      case 'deliver':
        await this.network.deliverOne();
        return;
    }
  }

  private device(index: number): SimDevice {
    return this.devices[index % this.devices.length]!;
  }

  private async rows(device: SimDevice, table: TableName): Promise<Row[]> {
    const rows = (await device.db.table(table).toArray()) as Row[];
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private text(device: SimDevice, text: string): string {
    return `${text}⟨${device.index}.${++this.typed}⟩`;
  }

  /** Runs a person's command on the device and records in the model what it wrote. */
  private async local(device: SimDevice, command: LocalCommand): Promise<void> {
    const target = await this.perform(device, command);
    if (target) await this.record(device, target.table, target.id, target.before);
  }

  /**
   * The morning: the first device enters a community with workshops,
   * participants and needs and syncs; the others sign in and pull it, except
   * those that start offline.
   */
  async morning(): Promise<void> {
    const first = this.devices[0]!;
    const create = async (command: LocalCommand) => this.local(first, command);
    await create({ kind: 'create', table: 'communities', text: 'Rītausmas kopiena', pick: 0, pick2: 0 });
    for (let i = 0; i < 2; i++) await create({ kind: 'create', table: 'workshops', text: `Darbnīca ${i + 1}`, pick: 0, pick2: 0 });
    for (const name of ['Līga Ozoliņa', 'Jānis Bērziņš', 'Ģirts Ķēniņš']) await create({ kind: 'create', table: 'participants', text: name, pick: 0, pick2: 0 });
    for (const title of ['Ceļa apgaismojums', 'Bibliotēkas telpas', 'Autobuss uz Jēkabpili']) await create({ kind: 'create', table: 'needs', text: title, pick: 0, pick2: 1 });
    await first.engine.run();
    await this.assignEveryoneToTheMorningCommunities();
    for (const device of this.devices.slice(1)) {
      if (device.spec.startsOffline) continue;
      await device.engine.run();
    }
  }

  /** The coordinator, at the office, assigns every facilitator to the communities the morning made, so they all work on them. */
  private async assignEveryoneToTheMorningCommunities(): Promise<void> {
    const office = new TestDevice('sim-office', () => this.server.time.now, this.org.coordinator.token);
    const communities = [...(await this.serverState()).entries()].filter(([, record]) => record.table === 'communities').map(([id]) => id);
    for (const userId of new Set(this.devices.map((device) => device.userId))) {
      if (userId === this.org.coordinator.user.id) continue;
      for (const communityId of communities) office.create('assignments', assignmentFields(userId, { communityId }), assignmentId(userId, { communityId }));
    }
    if (office.outbox.length > 0) await office.sync(this.server);
  }

  private async record(device: SimDevice, table: TableName, id: string, before: Row | undefined): Promise<void> {
    const after = (await device.db.table(table).get(id)) as Row | undefined;
    if (!after) throw new Error(`${table} ${id} missing right after a write on device ${device.index}`);
    for (const [field, clock] of Object.entries(after.clocks)) {
      if (before && before.clocks[field] === clock) continue;
      if (QUIET_FIELDS.has(field)) continue;
      this.writes.push({
        order: this.writes.length, device: device.index, table, recordId: id, field, value: after[field], seen: before?.[field], hlc: clock,
        ...(field === 'deleted' && after.deleted === true && before ? { seenRecord: before } : {}),
      });
    }
    if (!before && (table === 'votes' || table === 'attendance')) {
      const { id: _id, clocks: _clocks, ...fields } = after;
      this.createdRows.set(id, { table, fields });
    }
  }

  /** Does the command; returns the record it wrote and the record as it was before, or null when there was nothing to do. */
  private async perform(device: SimDevice, command: LocalCommand): Promise<{ table: TableName; id: string; before: Row | undefined } | null> {
    const { notebook } = device;
    const communities = await this.rows(device, 'communities');
    switch (command.kind) {
      case 'create': {
        if (command.table === 'communities') {
          const id = await notebook.create('communities', communityFields({ name: this.text(device, command.text), parish: command.text }));
          return { table: 'communities', id, before: undefined };
        }
        if (command.table === 'programmes') {
          if (!mayWrite('programmes', device.spec.user)) return null;
          const id = await notebook.create('programmes', programmeFields({ name: this.text(device, command.text), grantLimitActiveCents: command.pick2 * 1_00 }));
          return { table: 'programmes', id, before: undefined };
        }
        const community = pickFrom(communities, command.pick);
        if (!community) return null;
        const communityId = community.id;
        if (command.table === 'workshops') {
          const id = await notebook.create('workshops', workshopFields(communityId, { title: this.text(device, command.text) }));
          return { table: 'workshops', id, before: undefined };
        }
        if (command.table === 'needs') {
          const workshops = (await this.rows(device, 'workshops')).filter((w) => w.communityId === communityId);
          const workshop = command.pick2 % 2 === 1 ? pickFrom(workshops, command.pick2 >> 1) : undefined;
          const id = await notebook.create('needs', needFields(communityId, { workshopId: workshop?.id ?? null, title: this.text(device, command.text) }));
          return { table: 'needs', id, before: undefined };
        }
        if (command.table === 'spending') {
          // The action it is spent on need not be on the device: references are not checked, and convergence is per record.
          const actionId = derivedId('sim-action', communityId, String(command.pick2 % 3));
          const id = await notebook.create('spending', spendingFields(communityId, actionId, { what: this.text(device, command.text), amountCents: command.pick2 * 1_01 }));
          return { table: 'spending', id, before: undefined };
        }
        if (command.table === 'enrolments') {
          if (!mayWrite('enrolments', device.spec.user)) return null;
          // The programme (coordinator-written, organisation-wide) need not be on the device either.
          const programmeId = derivedId('sim-programme', String(command.pick2 % 2));
          const id = await notebook.create('enrolments', enrolmentFields(communityId, programmeId, { grantCents: command.pick2 * 1_00 }));
          return { table: 'enrolments', id, before: undefined };
        }
        if (command.table === 'visits') {
          const id = await notebook.create('visits', visitFields(communityId, device.userId, { discussed: this.text(device, command.text) }));
          return { table: 'visits', id, before: undefined };
        }
        const id = await notebook.create('participants', participantFields(communityId, { name: this.text(device, command.text) }));
        return { table: 'participants', id, before: undefined };
      }
      case 'edit': {
        const focus = command.target === 'mine'
          ? this.lastEdit.get(device.index)
          : command.target === 'hot' ? this.lastEditBy((index) => index !== device.index) : undefined;
        // As in the app: a record in the bin is not shown, so nobody edits it.
        const found = focus ? ((await device.db.table(focus.table).get(focus.id)) as Row | undefined) : undefined;
        const focused = found && found.deleted !== true ? found : undefined;
        const last = focused ? focus : undefined;
        const table = last?.table ?? command.table;
        if (!mayWrite(table, device.spec.user)) return null;
        const before = focused ?? pickFrom((await this.rows(device, table)).filter((row) => row.deleted !== true), command.pick);
        if (!before) return null;
        const [field, kind] = last ? EDITABLE[table].find(([name]) => name === last.field)! : pickFrom(EDITABLE[table], command.field)!;
        const value = kind === 'required' || kind === 'text'
          ? this.text(device, command.text)
          : kind === 'boolean' ? command.choice % 2 === 0 : kind === 'cents' ? command.choice * 1_25 : pickFrom(kind, command.choice);
        await notebook.update(table, before.id, { [field]: value });
        this.lastEdit.delete(device.index);
        this.lastEdit.set(device.index, { table, id: before.id, field });
        return { table, id: before.id, before };
      }
      case 'delete':
      case 'undelete': {
        // As in the app: only a coordinator (user 0) deletes or restores a community.
        if (command.table === 'communities' && device.spec.user !== 0) return null;
        if (!mayWrite(command.table, device.spec.user)) return null;
        const wanted = command.kind === 'undelete';
        // A deletion picks a live record, a restore one in the bin.
        const before = pickFrom((await this.rows(device, command.table)).filter((row) => row.deleted === wanted), command.pick);
        if (!before) return null;
        if (wanted) await notebook.restore(command.table, before.id);
        else await notebook.remove(command.table, before.id);
        return { table: command.table, id: before.id, before };
      }
      case 'checkIn': {
        const workshop = pickFrom(await this.rows(device, 'workshops'), command.pick);
        if (!workshop) return null;
        // Odd: a visitor from anywhere in the register (another community's person at this event).
        const everyone = (await this.rows(device, 'participants')).filter((p) => p.deleted !== true);
        const participants = command.pick2 % 2 === 1 ? everyone : everyone.filter((p) => p.communityId === workshop.communityId);
        const participant = pickFrom(participants, command.pick2 >> 1);
        if (!participant) return null;
        const id = attendanceId(workshop.id, participant.id);
        const before = (await device.db.attendance.get(id)) as Row | undefined;
        await notebook.checkIn({ id: workshop.id, communityId: typeof workshop.communityId === 'string' ? workshop.communityId : null }, participant.id);
        this.checkIns.add(`${workshop.id} ${participant.id}`);
        return { table: 'attendance', id, before };
      }
      case 'checkOut': {
        const before = pickFrom((await this.rows(device, 'attendance')).filter((row) => !row.deleted), command.pick);
        if (!before) return null;
        await notebook.checkOut(String(before.workshopId), String(before.participantId));
        return { table: 'attendance', id: before.id, before };
      }
      case 'castVote': {
        const workshop = pickFrom(await this.rows(device, 'workshops'), command.pick);
        if (!workshop) return null;
        const need = pickFrom((await this.rows(device, 'needs')).filter((n) => n.communityId === workshop.communityId), command.pick2);
        if (!need) return null;
        const participants = (await this.rows(device, 'participants')).filter((p) => p.communityId === workshop.communityId);
        const participant = command.anonymous ? undefined : pickFrom(participants, command.pick3);
        const id = await notebook.castVote({ id: workshop.id, communityId: String(workshop.communityId) }, need.id, participant?.id ?? null);
        return { table: 'votes', id, before: undefined };
      }
      case 'merge': {
        // As in the app: only a coordinator merges, two live people not merged away.
        if (device.spec.user !== 0) return null;
        const people = (await this.rows(device, 'participants')).filter((p) => p.deleted !== true && !p.mergedInto);
        const survivor = pickFrom(people, command.pick);
        const merged = pickFrom(people.filter((p) => p.id !== survivor?.id), command.pick2 >> 1);
        if (!survivor || !merged) return null;
        const survivorBefore = (await device.db.participants.get(survivor.id)) as Row | undefined;
        await notebook.mergePeople(survivor.id, merged.id, command.pick2 % 2 === 1 ? { name: String(merged.name) } : {});
        await this.record(device, 'participants', survivor.id, survivorBefore);
        return { table: 'participants', id: merged.id, before: merged };
      }
      case 'unmerge': {
        if (device.spec.user !== 0) return null;
        const before = pickFrom((await this.rows(device, 'participants')).filter((p) => p.deleted !== true && p.mergedInto), command.pick);
        if (!before) return null;
        await notebook.undoMerge(before.id);
        return { table: 'participants', id: before.id, before };
      }
      case 'takeBackVote': {
        const before = pickFrom((await this.rows(device, 'votes')).filter((row) => !row.deleted), command.pick);
        if (!before) return null;
        await notebook.takeBackVote(before.id);
        return { table: 'votes', id: before.id, before };
      }
    }
  }

  /**
   * The end of the day: held requests arrive, then every device syncs over a
   * reliable network, round after round, until a whole round pushes and pulls
   * nothing (which is also the "all once more").
   */
  async syncToTheEnd(): Promise<string[]> {
    const problems: string[] = [];
    await this.network.deliverAll();
    for (let round = 0; ; round++) {
      if (round === 12) {
        problems.push('no quiescence after 12 rounds of reliable syncs');
        return problems;
      }
      let moved = false;
      for (const device of this.devices) {
        for (let attempt = 0; ; attempt++) {
          const traffic = this.network.trafficOf(device.index);
          const before = { ...traffic };
          this.network.plan(device.index);
          await device.engine.run();
          const status = device.engine.getStatus();
          if (status.lastFailure !== null) {
            problems.push(`device ${device.index}: a sync over a reliable network failed (${status.lastFailure})`);
            return problems;
          }
          const pushed = traffic.pushed - before.pushed;
          const pulled = traffic.pulled - before.pulled;
          if (pushed > 0 || pulled > 0) moved = true;
          if ((await device.db.outbox.count()) === 0 && pulled === 0) break;
          if (attempt === 10) {
            problems.push(`device ${device.index}: outbox not empty or pulls not settling after 10 reliable syncs`);
            return problems;
          }
        }
      }
      if (!moved) return problems;
    }
  }

  /** The server's records, as a full pull from the start gives them to a user (the coordinator: all of them). */
  async serverState(token = this.org.coordinator.token): Promise<Map<string, ServerRecord>> {
    const { changes } = await pullAll(this.server, token);
    const state = new Map<string, ServerRecord>();
    for (const change of changes) {
      if (state.has(change.recordId)) throw new Error(`record ${change.recordId} pulled twice in one full pull`);
      state.set(change.recordId, { table: change.table, fields: change.fields, clocks: change.clocks });
    }
    return state;
  }

  /** What the run exercised, for the summary line. */
  readonly stats = { heldBack: 0, writes: 0, applied: 0, conflicts: 0, records: 0, votes: 0, checkIns: 0, faults: 0, duringWrites: 0 };

  /** Every violation of the invariants, empty when the run converged. */
  async check(): Promise<string[]> {
    const violations: string[] = [...this.network.problems];
    for (const rejection of this.network.rejections) {
      violations.push(`device ${rejection.device}: the server refused mutation ${rejection.id}: ${rejection.code} ${rejection.message}`);
    }
    const server = await this.serverState();
    this.stats.writes = this.writes.length;
    this.stats.applied = this.network.applied.size;
    this.stats.records = server.size;
    this.stats.conflicts = [...server.values()].filter((record) => record.table === 'conflicts').length;
    this.stats.votes = [...this.createdRows.values()].filter((row) => row.table === 'votes').length;
    this.stats.checkIns = this.checkIns.size;

    // 1. Every device holds exactly the server's records its user may see, field by field, clock by clock; nothing unsent.
    for (const device of this.devices) {
      const visible = await this.serverState(device.token);
      const outbox = await device.db.outbox.toArray();
      if (outbox.length > 0) violations.push(`device ${device.index}: ${outbox.length} change(s) still in the outbox: ${show(outbox.slice(0, 3))}`);
      const seen = new Set<string>();
      for (const table of TABLES) {
        for (const row of await this.rows(device, table)) {
          seen.add(row.id);
          const record = visible.get(row.id);
          if (!record) {
            violations.push(`device ${device.index}: ${table} ${row.id} is not on the server: ${show(row)}`);
            continue;
          }
          if (record.table !== table) violations.push(`device ${device.index}: ${row.id} is ${table} here, ${record.table} on the server`);
          const { id: _id, clocks, ...values } = row;
          for (const field of new Set([...Object.keys(values), ...Object.keys(record.fields)])) {
            if (!isDeepStrictEqual(values[field], record.fields[field])) {
              violations.push(
                `device ${device.index}: ${table} ${row.id}.${field} = ${show(values[field])} (clock ${clocks[field]}), server has ${show(record.fields[field])} (clock ${record.clocks[field]})`,
              );
            }
          }
          for (const field of new Set([...Object.keys(clocks), ...Object.keys(record.clocks)])) {
            if (clocks[field] !== record.clocks[field] && isDeepStrictEqual(values[field], record.fields[field])) {
              violations.push(`device ${device.index}: ${table} ${row.id}.${field} has clock ${clocks[field]}, the server ${record.clocks[field]} (same value)`);
            }
          }
        }
      }
      for (const [id, record] of visible) {
        if (!seen.has(id)) violations.push(`device ${device.index}: lacks ${record.table} ${id} that the server has: ${show(record.fields)}`);
      }
    }

    // 2. Every value a person typed is the current value on a live record (or on one in the bin whose
    //    deletion had seen it), or kept in conflicts, or was knowingly replaced: a later write of the
    //    field was made by a device that showed it.
    const conflicts = [...server.values()].filter((record) => record.table === 'conflicts').map((record) => record.fields);
    for (const write of this.writes) {
      const record = server.get(write.recordId);
      if (!record) {
        violations.push(`lost record: device ${write.device} wrote ${write.table} ${write.recordId}, the server has no such record`);
        continue;
      }
      if (isDeepStrictEqual(record.fields[write.field], write.value) && !this.hiddenUnseen(write, record)) continue;
      const kept = conflicts.some((conflict) => conflict.recordId === write.recordId && conflict.field === write.field
        && (isDeepStrictEqual(conflict.loserValue, write.value) || isDeepStrictEqual(conflict.winnerValue, write.value)));
      if (kept) continue;
      // "Later" as the merge orders writes too: a write at a later clock by a device that showed the same value
      // (two tablets checking one person in, one of them then checking them out) replaced it knowingly.
      const replaced = this.writes.some((later) => (later.order > write.order || compareHlc(later.hlc, write.hlc) > 0)
        && later.recordId === write.recordId && later.field === write.field && isDeepStrictEqual(later.seen, write.value));
      if (replaced) continue;
      violations.push(
        `lost value: device ${write.device} wrote ${write.table} ${write.recordId}.${write.field} = ${show(write.value)} (clock ${write.hlc}); `
        + `the server has ${show(record.fields[write.field])} (clock ${record.clocks[write.field]}) and no conflict keeps it`,
      );
    }

    // 3. Votes and attendance: the union of what was cast and checked in, each row's deleted flag by its last writer.
    violations.push(...this.checkTallies(server));
    return violations;
  }

  /**
   * A typed value that is current on a record in the bin, where the deletion
   * that put it there had not seen it and no conflict keeps it: an edit hidden
   * by a deletion nobody was told about (protocol/deletion.ts forbids it).
   */
  private hiddenUnseen(write: Write, record: ServerRecord): boolean {
    if (record.fields.deleted !== true || write.field === 'deleted' || FLAG_TABLES.has(write.table) || QUIET_FIELDS.has(write.field)) return false;
    const deletionClock = record.clocks.deleted ?? '';
    const deleters = this.writes.filter((other) => other.recordId === write.recordId && other.field === 'deleted' && other.value === true
      && deletionClock.endsWith(`:${this.devices[other.device]!.deviceId}`));
    const deletion = deleters.at(-1);
    return !(deletion?.seenRecord && isDeepStrictEqual(deletion.seenRecord[write.field], write.value));
  }

  private checkTallies(server: Map<string, ServerRecord>): string[] {
    const violations: string[] = [];
    for (const [id, created] of this.createdRows) {
      const record = server.get(id);
      if (!record) {
        violations.push(`${created.table} ${id} was created on a device and is not on the server`);
        continue;
      }
      for (const field of ['communityId', 'workshopId', 'needId', 'participantId'] as const) {
        if (field in created.fields && !isDeepStrictEqual(record.fields[field], created.fields[field])) {
          violations.push(`${created.table} ${id}.${field} is ${show(record.fields[field])}, created as ${show(created.fields[field])}`);
        }
      }
    }
    const attendance = [...server.entries()].filter(([, record]) => record.table === 'attendance');
    for (const pair of this.checkIns) {
      const [workshopId, participantId] = pair.split(' ');
      const rows = attendance.filter(([, record]) => record.fields.workshopId === workshopId && record.fields.participantId === participantId);
      if (rows.length !== 1 || rows[0]![0] !== attendanceId(workshopId!, participantId!)) {
        violations.push(`participant ${participantId} checked into workshop ${workshopId}: ${rows.length} attendance rows on the server (${rows.map(([rowId]) => rowId).join(', ')})`);
      }
    }

    // Last writer wins on the deleted flag, judged from the mutations the server acknowledged.
    const byRecord = new Map<string, AppliedMutation[]>();
    for (const applied of this.network.applied.values()) {
      if (!('deleted' in applied.mutation.fields)) continue;
      const list = byRecord.get(applied.mutation.recordId) ?? [];
      list.push(applied);
      byRecord.set(applied.mutation.recordId, list);
    }
    const expectedActive = new Map<string, number>();
    const actualActive = new Map<string, number>();
    for (const [id, record] of server) {
      if (record.table !== 'votes' && record.table !== 'attendance') continue;
      const finalValue = record.fields.deleted;
      const finalClock = record.clocks.deleted ?? '';
      const writers = byRecord.get(id) ?? [];
      // A clock more than a day ahead of the server when it arrived may have been clamped: its effective clock is the server's.
      const clampable = (applied: AppliedMutation) => hlcWall(applied.mutation.hlc) > applied.serverTime + MAX_CLOCK_SKEW_MS;
      const exact = writers.filter((applied) => !clampable(applied));
      let expected: unknown = finalValue;
      if (writers.length === 0) {
        violations.push(`${record.table} ${id}: no acknowledged mutation ever carried its deleted flag`);
      } else if (exact.length === writers.length) {
        const last = exact.reduce((a, b) => (compareHlc(a.mutation.hlc, b.mutation.hlc) >= 0 ? a : b));
        expected = last.mutation.fields.deleted;
        if (finalValue !== expected || finalClock !== last.mutation.hlc) {
          violations.push(`${record.table} ${id}: deleted is ${show(finalValue)} at ${finalClock}; the last writer (device ${last.device}) set ${show(expected)} at ${last.mutation.hlc}`);
        }
      } else {
        const matches = writers.some((applied) => applied.mutation.fields.deleted === finalValue
          && (applied.mutation.hlc === finalClock || (clampable(applied) && finalClock.endsWith(`:${this.devices[applied.device]!.deviceId}`))));
        const later = exact.find((applied) => compareHlc(applied.mutation.hlc, finalClock) > 0);
        if (!matches) violations.push(`${record.table} ${id}: deleted is ${show(finalValue)} at ${finalClock}, which no acknowledged mutation wrote`);
        if (later) violations.push(`${record.table} ${id}: deleted is ${show(finalValue)} at ${finalClock}, but device ${later.device} wrote ${show(later.mutation.fields.deleted)} at the later ${later.mutation.hlc}`);
      }
      const key = record.table === 'votes' ? `votes for need ${String(record.fields.needId)} in workshop ${String(record.fields.workshopId)}` : `attendance of workshop ${String(record.fields.workshopId)}`;
      if (expected === false) expectedActive.set(key, (expectedActive.get(key) ?? 0) + 1);
      if (finalValue === false) actualActive.set(key, (actualActive.get(key) ?? 0) + 1);
    }
    for (const key of new Set([...expectedActive.keys(), ...actualActive.keys()])) {
      if ((expectedActive.get(key) ?? 0) !== (actualActive.get(key) ?? 0)) {
        violations.push(`${key}: ${actualActive.get(key) ?? 0} on the server, ${expectedActive.get(key) ?? 0} expected`);
      }
    }
    return violations;
  }
}
