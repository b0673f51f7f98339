// The programmes screens' reads: enrolled communities counted once, a community's current grant, and who an
// enrolment may name (representatives of the community first, mentors first).
import { describe, expect, it } from 'vitest';
import { communityFields, enrolmentFields, participantFields, programmeFields, tieFields } from '../../testing/fixtures';
import {
  listCommunityEnrolments, listMentorChoices, listProgrammeRows, listProgrammes, listRepresentativeChoices, loadCurrentGrant, loadLastProgramme,
  saveLastProgramme,
} from './programme-queries';
import { eachTestDatabase } from './test-database';

const test = eachTestDatabase();

const member = (id: string, name: string, role: 'coordinator' | 'facilitator' | 'mentor', active = true, deleted = false) =>
  ({ id, name, role, active, createdAt: 1, updatedAt: 1, createdBy: 'server', deleted, clocks: {} });

describe('programmes', () => {
  it('lists live programmes by name, each with its live communities enrolled counted once', async () => {
    const kopa = await test.notebook.create('programmes', programmeFields({ name: 'KOPA' }));
    const drosas = await test.notebook.create('programmes', programmeFields({ name: 'Drošas kopienas' }));
    const gone = await test.notebook.create('programmes', programmeFields({ name: 'Beigusies' }));
    await test.notebook.remove('programmes', gone);
    const rauna = await test.notebook.create('communities', communityFields({ name: 'Rauna' }));
    const ergli = await test.notebook.create('communities', communityFields({ name: 'Ērgļi' }));
    const deletedCommunity = await test.notebook.create('communities', communityFields({ name: 'Dzēsta' }));
    await test.notebook.create('enrolments', enrolmentFields(rauna, kopa, { start: '2025-01-01', end: '2025-12-31' }));
    await test.notebook.create('enrolments', enrolmentFields(rauna, kopa, { start: '2026-01-01', end: '' }));
    await test.notebook.create('enrolments', enrolmentFields(ergli, kopa));
    await test.notebook.create('enrolments', enrolmentFields(deletedCommunity, kopa));
    await test.notebook.remove('communities', deletedCommunity);
    const removed = await test.notebook.create('enrolments', enrolmentFields(ergli, drosas));
    await test.notebook.remove('enrolments', removed);

    expect((await listProgrammes(test.db)).map((programme) => programme.name)).toEqual(['Drošas kopienas', 'KOPA']);
    expect((await listProgrammeRows(test.db)).map((row) => [row.programme.name, row.enrolled])).toEqual([['Drošas kopienas', 0], ['KOPA', 2]]);
  });

  it('remembers the programme this device last gave an event', async () => {
    expect(await loadLastProgramme(test.db)).toBeNull();
    await saveLastProgramme(test.db, 'p-1');
    expect(await loadLastProgramme(test.db)).toBe('p-1');
  });
});

describe('enrolments', () => {
  it('a community\'s enrolments name their programme, mentor and representatives, latest first; its current one sets the grant', async () => {
    await test.db.members.bulkPut([member('m-1', 'Dace Priede', 'mentor')]);
    const kopa = await test.notebook.create('programmes', programmeFields({ name: 'KOPA' }));
    const rauna = await test.notebook.create('communities', communityFields({ name: 'Rauna' }));
    const janis = await test.notebook.create('participants', participantFields(rauna, { name: 'Jānis Ozols' }));
    await test.notebook.create('enrolments', enrolmentFields(rauna, kopa, { start: '2025-01-01', end: '2025-12-31', grantCents: 50_000 }));
    await test.notebook.create('enrolments', enrolmentFields(rauna, kopa, {
      start: '2026-01-01', end: '2026-12-31', grantCents: 80_000, mentorId: 'm-1', representativeIds: [janis, test.notebook.newId()],
    }));

    const rows = await listCommunityEnrolments(test.db, rauna);
    expect(rows.map((row) => [row.enrolment.start, row.programmeName, row.mentorName, row.representatives])).toEqual([
      ['2026-01-01', 'KOPA', 'Dace Priede', [{ id: janis, name: 'Jānis Ozols' }]],
      ['2025-01-01', 'KOPA', null, []],
    ]);
    expect(await loadCurrentGrant(test.db, rauna, '2026-05-01')).toEqual({ grantCents: 80_000, programmeName: 'KOPA' });
    expect(await loadCurrentGrant(test.db, rauna, '2025-05-01')).toEqual({ grantCents: 50_000, programmeName: 'KOPA' });
    expect(await loadCurrentGrant(test.db, rauna, '2027-01-01')).toBeNull();
  });

  it('offers the community\'s people (at home or tied) first, then the register, leaving out the merged and erased', async () => {
    const rauna = await test.notebook.create('communities', communityFields({ name: 'Rauna' }));
    const ergli = await test.notebook.create('communities', communityFields({ name: 'Ērgļi' }));
    const anna = await test.notebook.create('participants', participantFields(ergli, { name: 'Anna Ābele' }));
    const zane = await test.notebook.create('participants', participantFields(rauna, { name: 'Zane Zariņa' }));
    const ilze = await test.notebook.create('participants', participantFields(null, { name: 'Ilze Ozola' }));
    await test.notebook.create('ties', tieFields(ilze, rauna));
    const merged = await test.notebook.create('participants', participantFields(rauna, { name: 'Zane Zariņa (dublikāts)' }));
    await test.notebook.update('participants', merged, { mergedInto: zane });
    const erased = await test.notebook.create('participants', participantFields(rauna, { name: 'Dzēsts' }));
    await test.notebook.update('participants', erased, { erased: true });

    expect((await listRepresentativeChoices(test.db, rauna)).map((person) => [person.id, person.ofCommunity])).toEqual([
      [ilze, true], [zane, true], [anna, false],
    ]);
  });

  it('offers active users as mentors, mentors first', async () => {
    await test.db.members.bulkPut([
      member('u-1', 'Anna Bērziņa', 'coordinator'), member('u-2', 'Zigurds Mentors', 'mentor'), member('u-3', 'Baiba Fasilitatore', 'facilitator'),
      member('u-4', 'Aiga Bijusī', 'mentor', false), member('u-5', 'Dzēsts', 'mentor', true, true),
    ]);
    expect((await listMentorChoices(test.db)).map((choice) => choice.id)).toEqual(['u-2', 'u-1', 'u-3']);
  });
});
