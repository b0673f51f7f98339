import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RECORD_SCHEMAS, type EditableFields, type TableName } from '../protocol';
import {
  actionFields, attendanceFields, communityFields, needFields, newRecordFields, participantFields, photoFields, resourceFields,
  assignmentFields, settingsFields, swotFields, tieFields, voteFields, wholeRecord, workshopFields,
  actionNoteFields, spendingFields, assessmentRoundFields, visitFields, measureFields, programmeFields, enrolmentFields,
} from './fixtures';

const communityId = '01968b12-fe80-7000-8000-000000000001';
const workshopId = '01968b12-fe80-7000-8000-000000000002';
const participantId = '01968b12-fe80-7000-8000-000000000003';
const needId = '01968b12-fe80-7000-8000-000000000004';

/** Every kind a device writes (conflicts and members are the server's). */
const BUILT: { [T in Exclude<TableName, 'conflicts' | 'members'>]: EditableFields<T> } = {
  communities: communityFields(),
  workshops: workshopFields(communityId),
  participants: participantFields(communityId),
  attendance: attendanceFields({ communityId, workshopId, participantId }),
  needs: needFields(communityId),
  votes: voteFields({ communityId, workshopId, needId }),
  resources: resourceFields(communityId),
  actions: actionFields(communityId),
  swot: swotFields(communityId),
  photos: photoFields({ communityId, table: 'needs', id: needId }),
  ties: tieFields(participantId, communityId),
  assignments: assignmentFields('user-1', { communityId }),
  settings: settingsFields(),
  actionNotes: actionNoteFields(communityId, needId),
  spending: spendingFields(communityId, needId),
  assessmentRounds: assessmentRoundFields(communityId),
  visits: visitFields(communityId, 'user-1'),
  measures: measureFields(),
  programmes: programmeFields(),
  enrolments: enrolmentFields(communityId, needId),
};

describe('fixture builders', () => {
  it.each(Object.keys(BUILT) as (keyof typeof BUILT)[])('build a valid %s record from the defaults', (table) => {
    const result = v.safeParse(RECORD_SCHEMAS[table], wholeRecord(table, BUILT[table]));
    expect(result.issues?.map((issue) => `${v.getDotPath(issue)}: ${issue.message}`) ?? []).toEqual([]);
  });

  it('take overrides over the defaults, and the common fields from the caller', () => {
    const record = wholeRecord('needs', needFields(communityId, { title: 'Autobuss uz Jelgavu', category: 'mobility' }), {
      id: needId, createdBy: 'tablet-a',
    });
    expect(record).toMatchObject({ id: needId, title: 'Autobuss uz Jelgavu', category: 'mobility', status: 'raised', createdBy: 'tablet-a', deleted: false });
  });

  it('give a creating put every field but the id; a field the caller passes wins over the bookkeeping', () => {
    const fields = newRecordFields({ ...communityFields(), deleted: true }, { by: 'tablet-b', at: 42 });
    expect(fields).toMatchObject({ createdAt: 42, updatedAt: 42, createdBy: 'tablet-b', deleted: true, name: 'Kalnciema kopiena' });
    expect(fields).not.toHaveProperty('id');
  });
});
