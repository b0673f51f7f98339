import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { enrolmentSchema, programmeSchema, workshopSchema } from '../../protocol/records';
import { enrolmentIdFor, programmeIdFor } from '../../protocol/ids';
import { planProgrammeUpgrade, upgradeClock, type ProgrammeUpgradeInput, type StoredFields } from './programme-upgrade';

const ORG = '3f1d9c2e-7b4a-4e8f-9a1b-2c3d4e5f6a7b';
const AT = Date.UTC(2026, 5, 1, 12);
const C1 = '01968b12-fe80-7000-8000-000000000c01';
const C2 = '01968b12-fe80-7000-8000-000000000c02';
const GONE = '01968b12-fe80-7000-8000-000000000c03';
const id = (n: number) => `01968b12-fe80-7000-8000-${String(n).padStart(12, '0')}`;

// Whole stored records as a device once wrote them (the server may not import testing/'s fixtures).
const newRecordFields = (fields: Record<string, unknown>, { at = AT } = {}) => ({ createdAt: at, updatedAt: at, createdBy: 'tablet', deleted: false, ...fields });
const communityFields = (extra: Record<string, unknown>) => ({
  name: 'Kalnciema kopiena', municipality: 'LV-041', parish: '', description: '', maturity: 'emerging', contacts: [], ...extra,
});
const workshopFields = (communityId: string, extra: Record<string, unknown>) => ({
  communityId, title: 'Darbnīca', kind: 'workshop', date: '2026-03-14', startTime: '', endTime: '', place: '', programme: '',
  facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson: 3, ...extra,
});
const programmeFields = (extra: Record<string, unknown>) => ({
  name: 'Drošas kopienas', funder: '', organiser: '', start: '2026-01-01', end: '', grantLimitEmergingCents: 100_000, grantLimitActiveCents: 300_000, targets: [], ...extra,
});
const enrolmentFields = (communityId: string, programmeId: string) => ({
  communityId, programmeId, start: '2026-01-01', end: '', maturity: 'emerging', representativeIds: [], mentorId: null, grantCents: 80_000,
});

const community = (communityId: string, maturity: 'emerging' | 'active', createdAt: number, deleted = false): StoredFields =>
  ({ id: communityId, fields: { ...newRecordFields(communityFields({ maturity }), { at: createdAt }), deleted } });
const event = (n: number, programme: string, date: string, extra: Record<string, unknown> = {}): StoredFields =>
  ({ id: id(n), fields: { ...newRecordFields(workshopFields(C1, { programme, date })), ...extra } });

function input(overrides: Partial<ProgrammeUpgradeInput>): ProgrammeUpgradeInput {
  return { orgId: ORG, at: AT, communities: [], workshops: [], programmes: [], enrolments: [], ...overrides };
}

describe('the programme upgrade (migration 0008)', () => {
  const world = input({
    communities: [
      community(C1, 'emerging', Date.UTC(2025, 1, 3, 23, 30)),
      community(C2, 'active', Date.UTC(2025, 6, 1)),
      community(GONE, 'active', Date.UTC(2025, 6, 1), true),
    ],
    workshops: [
      event(1, 'LEADER kopienas', '2025-03-10'),
      event(2, '  leader   KOPIENAS ', '2025-02-20'),
      event(3, 'LEADER kopienas', '2025-04-01'),
      event(4, 'Jauniešu vasara', '2025-06-15'),
      event(5, '', '2025-01-15'),
      event(6, 'Dzēstais projekts', '2025-01-01', { deleted: true }),
    ],
  });
  const plan = planProgrammeUpgrade(world);
  const leader = programmeIdFor(ORG, 'leader kopienas');
  const summer = programmeIdFor(ORG, 'Jauniešu vasara');

  it('makes one programme per name, called as most events spell it, starting at its first event (unnamed ones in the main)', () => {
    expect(plan.programmes.map((programme) => [programme.id, programme.fields.name, programme.fields.start])).toEqual([
      [leader, 'LEADER kopienas', '2025-01-15'],
      [summer, 'Jauniešu vasara', '2025-06-15'],
    ]);
    expect(plan.programmes[0]!.fields).toMatchObject({
      funder: '', organiser: '', end: '', grantLimitEmergingCents: 100_000, grantLimitActiveCents: 300_000, targets: [], createdBy: 'server', createdAt: AT,
    });
  });

  it('maps every live event: by its name, the unnamed to the programme most events use', () => {
    expect(plan.workshops).toEqual([
      { id: id(1), programmeId: leader }, { id: id(2), programmeId: leader }, { id: id(3), programmeId: leader },
      { id: id(4), programmeId: summer }, { id: id(5), programmeId: leader },
    ]);
  });

  it('enrols every live community in the main programme from the day it was made, with the grant of its maturity', () => {
    expect(plan.enrolments.map((enrolment) => [enrolment.id, enrolment.communityId, enrolment.fields.start, enrolment.fields.maturity, enrolment.fields.grantCents])).toEqual([
      [enrolmentIdFor(C1, leader), C1, '2025-02-03', 'emerging', 100_000],
      [enrolmentIdFor(C2, leader), C2, '2025-07-01', 'active', 300_000],
    ]);
    expect(plan.enrolments[0]!.fields).toMatchObject({ programmeId: leader, end: '', representativeIds: [], mentorId: null });
  });

  it('writes records the protocol\'s schemas accept', () => {
    for (const programme of plan.programmes) expect(v.safeParse(programmeSchema, { id: programme.id, ...programme.fields }).issues).toBeUndefined();
    for (const enrolment of plan.enrolments) expect(v.safeParse(enrolmentSchema, { id: enrolment.id, ...enrolment.fields }).issues).toBeUndefined();
    const stored = new Map(world.workshops.map((workshop) => [workshop.id, workshop.fields]));
    for (const mapped of plan.workshops) {
      const fields = stored.get(mapped.id);
      expect(v.safeParse(workshopSchema, { id: mapped.id, ...(fields as object), programmeId: mapped.programmeId }).issues).toBeUndefined();
    }
  });

  it('finds nothing more to do once its records are stored (a rerun, another server)', () => {
    const rerun = planProgrammeUpgrade({
      ...world,
      workshops: world.workshops.map((workshop) => {
        const mapped = plan.workshops.find((row) => row.id === workshop.id);
        return mapped ? { id: workshop.id, fields: { ...(workshop.fields as object), programmeId: mapped.programmeId } } : workshop;
      }),
      programmes: plan.programmes,
      enrolments: plan.enrolments,
    });
    expect(rerun).toEqual({ programmes: [], enrolments: [], workshops: [] });
    expect(planProgrammeUpgrade(world)).toEqual(plan);
  });

  it('gives an organisation that never named a programme one called Programma', () => {
    const unnamed = planProgrammeUpgrade(input({ communities: [community(C1, 'active', Date.UTC(2025, 0, 9))] }));
    expect(unnamed.programmes.map((programme) => [programme.id, programme.fields.name, programme.fields.start])).toEqual([
      [programmeIdFor(ORG, 'Programma'), 'Programma', '2025-01-09'],
    ]);
    expect(unnamed.enrolments.map((enrolment) => enrolment.fields.grantCents)).toEqual([300_000]);
    const events = planProgrammeUpgrade(input({ workshops: [event(1, ' ', '2025-05-05')] }));
    expect(events.programmes.map((programme) => programme.fields.start)).toEqual(['2025-05-05']);
    expect(events.workshops).toEqual([{ id: id(1), programmeId: programmeIdFor(ORG, 'Programma') }]);
    expect(planProgrammeUpgrade(input({ communities: [community(GONE, 'active', AT, true)] }))).toEqual({ programmes: [], enrolments: [], workshops: [] });
  });

  it('leaves programmes and enrolments a device made alone, and takes the one most events use as the main', () => {
    const made = id(900);
    const plan2 = planProgrammeUpgrade(input({
      communities: [community(C1, 'emerging', AT), community(C2, 'active', AT)],
      programmes: [{ id: made, fields: newRecordFields(programmeFields({ start: '2025-01-01' })) }],
      enrolments: [{ id: id(901), fields: newRecordFields(enrolmentFields(C1, made)) }],
      workshops: [event(1, '', '2025-03-01', { programmeId: made }), event(2, '', '2025-03-02', { programmeId: made }), event(3, 'Cits', '2025-03-03'), event(4, '', '2025-03-04')],
    }));
    expect(plan2.programmes.map((programme) => programme.fields.name)).toEqual(['Cits']);
    expect(plan2.workshops).toEqual([{ id: id(3), programmeId: programmeIdFor(ORG, 'Cits') }, { id: id(4), programmeId: made }]);
    expect(plan2.enrolments.map((enrolment) => [enrolment.communityId, enrolment.fields.programmeId])).toEqual([[C2, made]]);
  });

  it('picks one spelling of equally used ones, the same on every server', () => {
    const tie = planProgrammeUpgrade(input({ workshops: [event(1, 'drošas kopienas', '2025-03-01'), event(2, 'Drošas Kopienas', '2025-03-02')] }));
    expect(tie.programmes.map((programme) => programme.fields.name)).toEqual(['Drošas Kopienas']);
  });

  it('stamps its clocks as the server\'s upgrade, later than a clock a device wrote ahead', () => {
    expect(upgradeClock(AT)).toBe(`${AT}:0000:server-upgrade`);
    expect(upgradeClock(AT, `${AT + 5000}:0002:tabletA`)).toBe(`${AT + 5000}:0003:server-upgrade`);
    expect(upgradeClock(AT, `${AT - 5000}:0002:tabletA`)).toBe(`${AT}:0000:server-upgrade`);
  });
});
