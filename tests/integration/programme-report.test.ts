// The programme report over HTTP (docs/protocol.md, Programme report), on every configured database:
// a small programme pushed through the ordinary sync by a coordinator and a facilitator; the
// endpoint answers exactly what programmeReport computes over the same records as a pull returns
// them, for a range and without one; only the organisation's coordinators get it, and bad
// queries are 400s with their own codes.
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionSchema, assignmentId, attendanceId, communitySchema, enrolmentSchema, participantSchema, programmeReport,
  programmeReportResponseSchema, programmeSchema, needSchema, spendingSchema, attendanceSchema, workshopSchema,
  type Change, type ProgrammeReportInput,
} from '../../protocol';
import {
  actionFields, assignmentFields, attendanceFields, communityFields, enrolmentFields, needFields, participantFields, programmeFields,
  spendingFields, workshopFields,
} from '../../testing/fixtures';
import { backends } from './support/backends';
import { memoryLogger } from './support/memory-logger';
import { TestDevice } from './support/device';
import {
  addUserDirectly, call, createOrganisation, errorCode, login, pullAll, startServer, type TestOrganisation, type TestServer,
} from './support/harness';

const APRIL = { from: '2025-04-01', to: '2025-04-30' };

/** The records a pull returned, parsed with the record kinds' own schemas, as the report's input. */
function inputOf(changes: readonly Change[]): ProgrammeReportInput {
  const latest = new Map<string, Change>();
  for (const change of changes) latest.set(change.recordId, change);
  const rows = <T>(table: string, schema: v.GenericSchema<unknown, T>): T[] =>
    [...latest.values()].filter((change) => change.table === table).map((change) => v.parse(schema, { ...change.fields, id: change.recordId }));
  return {
    programmes: rows('programmes', programmeSchema),
    enrolments: rows('enrolments', enrolmentSchema),
    communities: rows('communities', communitySchema),
    workshops: rows('workshops', workshopSchema),
    participants: rows('participants', participantSchema),
    attendance: rows('attendance', attendanceSchema),
    needs: rows('needs', needSchema),
    actions: rows('actions', actionSchema),
    spending: rows('spending', spendingSchema),
  };
}

describe.each(backends())('programme report over HTTP on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let other: TestOrganisation;
  let facilitatorToken: string;
  let mentorToken: string;
  let programme: string;
  let otherProgramme: string;
  let deletedProgramme: string;
  let erased: string;
  const log = memoryLogger();

  const report = (programmeId: string, query = '', token = org.coordinator.token) =>
    call(server, 'GET', `/api/programmes/${programmeId}/report${query}`, { token });

  beforeAll(async () => {
    server = await startServer(backend, { logger: log.logger });
    org = await createOrganisation(server, 'Vidzemes kopienu tīkls');
    other = await createOrganisation(server, 'Cita biedrība');
    const facilitatorId = await addUserDirectly(server, org.orgId, { email: 'ieva@example.lv', name: 'Ieva Liepa', role: 'facilitator', password: 'ieva-parole' });
    await addUserDirectly(server, org.orgId, { email: 'aija@example.lv', name: 'Aija Ozola', role: 'mentor', password: 'aija-parole' });
    facilitatorToken = (await login(server, 'ieva@example.lv', 'ieva-parole')).token;
    mentorToken = (await login(server, 'aija@example.lv', 'aija-parole')).token;

    // The office: two programmes and one in the bin, two communities enrolled, events, people, needs, plans.
    const office = new TestDevice('laptop-office', () => server.time.now, org.coordinator.token);
    programme = office.create('programmes', programmeFields({
      start: '2025-01-01', end: '', targets: [{ indicator: 'events', target: 3, cumulative: false }, { indicator: 'uniquePeople', target: 5, cumulative: true }],
    }));
    otherProgramme = office.create('programmes', programmeFields({ name: 'Kopā', start: '2025-01-01', end: '2025-12-31', targets: [] }));
    deletedProgramme = office.create('programmes', programmeFields({ name: 'Atcelta', start: '2025-01-01' }));
    const c1 = office.create('communities', communityFields({ name: 'Ērgļi', municipality: 'LV-041' }));
    const c2 = office.create('communities', communityFields({ name: 'Ludza', municipality: 'LV-011', maturity: 'active' }));
    office.create('enrolments', enrolmentFields(c1, programme, { start: '2025-01-01', end: '', grantCents: 80_000 }));
    office.create('enrolments', enrolmentFields(c2, programme, { start: '2025-04-15', end: '', maturity: 'active', grantCents: 200_000 }));
    office.create('assignments', assignmentFields(facilitatorId, { communityId: c1 }), assignmentId(facilitatorId, { communityId: c1 }));
    const event = (communityId: string, date: string, programmeId: string | null, extra: Parameters<typeof workshopFields>[1] = {}) =>
      office.create('workshops', workshopFields(communityId, { date, programmeId, status: 'held', ...extra }));
    const march = event(c1, '2025-03-10', programme);
    const april = event(c1, '2025-04-05', programme);
    const forum = event(c2, '2025-04-20', programme, { kind: 'forum', communityIds: [c1] });
    const otherEvent = event(c1, '2025-04-07', otherProgramme);
    const noProgramme = event(c1, '2025-02-01', null);
    const cancelled = event(c1, '2025-04-10', programme, { status: 'cancelled' });
    const person = (communityId: string, name: string, extra: Parameters<typeof participantFields>[1] = {}) =>
      office.create('participants', participantFields(communityId, { name, ...extra }));
    const p1 = person(c1, 'Jānis Ozols', { household: 'Ozoli' });
    const p2 = person(c1, 'Anna Ozola', { household: 'ozoli ' });
    const p3 = person(c2, 'Kārlis Liepa', { role: 'youth' });
    erased = person(c1, 'Marta Egle');
    const duplicate = person(c1, 'Jānis Ozols');
    const checkIn = (device: TestDevice, workshopId: string, participantId: string, communityId = c1) =>
      device.create('attendance', attendanceFields({ communityId, workshopId, participantId }), attendanceId(workshopId, participantId));
    checkIn(office, march, p1);
    checkIn(office, noProgramme, p1);
    checkIn(office, forum, p3, c2);
    checkIn(office, forum, erased, c2);
    checkIn(office, forum, duplicate, c2);
    checkIn(office, otherEvent, p2);
    checkIn(office, cancelled, p3);
    const need = office.create('needs', needFields(c1, { workshopId: april, status: 'solved' }));
    office.create('needs', needFields(c1, { status: 'prioritised', title: 'Soliņi' }));
    office.create('needs', needFields(c2, { workshopId: forum, sameAs: need }));
    const done = office.create('actions', actionFields(c1, { due: '2025-04-25', budgetCents: 50_000, status: 'done' }));
    office.create('actions', actionFields(c2, { budgetCents: 30_000 }));
    office.create('actions', actionFields(c1, { due: '2025-04-12', budgetCents: 9_000, status: 'dropped' }));
    office.create('spending', spendingFields(c1, done, { date: '2025-04-26' }));
    expect((await office.sync(server)).rejected).toEqual([]);

    // Later: a merge, an erasure, a programme put in the bin.
    office.update('participants', duplicate, { mergedInto: p1 });
    office.update('participants', erased, { erased: true });
    office.remove('programmes', deletedProgramme, 'coordinator');
    expect((await office.sync(server)).rejected).toEqual([]);

    // The facilitator checks people in at April's workshop from her tablet.
    const tablet = new TestDevice('tablet-ieva', () => server.time.now, facilitatorToken);
    checkIn(tablet, april, p1);
    checkIn(tablet, april, p2);
    checkIn(tablet, april, erased);
    expect((await tablet.sync(server)).rejected).toEqual([]);
  });

  afterAll(async () => {
    await server.close();
  });

  it('answers what programmeReport computes over the same records, for a range and without one', async () => {
    const input = inputOf((await pullAll(server, org.coordinator.token)).changes);
    for (const [query, range] of [['?from=2025-04-01&to=2025-04-30', APRIL], ['', {}], ['?from=2025-04-01', { from: '2025-04-01' }]] as const) {
      const reply = await report(programme, query);
      expect(reply.status, query).toBe(200);
      const body = v.parse(programmeReportResponseSchema, reply.body);
      expect(body, query).toEqual(programmeReport(input, { programmeId: programme, ...range }));
    }
  });

  it('counts the programme as it was pushed', async () => {
    const body = v.parse(programmeReportResponseSchema, (await report(programme, '?from=2025-04-01&to=2025-04-30')).body);
    // April: the workshop and the forum (not the other programme's, not the cancelled one).
    expect([body.events, body.eventsByKind.workshop, body.eventsByKind.forum]).toEqual([2, 1, 1]);
    // April's: Jānis, Anna, Marta (erased); the forum's: Kārlis, Marta, Jānis's duplicate (merged into him, so Jānis).
    // Four people; Jānis came in March already.
    expect([body.participations, body.uniquePeople, body.firstTimePeople, body.returningPeople]).toEqual([6, 4, 3, 1]);
    expect(body.lists.people.find((person) => person.id === erased)).toMatchObject({ name: null, household: '' });
    expect(body.communities).toBe(2);
    // Jānis and Anna share the household "Ozoli".
    expect(body.households).toBe(3);
    expect([body.needsRaised, body.needsSolved]).toEqual([1, 1]);
    expect([body.actionsPlanned, body.actionsDone, body.budgetPlannedCents, body.spentCents]).toEqual([1, 1, 50_000, 12_550]);
    expect(body.grantsAwardedCents).toBe(280_000);
    expect(body.targets).toEqual([
      { indicator: 'events', target: 3, cumulative: false, actual: 2 },
      { indicator: 'uniquePeople', target: 5, cumulative: true, actual: 4 },
    ]);
    expect([body.programmeId, body.from, body.to]).toEqual([programme, '2025-04-01', '2025-04-30']);
  });

  it('is never cached, and its names never reach the log', async () => {
    log.clear();
    const reply = await report(programme, '?from=2025-04-01');
    expect(reply.headers.get('Cache-Control')).toBe('no-store');
    expect(reply.headers.get('Content-Type')).toMatch(/^application\/json/);
    expect(reply.text).toContain('Anna Ozola');
    expect(log.entries().map((entry) => [entry.route, entry.status])).toEqual([['/api/programmes/:programmeId/report', 200]]);
    expect(log.lines.join('\n')).not.toMatch(/Ozol|Liepa|2025-04-01/);
  });

  it('is the coordinators\': 403 for a facilitator or a mentor, 401 without a live token', async () => {
    for (const token of [facilitatorToken, mentorToken]) {
      const reply = await report(programme, '', token);
      expect([reply.status, errorCode(reply)]).toEqual([403, 'forbidden']);
    }
    const anonymous = await call(server, 'GET', `/api/programmes/${programme}/report`);
    expect([anonymous.status, errorCode(anonymous)]).toEqual([401, 'unauthorized']);
    const guessed = await report(programme, '', Buffer.alloc(32, 3).toString('base64url'));
    expect([guessed.status, errorCode(guessed)]).toEqual([401, 'invalid_token']);
  });

  it('404 for a programme not of the organisation: another\'s, one in the bin, one that never was', async () => {
    const asOther = await report(programme, '', other.coordinator.token);
    expect([asOther.status, errorCode(asOther)]).toEqual([404, 'not_found']);
    expect(asOther.text).not.toContain('Ozol');
    for (const id of [deletedProgramme, '01968b12-fe80-7000-8000-00000000dead']) {
      const reply = await report(id);
      expect([reply.status, errorCode(reply)]).toEqual([404, 'not_found']);
    }
    expect((await report(otherProgramme)).status).toBe(200);
  });

  it('400 with its own code for a bad id, a day not of the calendar, a range that ends before it starts', async () => {
    const cases: [string, string, string][] = [
      ['drosas-kopienas', '', 'bad_id'],
      [programme, '?from=2025-02-30', 'bad_date'],
      [programme, '?to=2025-4-1', 'bad_date'],
      [programme, '?from=yesterday', 'bad_date'],
      [programme, '?from=2025-05-01&to=2025-04-30', 'bad_range'],
    ];
    for (const [id, query, code] of cases) {
      const reply = await report(id, query);
      expect([reply.status, errorCode(reply)], `${id}${query}`).toEqual([400, code]);
    }
  });
});
