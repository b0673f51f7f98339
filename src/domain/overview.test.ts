import { describe, expect, it } from 'vitest';
import { computeOverview, monthsBetween, TOP_NEEDS, type OverviewData } from './overview';
import { NO_FILTERS, type OverviewFilters } from './overview-filters';

// Noon in Riga on a day, so the need's local day is that day in any nearby time zone.
const noon = (day: string) => Date.parse(`${day}T12:00:00+02:00`);

let seq = 0;
const id = (name: string) => `${name}-${++seq}`;

const LAZDONA = { id: 'lazdona', deleted: false, name: 'Lazdonas kopiena', municipality: 'LV-059', maturity: 'active' as const };
const PIEBALGA = { id: 'piebalga', deleted: false, name: 'Vecpiebalgas kopiena', municipality: 'LV-022', maturity: 'emerging' as const };
const GONE = { id: 'gone', deleted: true, name: 'Dzēstā kopiena', municipality: 'LV-059', maturity: 'emerging' as const };

/** An event of a programme: by its id (`#drosas`), or as typed before events named one by id. */
function workshop(wid: string, communityId: string, date: string, programme: string, status: 'held' | 'planned' = 'held', deleted = false) {
  return programme.startsWith('#')
    ? { id: wid, deleted, communityId, date, programme: '', programmeId: programme.slice(1), status }
    : { id: wid, deleted, communityId, date, programme, programmeId: null, status };
}
function participant(pid: string, communityId: string, role: OverviewData['participants'][number]['role'], deleted = false) {
  return { id: pid, deleted, communityId, role };
}
function checkIn(workshopId: string, participantId: string, deleted = false) {
  return { id: id('att'), deleted, workshopId, participantId };
}
function need(nid: string, communityId: string, workshopId: string | null, fields: Partial<OverviewData['needs'][number]> = {}) {
  return {
    id: nid, deleted: false, communityId, workshopId, title: nid, category: 'safety' as const, status: 'raised' as const,
    createdAt: noon('2026-01-15'), ...fields,
  };
}
function votes(count: number, needId: string, workshopId: string, deleted = false) {
  return Array.from({ length: count }, () => ({ id: id('vote'), deleted, workshopId, needId, participantId: null }));
}

/**
 * Two live communities and a deleted one. Lazdona (Madona, active) held w1 in
 * January (Drošas kopienas) and w2 in March (KOPA); Vecpiebalga (Cēsis,
 * emerging) held w3 in February (spelt "drošas  kopienas " before events named
 * their programme by id) and plans w4 in April. w5 was deleted; w6 belongs to
 * the deleted community. Lazdona is enrolled in KOPA with a 3 000 € grant,
 * Vecpiebalga in Drošas kopienas with 1 000 € (an earlier enrolment ended).
 */
function organisation(): OverviewData {
  return {
    communities: [PIEBALGA, LAZDONA, GONE],
    workshops: [
      workshop('w1', 'lazdona', '2026-01-15', '#drosas'),
      workshop('w2', 'lazdona', '2026-03-10', '#kopa'),
      workshop('w3', 'piebalga', '2026-02-20', 'drošas  kopienas '),
      workshop('w4', 'piebalga', '2026-04-01', '#kopa', 'planned'),
      workshop('w5', 'lazdona', '2026-02-01', 'KOPA', 'held', true),
      workshop('w6', 'gone', '2026-01-20', '#kopa'),
    ],
    participants: [
      participant('janis', 'lazdona', 'resident'),
      participant('anna', 'lazdona', 'youth'),
      // Erased on request: personal fields replaced, the row kept.
      participant('erased', 'lazdona', 'other'),
      participant('removed', 'lazdona', 'resident', true),
      participant('liga', 'piebalga', 'community_leader'),
      participant('peteris', 'piebalga', 'resident'),
      participant('ghost', 'gone', 'resident'),
    ],
    attendance: [
      checkIn('w1', 'janis'), checkIn('w1', 'anna'), checkIn('w1', 'erased'), checkIn('w1', 'removed'),
      checkIn('w2', 'janis'), checkIn('w2', 'anna'), checkIn('w2', 'erased', true),
      // Jānis from Lazdona came to Vecpiebalga's workshop too.
      checkIn('w3', 'liga'), checkIn('w3', 'peteris'), checkIn('w3', 'janis'),
      checkIn('w5', 'janis'),
      checkIn('w6', 'ghost'),
    ],
    needs: [
      need('lights', 'lazdona', 'w1', { title: 'Apgaismojums pie pieturas', createdAt: noon('2026-01-15') }),
      need('playground', 'lazdona', 'w2', { title: 'Sporta laukums', category: 'youth', status: 'prioritised', createdAt: noon('2026-03-10') }),
      need('library', 'lazdona', null, { title: 'Bibliotēkas darba laiks', category: 'culture', status: 'solved', createdAt: noon('2026-02-15') }),
      need('benches', 'lazdona', 'w5', { title: 'Soliņi', category: 'infrastructure', createdAt: noon('2026-02-01') }),
      need('bus', 'piebalga', 'w3', { title: 'Autobuss uz Cēsīm', category: 'mobility', createdAt: noon('2026-02-20') }),
      need('dropped-card', 'piebalga', 'w3', { deleted: true, createdAt: noon('2026-02-20') }),
      need('ghost-need', 'gone', 'w6', { createdAt: noon('2026-01-20') }),
    ],
    votes: [
      ...votes(3, 'lights', 'w1'), ...votes(1, 'lights', 'w1', true),
      ...votes(2, 'playground', 'w2'),
      ...votes(3, 'bus', 'w3'),
      ...votes(5, 'dropped-card', 'w3'),
      ...votes(1, 'library', 'w5'),
      ...votes(4, 'ghost-need', 'w6'),
    ],
    resources: [
      { id: 'house', deleted: false, communityId: 'lazdona', kind: 'place' },
      { id: 'projector', deleted: false, communityId: 'lazdona', kind: 'equipment' },
      { id: 'tractor', deleted: false, communityId: 'piebalga', kind: 'skill' },
      { id: 'old', deleted: true, communityId: 'piebalga', kind: 'skill' },
      { id: 'ghost-res', deleted: false, communityId: 'gone', kind: 'funding' },
    ],
    actions: [
      { id: 'a1', deleted: false, communityId: 'lazdona', budgetCents: 200_000, status: 'planned' },
      { id: 'a2', deleted: false, communityId: 'lazdona', budgetCents: 50_000, status: 'dropped' },
      { id: 'a3', deleted: true, communityId: 'lazdona', budgetCents: 150_000, status: 'planned' },
      { id: 'a4', deleted: false, communityId: 'piebalga', budgetCents: 80_000, status: 'planned' },
      { id: 'a5', deleted: false, communityId: 'piebalga', budgetCents: 40_000, status: 'done' },
      { id: 'a6', deleted: false, communityId: 'gone', budgetCents: 999_000, status: 'planned' },
    ],
    programmes: [
      { id: 'drosas', deleted: false, name: 'Drošas kopienas' }, { id: 'kopa', deleted: false, name: 'KOPA' },
    ],
    enrolments: [
      { id: 'e1', deleted: false, communityId: 'lazdona', start: '2026-01-01', end: '2026-12-31', grantCents: 300_000 },
      { id: 'e2', deleted: false, communityId: 'piebalga', start: '2025-01-01', end: '2025-12-31', grantCents: 500_000 },
      { id: 'e3', deleted: false, communityId: 'piebalga', start: '2026-02-01', end: '', grantCents: 100_000 },
      { id: 'e4', deleted: true, communityId: 'piebalga', start: '2026-03-01', end: '', grantCents: 900_000 },
    ],
  };
}

/** The day the figures are worked out on: the enrolments above that run on it are the communities' current ones. */
const TODAY = '2026-05-01';

const filtered = (filters: Partial<OverviewFilters>) => computeOverview(organisation(), { ...NO_FILTERS, ...filters }, TODAY);
const counts = <K extends string>(rows: { key: K; count: number }[]) => Object.fromEntries(rows.filter((row) => row.count > 0).map((row) => [row.key, row.count]));

describe('computeOverview without filters', () => {
  const overview = filtered({});

  it('counts the live communities, workshops held and planned, and leaves out the deleted community and workshop', () => {
    expect(overview.communities.map((community) => community.name)).toEqual(['Lazdonas kopiena', 'Vecpiebalgas kopiena']);
    expect(overview.totals).toMatchObject({ allCommunities: 2, communities: 2, workshopsHeld: 3, workshopsPlanned: 1 });
  });

  it('counts each person once in unique participants and every check-in in attendance', () => {
    // w1: Jānis, Anna, the erased one (the deleted participant left out); w2: Jānis, Anna (a taken-back check-in left out);
    // w3: Līga, Pēteris, Jānis. The deleted workshop's and the deleted community's check-ins do not count.
    expect(overview.totals.attendance).toBe(8);
    expect(overview.totals.uniqueParticipants).toBe(5);
  });

  it('counts a person merged into another as the one who stays: once per workshop, once overall', () => {
    // Pēteris was entered twice: "peteris2" came to w1 and w3, where Pēteris came too; merged into Pēteris.
    const data = organisation();
    const twice = {
      ...data,
      participants: [...data.participants, { ...participant('peteris2', 'piebalga', 'resident'), mergedInto: 'peteris' }],
      attendance: [...data.attendance, checkIn('w1', 'peteris2'), checkIn('w3', 'peteris2')],
    };
    const merged = computeOverview(twice, NO_FILTERS);
    expect(merged.totals.uniqueParticipants).toBe(overview.totals.uniqueParticipants);
    // w1 gains Pēteris (through his merged record); at w3 he was already there.
    expect(merged.totals.attendance).toBe(overview.totals.attendance + 1);
    const undone = computeOverview({ ...twice, participants: twice.participants.map((p) => ({ ...p, mergedInto: null })) }, NO_FILTERS);
    expect(undone.totals.uniqueParticipants).toBe(overview.totals.uniqueParticipants + 1);
  });

  it('counts an erased participant anonymously, and a deleted participant not at all', () => {
    expect(counts(overview.participantsByRole)).toEqual({ resident: 2, youth: 1, other: 1, community_leader: 1 });
    const withoutErased = computeOverview(
      { ...organisation(), attendance: organisation().attendance.filter((row) => row.participantId !== 'erased') }, NO_FILTERS);
    expect(overview.totals.uniqueParticipants - withoutErased.totals.uniqueParticipants).toBe(1);
    const withRemovedBack = computeOverview(
      { ...organisation(), participants: organisation().participants.map((p) => ({ ...p, deleted: false })) }, NO_FILTERS);
    expect(withRemovedBack.totals.attendance - overview.totals.attendance).toBe(1);
  });

  it('counts a check-in recorded twice once', () => {
    const data = organisation();
    const doubled = computeOverview({ ...data, attendance: [...data.attendance, checkIn('w1', 'janis')] }, NO_FILTERS);
    expect(doubled.totals.attendance).toBe(8);
  });

  it('gives each community its own figures: a visitor counts in both communities, once overall', () => {
    const [lazdona, piebalga] = overview.communities;
    expect(lazdona).toMatchObject({ workshopsHeld: 2, attendance: 5, uniqueParticipants: 3, needs: 4 });
    expect(piebalga).toMatchObject({ workshopsHeld: 1, attendance: 3, uniqueParticipants: 3, needs: 1 });
    expect(lazdona!.needsByStatus).toEqual({ raised: 2, prioritised: 1, in_progress: 0, solved: 1, dropped: 0 });
  });

  it('counts needs by category and by status, every key present in the enum order', () => {
    expect(overview.needsByCategory.map((row) => row.key)[0]).toBe('infrastructure');
    expect(overview.needsByCategory).toHaveLength(11);
    expect(counts(overview.needsByCategory)).toEqual({ safety: 1, youth: 1, culture: 1, infrastructure: 1, mobility: 1 });
    expect(counts(overview.needsByStatus)).toEqual({ raised: 3, prioritised: 1, solved: 1 });
    expect(overview.totals.needs).toBe(5);
  });

  it('ranks the most-voted needs across communities, ties by who raised theirs first, with the community name', () => {
    expect(overview.topNeeds.map(({ id: needId, votes: count, communityName }) => [needId, count, communityName])).toEqual([
      ['lights', 3, 'Lazdonas kopiena'],
      ['bus', 3, 'Vecpiebalgas kopiena'],
      ['playground', 2, 'Lazdonas kopiena'],
    ]);
    // Taken-back dots, a deleted need's dots and dots cast at a deleted workshop are not counted.
    expect(overview.totals.votes).toBe(8);
  });

  it('keeps the top list to ten needs with at least one vote', () => {
    const data = organisation();
    const many = Array.from({ length: 12 }, (_, i) => need(`n${i}`, 'lazdona', 'w1', { createdAt: noon('2026-01-15') + i }));
    const result = computeOverview({
      ...data, needs: [...data.needs, ...many], votes: [...data.votes, ...many.flatMap((n, i) => votes(i + 4, n.id, 'w1'))],
    }, NO_FILTERS, TODAY);
    expect(result.topNeeds).toHaveLength(TOP_NEEDS);
    expect(result.topNeeds.map((row) => row.votes)).toEqual([15, 14, 13, 12, 11, 10, 9, 8, 7, 6]);
    expect(filtered({ municipality: 'LV-007' }).topNeeds).toEqual([]);
  });

  it('counts resources by kind, deleted ones left out', () => {
    expect(counts(overview.resourcesByKind)).toEqual({ place: 1, equipment: 1, skill: 1 });
    expect(overview.totals.resources).toBe(3);
  });

  it('sets each action plan against the grant of its current enrolment with planTotal, and sums them', () => {
    expect(overview.budgets).toEqual([
      { communityId: 'lazdona', communityName: 'Lazdonas kopiena', maturity: 'active', totalCents: 200_000, limitCents: 300_000, remainingCents: 100_000, overLimit: false },
      { communityId: 'piebalga', communityName: 'Vecpiebalgas kopiena', maturity: 'emerging', totalCents: 120_000, limitCents: 100_000, remainingCents: -20_000, overLimit: true },
    ]);
    expect(overview.budgetTotals).toEqual({ totalCents: 320_000, limitCents: 400_000, overLimit: 1, withoutGrant: 0 });
  });

  it('a community in no programme today has no grant set, and is not over one', () => {
    const data = organisation();
    const result = computeOverview({ ...data, enrolments: data.enrolments.filter((enrolment) => enrolment.communityId !== 'piebalga') }, NO_FILTERS, TODAY);
    expect(result.budgets[1]).toMatchObject({ communityId: 'piebalga', totalCents: 120_000, limitCents: null, remainingCents: null, overLimit: false });
    expect(result.budgetTotals).toEqual({ totalCents: 320_000, limitCents: 300_000, overLimit: 0, withoutGrant: 1 });
  });

  it('gives attendance month by month, with the months between and a month of only planned workshops', () => {
    expect(overview.attendanceByMonth).toEqual([
      { month: '2026-01', workshops: 1, attendance: 3 },
      { month: '2026-02', workshops: 1, attendance: 3 },
      { month: '2026-03', workshops: 1, attendance: 2 },
      { month: '2026-04', workshops: 0, attendance: 0 },
    ]);
  });
});

describe('computeOverview with filters', () => {
  it('by municipality: only that municipality’s communities, their workshops, people and dots', () => {
    const overview = filtered({ municipality: 'LV-022' });
    expect(overview.communities.map((community) => community.id)).toEqual(['piebalga']);
    expect(overview.totals).toMatchObject({ allCommunities: 2, communities: 1, workshopsHeld: 1, attendance: 3, uniqueParticipants: 3, needs: 1, resources: 1 });
    expect(overview.topNeeds.map((row) => row.id)).toEqual(['bus']);
    expect(overview.budgets.map((budget) => budget.communityId)).toEqual(['piebalga']);
  });

  it('by maturity', () => {
    expect(filtered({ maturity: 'active' }).communities.map((community) => community.id)).toEqual(['lazdona']);
    expect(filtered({ maturity: 'emerging' }).communities.map((community) => community.id)).toEqual(['piebalga']);
  });

  it('by programme, its id or its name as once typed: workshops of it, the communities that held them, needs raised at them or between workshops', () => {
    const overview = filtered({ programme: 'drosas' });
    expect(overview.communities.map((community) => community.id)).toEqual(['lazdona', 'piebalga']);
    expect(overview.totals).toMatchObject({ workshopsHeld: 2, workshopsPlanned: 0, attendance: 6, uniqueParticipants: 5 });
    // Raised at w1 and w3; the library need (no workshop) and the benches (their workshop deleted) go by their date, open here.
    // The playground, raised at a KOPA workshop, is out.
    expect(overview.needsByCategory.filter((row) => row.count > 0).map((row) => row.key).sort()).toEqual(['culture', 'infrastructure', 'mobility', 'safety']);
    expect(overview.topNeeds.map((row) => [row.id, row.votes])).toEqual([['lights', 3], ['bus', 3]]);
    expect(filtered({ programme: 'kopa' }).communities.map((community) => community.id)).toEqual(['lazdona', 'piebalga']);
    expect(filtered({ programme: 'kopa' }).totals).toMatchObject({ workshopsHeld: 1, workshopsPlanned: 1, attendance: 2 });
  });

  it('an event that names its programme by id is of that programme whatever text it once had; an unknown id matches nothing', () => {
    const data = organisation();
    const renamed = { ...data, workshops: data.workshops.map((w) => (w.id === 'w2' ? { ...w, programme: 'Drošas kopienas' } : w)) };
    expect(computeOverview(renamed, { ...NO_FILTERS, programme: 'drosas' }, TODAY).totals.workshopsHeld).toBe(2);
    expect(filtered({ programme: 'missing' }).totals).toMatchObject({ communities: 0, workshopsHeld: 0 });
  });

  it('by date range, ends included: only communities with a workshop in it', () => {
    const february = filtered({ from: '2026-02-01', to: '2026-02-28' });
    // Lazdona's only February workshop was deleted.
    expect(february.communities.map((community) => community.id)).toEqual(['piebalga']);
    expect(february.totals).toMatchObject({ workshopsHeld: 1, attendance: 3, needs: 1 });
    expect(february.attendanceByMonth).toEqual([{ month: '2026-02', workshops: 1, attendance: 3 }]);

    const winter = filtered({ from: '2026-01-15', to: '2026-02-20' });
    expect(winter.totals).toMatchObject({ communities: 2, workshopsHeld: 2, attendance: 6 });
    // Lights (w1) and bus (w3) by their workshop; library (15 Feb) and benches (1 Feb) by their own date; not the playground (March).
    expect(winter.totals.needs).toBe(4);
    expect(filtered({ from: '2026-03-01' }).totals).toMatchObject({ communities: 2, workshopsHeld: 1, workshopsPlanned: 1, attendance: 2 });
    expect(filtered({ to: '2026-01-31' }).communities.map((community) => community.id)).toEqual(['lazdona']);
  });

  it('budgets and resources stay whole for the communities in view: they do not belong to a period', () => {
    const overview = filtered({ from: '2026-02-01', to: '2026-02-28' });
    expect(overview.budgets[0]).toMatchObject({ communityId: 'piebalga', totalCents: 120_000, overLimit: true });
    expect(overview.totals.resources).toBe(1);
  });

  it('all filters together, and a reversed range that nothing matches', () => {
    expect(filtered({ municipality: 'LV-059', maturity: 'active', programme: 'kopa', from: '2026-03-01', to: '2026-03-31' }).totals)
      .toMatchObject({ communities: 1, workshopsHeld: 1, attendance: 2, uniqueParticipants: 2, needs: 1 });
    const none = filtered({ from: '2026-03-01', to: '2026-01-01' });
    expect(none.communities).toEqual([]);
    expect(none.totals).toMatchObject({ allCommunities: 2, communities: 0, attendance: 0, needs: 0, votes: 0 });
    expect(none.attendanceByMonth).toEqual([]);
    expect(none.budgetTotals).toEqual({ totalCents: 0, limitCents: 0, overLimit: 0, withoutGrant: 0 });
  });

  it('an empty device gives zeros, not errors', () => {
    const empty = computeOverview({
      communities: [], workshops: [], participants: [], attendance: [], needs: [], votes: [], resources: [], actions: [], programmes: [], enrolments: [],
    }, NO_FILTERS, TODAY);
    expect(empty.totals).toEqual({ allCommunities: 0, communities: 0, workshopsHeld: 0, workshopsPlanned: 0, uniqueParticipants: 0, attendance: 0, needs: 0, votes: 0, resources: 0 });
    expect(empty.needsByCategory.every((row) => row.count === 0)).toBe(true);
  });
});

describe('monthsBetween', () => {
  it('lists every month, across a new year', () => {
    expect(monthsBetween('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-03')).toEqual(['2026-03']);
  });
});

describe('a planned workshop that happened', () => {
  it('counts as held once its day has passed and people were checked in, unless cancelled', () => {
    const data = organisation();
    const withCheckIns = { ...data, attendance: [...data.attendance, checkIn('w4', 'liga'), checkIn('w4', 'peteris')] };
    const before = computeOverview(withCheckIns, NO_FILTERS, '2026-03-31');
    expect(before.totals).toMatchObject({ workshopsHeld: 3, workshopsPlanned: 1 });
    const after = computeOverview(withCheckIns, NO_FILTERS, '2026-04-02');
    expect(after.totals).toMatchObject({ workshopsHeld: 4, workshopsPlanned: 0 });
    expect(after.communities.find((community) => community.id === 'piebalga')?.workshopsHeld).toBe(2);
    expect(after.attendanceByMonth.find((month) => month.month === '2026-04')?.workshops).toBe(1);
    // Without check-ins it stays planned; cancelled, it never counts.
    expect(computeOverview(data, NO_FILTERS, '2026-04-02').totals).toMatchObject({ workshopsHeld: 3, workshopsPlanned: 1 });
    const cancelled = { ...withCheckIns, workshops: withCheckIns.workshops.map((w) => (w.id === 'w4' ? { ...w, status: 'cancelled' as const } : w)) };
    expect(computeOverview(cancelled, NO_FILTERS, '2026-04-02').totals.workshopsHeld).toBe(3);
  });
});
