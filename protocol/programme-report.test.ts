import { describe, expect, it } from 'vitest';
import { programmeReport, type ProgrammeReport, type ProgrammeReportInput, type ProgrammeReportQuery } from './programme-report';
import type { ParticipantRole, TargetIndicator, WorkshopKind } from './enums';

// Hand-worked worlds: each test builds only what its figure reads, and says in a comment how it counts.
const P = 'programme-drosas';
const OTHER = 'programme-kopa';

type Input = { -readonly [K in keyof ProgrammeReportInput]-?: NonNullable<ProgrammeReportInput[K]>[number][] };

function world(targets: { indicator: TargetIndicator; target: number; cumulative: boolean }[] = []): Input {
  return {
    programmes: [
      { id: P, deleted: false, start: '2026-01-01', end: '2026-12-31', targets },
      { id: OTHER, deleted: false, start: '2025-01-01', end: '', targets: [] },
    ],
    enrolments: [],
    communities: [
      { id: 'c1', deleted: false, municipality: 'LV-001' },
      { id: 'c2', deleted: false, municipality: 'LV-002' },
      { id: 'c3', deleted: false, municipality: 'LV-001' },
    ],
    workshops: [], participants: [], attendance: [], needs: [], actions: [], spending: [],
  };
}

function event(id: string, date: string, options: {
  programmeId?: string | null; communityId?: string | null; communityIds?: string[]; kind?: WorkshopKind; deleted?: boolean; status?: string;
} = {}): Input['workshops'][number] {
  return {
    id, date, deleted: options.deleted ?? false, status: options.status ?? 'held', kind: options.kind ?? 'workshop',
    programmeId: options.programmeId === undefined ? P : options.programmeId,
    communityId: options.communityId === undefined ? 'c1' : options.communityId, communityIds: options.communityIds ?? [],
  };
}

function person(id: string, options: {
  name?: string; household?: string; communityId?: string | null; role?: ParticipantRole; erased?: boolean; deleted?: boolean; mergedInto?: string;
} = {}): Input['participants'][number] {
  return {
    id, name: options.name ?? id.toUpperCase(), household: options.household ?? '', communityId: options.communityId === undefined ? 'c1' : options.communityId,
    role: options.role ?? 'resident', erased: options.erased ?? false, deleted: options.deleted ?? false, mergedInto: options.mergedInto ?? null,
  };
}

let seq = 0;
function checkIn(workshopId: string, participantId: string, deleted = false): Input['attendance'][number] {
  seq += 1;
  return { id: `att-${seq}`, workshopId, participantId, deleted };
}

function report(input: Input, query: Omit<ProgrammeReportQuery, 'programmeId'> = {}): ProgrammeReport {
  const result = programmeReport(input, { programmeId: P, ...query });
  if (!result) throw new Error('no report');
  return result;
}

const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('events', () => {
  it('counts the programme\'s events in the range by kind; not another programme\'s, none, deleted or cancelled ones', () => {
    const input = world();
    input.workshops.push(
      event('e1', '2026-03-02'), event('e2', '2026-03-20'), event('e3', '2026-03-10', { kind: 'forum' }),
      event('other', '2026-03-05', { programmeId: OTHER }), event('none', '2026-03-05', { programmeId: null }),
      event('gone', '2026-03-05', { deleted: true }), event('called-off', '2026-03-05', { status: 'cancelled' }),
    );
    const result = report(input, MARCH);
    expect(result.events).toBe(3);
    expect(result.eventsByKind).toMatchObject({ workshop: 2, forum: 1, training: 0 });
    expect(result.lists.events.map((row) => row.id)).toEqual(['e1', 'e3', 'e2']);
  });

  it('takes both ends of the range, by the event\'s date', () => {
    const input = world();
    input.workshops.push(event('before', '2026-02-28'), event('first', '2026-03-01'), event('last', '2026-03-31'), event('after', '2026-04-01'));
    expect(report(input, MARCH).lists.events.map((row) => row.id)).toEqual(['first', 'last']);
  });

  it('without a range, the programme\'s whole period', () => {
    const input = world();
    input.workshops.push(event('early', '2025-12-31'), event('jan', '2026-01-01'), event('dec', '2026-12-31'), event('late', '2027-01-01'));
    const result = report(input);
    expect([result.from, result.to, result.events]).toEqual(['2026-01-01', '2026-12-31', 2]);
  });

  it('no report for a programme that is not held or is deleted', () => {
    const input = world();
    expect(programmeReport(input, { programmeId: 'nowhere' })).toBeNull();
    input.programmes[0] = { ...input.programmes[0]!, deleted: true };
    expect(programmeReport(input, { programmeId: P })).toBeNull();
  });
});

describe('communities and municipalities', () => {
  it('counts every community holding an event once, their municipalities once; an event with no community reaches none', () => {
    const input = world();
    // c1; c2 with c3 (c2 named twice); the organisation's own event → c1, c2, c3 in LV-001 and LV-002.
    input.workshops.push(event('e1', '2026-03-02'), event('e2', '2026-03-03', { communityId: 'c2', communityIds: ['c2', 'c3'] }),
      event('own', '2026-03-04', { communityId: null }));
    input.participants.push(person('a'));
    input.attendance.push(checkIn('own', 'a'));
    const result = report(input, MARCH);
    expect([result.events, result.communities, result.municipalities]).toEqual([3, 3, 2]);
    expect(result.lists.communityIds).toEqual(['c1', 'c2', 'c3']);
    expect(result.lists.municipalities).toEqual(['LV-001', 'LV-002']);
    // The organisation's own event still counts its people.
    expect([result.participations, result.uniquePeople]).toEqual([1, 1]);
    expect(result.lists.events.find((row) => row.id === 'own')?.communityIds).toEqual([]);
  });

  it('a deleted community is reached by no one', () => {
    const input = world();
    input.communities[1] = { ...input.communities[1]!, deleted: true };
    input.workshops.push(event('e2', '2026-03-03', { communityId: 'c2' }));
    expect([report(input, MARCH).communities, report(input, MARCH).municipalities]).toEqual([0, 0]);
  });
});

describe('people', () => {
  it('participations are one per person per event, unique people one per person, average per event', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'), event('e2', '2026-03-09'));
    input.participants.push(person('a'), person('b'));
    // a at both; b at e1, checked in twice on two tablets → 3 participations, 2 people, 1.5 per event.
    input.attendance.push(checkIn('e1', 'a'), checkIn('e2', 'a'), checkIn('e1', 'b'), checkIn('e1', 'b'));
    const result = report(input, MARCH);
    expect([result.participations, result.uniquePeople, result.averageAttendance]).toEqual([3, 2, 1.5]);
    expect(result.lists.events.map((row) => row.participations)).toEqual([2, 1]);
    expect(result.lists.people.map((row) => [row.id, row.eventIds])).toEqual([['a', ['e1', 'e2']], ['b', ['e1']]]);
  });

  it('no events: no average (0), not a division by zero', () => {
    expect(report(world(), MARCH).averageAttendance).toBe(0);
  });

  it('first-time: nobody\'s check-in before the range at any event of the organisation; returning otherwise', () => {
    const input = world();
    input.workshops.push(
      event('feb-other', '2026-02-10', { programmeId: OTHER }), event('feb-gone', '2026-02-11', { deleted: true }),
      event('feb', '2026-02-12', { programmeId: null }), event('mar1', '2026-03-01'), event('mar', '2026-03-10'), event('apr', '2026-04-10'),
    );
    input.participants.push(person('a'), person('b'), person('c'), person('d'), person('e'), person('f'));
    input.attendance.push(
      checkIn('feb-other', 'a'), checkIn('mar', 'a'), // a came in February to another programme's event: returning
      checkIn('mar', 'b'), // b came first in March: first-time
      checkIn('feb-gone', 'c'), checkIn('mar', 'c'), // c's February event was deleted: first-time
      checkIn('feb', 'd', true), checkIn('mar', 'd'), // d's February check-in was deleted: first-time
      checkIn('mar', 'e'), checkIn('apr', 'e'), // e comes again after the range: still first-time in March
      checkIn('mar1', 'f'), // f came on the range's first day, not before it: first-time
    );
    const march = report(input, MARCH);
    expect(march.lists.firstTimePersonIds).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(march.lists.returningPersonIds).toEqual(['a']);
    expect([march.firstTimePeople, march.returningPeople, march.uniquePeople]).toEqual([5, 1, 6]);
    // Moving the boundary: in April, e is returning; from February 1, a is first-time (nothing before it).
    expect(report(input, { from: '2026-04-01', to: '2026-04-30' }).lists.returningPersonIds).toEqual(['e']);
    const fromFeb = report(input, { from: '2026-02-01', to: '2026-03-31' });
    expect(fromFeb.lists.firstTimePersonIds).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('a person merged between two check-ins counts once, as the person who stays, and returns', () => {
    const input = world();
    input.workshops.push(event('feb', '2026-02-10'), event('mar', '2026-03-10'), event('mar2', '2026-03-20'));
    // Ilze was written twice: 'ilze-2' (March, on a second tablet) was merged into 'ilze'.
    input.participants.push(person('ilze'), person('ilze-2', { mergedInto: 'ilze' }));
    input.attendance.push(checkIn('feb', 'ilze'), checkIn('mar', 'ilze-2'), checkIn('mar2', 'ilze'), checkIn('mar2', 'ilze-2'));
    const march = report(input, MARCH);
    expect([march.participations, march.uniquePeople, march.returningPeople, march.firstTimePeople]).toEqual([2, 1, 1, 0]);
    expect(march.lists.people.map((row) => row.id)).toEqual(['ilze']);
    const both = report(input, { from: '2026-02-01', to: '2026-03-31' });
    expect([both.participations, both.uniquePeople, both.firstTimePeople]).toEqual([3, 1, 1]);
  });

  it('a person of two communities counts once, and both communities are reached', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02', { communityId: 'c1' }), event('e2', '2026-03-03', { communityId: 'c2' }));
    input.participants.push(person('a', { communityId: 'c1' }));
    input.attendance.push(checkIn('e1', 'a'), checkIn('e2', 'a'));
    const result = report(input, MARCH);
    expect([result.uniquePeople, result.participations, result.communities, result.households]).toEqual([1, 2, 2, 1]);
  });

  it('a deleted check-in or person counts nowhere; an erased person counts without a name', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'));
    input.participants.push(person('kept'), person('binned', { deleted: true }), person('erased', { erased: true, name: '', household: 'Kalniņi' }), person('unsure'));
    input.attendance.push(checkIn('e1', 'kept'), checkIn('e1', 'binned'), checkIn('e1', 'erased'), checkIn('e1', 'unsure', true));
    const result = report(input, MARCH);
    expect([result.participations, result.uniquePeople]).toEqual([2, 2]);
    expect(result.lists.people.map((row) => [row.id, row.name, row.household])).toEqual([['erased', null, ''], ['kept', 'KEPT', '']]);
  });

  it('a merged-away record put in the bin still counts for the person who stays', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'));
    input.participants.push(person('ilze'), person('ilze-2', { mergedInto: 'ilze', deleted: true }));
    input.attendance.push(checkIn('e1', 'ilze-2'));
    expect(report(input, MARCH).lists.people.map((row) => row.id)).toEqual(['ilze']);
  });

  it('a check-in merged into a deleted person counts as the person it was made for', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'));
    input.participants.push(person('a', { mergedInto: 'gone' }), person('gone', { deleted: true }));
    input.attendance.push(checkIn('e1', 'a'));
    expect(report(input, MARCH).lists.people.map((row) => row.id)).toEqual(['a']);
  });

  it('households: one per written household of a home community, ignoring case and spaces; no household, a household of one', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'));
    input.participants.push(
      person('a', { household: 'Kalniņi' }), person('b', { household: ' kalniņi ' }), // one household in c1
      person('c', { household: 'Kalniņi', communityId: 'c2' }), // another Kalniņi, in c2
      person('d'), person('e'), // none written: one each
    );
    for (const id of ['a', 'b', 'c', 'd', 'e']) input.attendance.push(checkIn('e1', id));
    const result = report(input, MARCH);
    expect(result.households).toBe(4);
    expect(result.lists.households.map((row) => row.personIds)).toEqual([['a', 'b'], ['c'], ['d'], ['e']]);
  });

  it('people by role', () => {
    const input = world();
    input.workshops.push(event('e1', '2026-03-02'));
    input.participants.push(person('a'), person('b', { role: 'municipality' }), person('c', { role: 'youth' }), person('d', { role: 'youth' }));
    for (const id of ['a', 'b', 'c', 'd']) input.attendance.push(checkIn('e1', id));
    expect(report(input, MARCH).peopleByRole).toEqual({ resident: 1, community_leader: 0, municipality: 1, ngo: 0, entrepreneur: 0, youth: 2, other: 0 });
  });
});

const MARCH_10 = Date.UTC(2026, 2, 10, 12);
const FEB_10 = Date.UTC(2026, 1, 10, 12);

describe('needs, actions and money', () => {
  function enrolled(input: Input): void {
    input.enrolments.push(
      { id: 'en1', deleted: false, communityId: 'c1', programmeId: P, start: '2026-01-01', end: '2026-12-31', grantCents: 80_000 },
      { id: 'en2', deleted: false, communityId: 'c2', programmeId: P, start: '2026-02-01', end: '', grantCents: 250_000 },
      { id: 'ended', deleted: false, communityId: 'c3', programmeId: P, start: '2025-01-01', end: '2026-02-28', grantCents: 100_000 },
      { id: 'binned', deleted: true, communityId: 'c3', programmeId: P, start: '2026-01-01', end: '', grantCents: 100_000 },
      { id: 'kopa', deleted: false, communityId: 'c3', programmeId: OTHER, start: '2026-01-01', end: '', grantCents: 300_000 },
      { id: 'later', deleted: false, communityId: 'c3', programmeId: P, start: '2026-04-01', end: '', grantCents: 50_000 },
    );
  }

  it('needs raised at the range\'s events or between events in an enrolled community, grouped needs once, by status now', () => {
    const input = world();
    enrolled(input);
    input.workshops.push(event('mar', '2026-03-10'), event('feb', '2026-02-10'));
    const need = (id: string, status: Input['needs'][number]['status'], more: Partial<Input['needs'][number]> = {}): Input['needs'][number] =>
      ({ id, deleted: false, communityId: 'c1', workshopId: 'mar', status, createdAt: MARCH_10, sameAs: null, ...more });
    input.needs.push(
      need('bench', 'solved'), need('bench-again', 'raised', { sameAs: 'bench' }), // one need, raised twice: solved
      need('lights', 'prioritised', { workshopId: null }), // between events, enrolled c1, written in March
      need('road', 'in_progress', { workshopId: null, communityId: 'c3' }), // c3 is not enrolled in March
      need('bus', 'dropped', { workshopId: 'feb' }), // raised before the range
      need('old', 'raised', { workshopId: null, createdAt: FEB_10 }), // written before the range
      need('gone', 'raised', { deleted: true }),
      need('park', 'raised'),
    );
    const result = report(input, MARCH);
    expect([result.needsRaised, result.needsPrioritised, result.needsInProgress, result.needsSolved, result.needsDropped]).toEqual([3, 1, 0, 1, 0]);
    expect(result.lists.needIds).toEqual({ raised: ['bench', 'lights', 'park'], prioritised: ['lights'], in_progress: [], solved: ['bench'], dropped: [] });
  });

  it('grants of the enrolments overlapping the range; actions and budget by due day, spending by date, of enrolled communities', () => {
    const input = world();
    enrolled(input);
    const action = (id: string, status: string, budgetCents: number, more: Partial<Input['actions'][number]> = {}): Input['actions'][number] =>
      ({ id, deleted: false, communityId: 'c1', due: '2026-03-15', status, budgetCents, createdAt: FEB_10, ...more });
    input.actions.push(
      action('benches', 'planned', 10_000), action('lights', 'done', 20_000), action('dropped', 'dropped', 5_000),
      action('undated', 'in_progress', 1_000, { due: '', createdAt: MARCH_10 }),
      action('april', 'planned', 7_000, { due: '2026-04-02' }), action('c3', 'planned', 9_000, { communityId: 'c3' }),
      action('binned', 'done', 4_000, { deleted: true }),
    );
    const line = (id: string, actionId: string, amountCents: number, more: Partial<Input['spending'][number]> = {}): Input['spending'][number] =>
      ({ id, deleted: false, communityId: 'c1', actionId, date: '2026-03-20', amountCents, ...more });
    input.spending.push(
      line('lanterns', 'lights', 12_550), line('paint', 'benches', 3_000), line('february', 'lights', 999, { date: '2026-02-27' }),
      line('void', 'lights', 500, { deleted: true }), line('orphan', 'binned', 700),
    );
    const result = report(input, MARCH);
    // en1 80 000 + en2 250 000; 'ended' ended in February, 'later' begins in April, 'binned' is deleted, 'kopa' is another programme's.
    expect(result.grantsAwardedCents).toBe(330_000);
    expect(result.lists.enrolmentIds).toEqual(['en1', 'en2']);
    expect([result.actionsPlanned, result.actionsDone, result.budgetPlannedCents]).toEqual([3, 1, 31_000]);
    expect(result.lists.plannedActionIds).toEqual(['benches', 'lights', 'undated']);
    expect(result.spentCents).toBe(15_550);
    expect(result.lists.spendingIds).toEqual(['lanterns', 'paint']);
    // Spending is optional input: without it, nothing is spent.
    const { spending: _none, ...withoutSpending } = input;
    expect(programmeReport(withoutSpending, { programmeId: P, ...MARCH })?.spentCents).toBe(0);
  });
});

describe('targets', () => {
  it('each target against the range, or since the programme began when cumulative', () => {
    const input = world([
      { indicator: 'events', target: 14, cumulative: false },
      { indicator: 'events', target: 14, cumulative: true },
      { indicator: 'uniquePeople', target: 300, cumulative: true },
      { indicator: 'firstTimePeople', target: 100, cumulative: false },
    ]);
    input.workshops.push(event('jan', '2026-01-20'), event('mar', '2026-03-10'), event('apr', '2026-04-10'));
    input.participants.push(person('a'), person('b'));
    input.attendance.push(checkIn('jan', 'a'), checkIn('mar', 'a'), checkIn('mar', 'b'), checkIn('apr', 'b'));
    // March: 1 event, a returning, b first-time; since January to March: 2 events, a and b.
    expect(report(input, MARCH).targets).toEqual([
      { indicator: 'events', target: 14, cumulative: false, actual: 1 },
      { indicator: 'events', target: 14, cumulative: true, actual: 2 },
      { indicator: 'uniquePeople', target: 300, cumulative: true, actual: 2 },
      { indicator: 'firstTimePeople', target: 100, cumulative: false, actual: 1 },
    ]);
  });
});
