// The bin and erasure, through the API on every configured database: only a
// coordinator deletes or restores a community and erases a person; an edit
// made without having seen a deletion brings the record back, and a deletion
// that had not seen an edit does not apply, either way with the deletion kept
// as a conflict that names both people; an erasure wins over any clock and
// leaves nothing personal in the record, its conflicts or a fresh pull.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED_NAME, PERSONAL_FIELDS } from '../../protocol';
import { backends } from './support/backends';
import { assignmentId } from '../../protocol/ids';
import { assignmentFields, communityFields, needFields, participantFields } from '../../testing/fixtures';
import { TestDevice } from './support/device';
import { addUserDirectly, createOrganisation, login, pullAll, push, startServer, type TestServer } from './support/harness';

describe.each(backends())('the bin and erasure on $name', (backend) => {
  let server: TestServer;
  let coordinatorId: string;
  let facilitatorId: string;
  let laptop: TestDevice;
  let tablet: TestDevice;
  let communityId: string;

  beforeEach(async () => {
    server = await startServer(backend);
    const org = await createOrganisation(server, 'Sēlijas centrs');
    coordinatorId = org.coordinator.user.id;
    facilitatorId = await addUserDirectly(server, org.orgId, { email: 'anna@example.lv', name: 'Anna Kalniņa', role: 'facilitator', password: 'anna-parole' });
    const facilitator = await login(server, 'anna@example.lv', 'anna-parole');
    laptop = new TestDevice('laptop-dace', () => server.time.now, org.coordinator.token);
    tablet = new TestDevice('tablet-anna', () => server.time.now, facilitator.token);
    communityId = laptop.create('communities', communityFields());
    laptop.create('assignments', assignmentFields(facilitatorId, { communityId }), assignmentId(facilitatorId, { communityId }));
    await laptop.sync(server);
    await tablet.sync(server);
  });
  afterEach(async () => {
    await server.close();
  });

  const serverRecord = async (id: string) => {
    const { changes } = await pullAll(server, laptop.token);
    return changes.find((change) => change.recordId === id);
  };
  const conflictsOf = async (id: string) => (await pullAll(server, laptop.token)).changes
    .filter((change) => change.table === 'conflicts' && change.fields.recordId === id);

  it('a facilitator cannot delete or restore a community, whatever the app shows; a coordinator can', async () => {
    const deletion = tablet.remove('communities', communityId, facilitatorId);
    const reply = await tablet.sync(server);
    expect(reply.rejected).toEqual([{ id: deletion.id, code: 'forbidden', message: expect.any(String) }]);
    expect((await serverRecord(communityId))?.fields.deleted).toBe(false);
    laptop.remove('communities', communityId, coordinatorId);
    expect((await laptop.sync(server)).rejected).toEqual([]);
    expect((await serverRecord(communityId))?.fields).toMatchObject({ deleted: true, deletedBy: coordinatorId });
  });

  it('an edit made without having seen the deletion brings the record back; the deletion is a conflict naming both people', async () => {
    const needId = laptop.create('needs', needFields(communityId, { title: 'Ceļš uz skolu' }));
    await laptop.sync(server);
    await tablet.sync(server);
    server.time.now += 60_000;
    laptop.remove('needs', needId, coordinatorId);
    await laptop.sync(server);
    server.time.now += 60_000;
    // The tablet, offline all along, edits the need it still shows.
    tablet.update('needs', needId, { title: 'Ceļš uz skolu un bērnudārzu' });
    expect((await push(server, tablet.token, tablet.deviceId, tablet.outbox)).rejected).toEqual([]);
    const need = await serverRecord(needId);
    expect(need?.fields).toMatchObject({ deleted: false, title: 'Ceļš uz skolu un bērnudārzu' });
    const [conflict] = await conflictsOf(needId);
    expect(conflict?.fields).toMatchObject({
      field: 'deleted', winnerValue: false, loserValue: true, winnerBy: facilitatorId, loserBy: coordinatorId, resolved: false,
    });
  });

  it('a deletion that had not seen an edit from another device does not apply, and is kept as a conflict', async () => {
    const needId = laptop.create('needs', needFields(communityId, { title: 'Bibliotēka' }));
    await laptop.sync(server);
    await tablet.sync(server);
    tablet.update('needs', needId, { description: 'Garāks darba laiks sestdienās' });
    await tablet.sync(server);
    server.time.now += 60_000;
    laptop.remove('needs', needId, coordinatorId);
    expect((await push(server, laptop.token, laptop.deviceId, laptop.outbox)).rejected).toEqual([]);
    expect((await serverRecord(needId))?.fields).toMatchObject({ deleted: false, description: 'Garāks darba laiks sestdienās' });
    const [conflict] = await conflictsOf(needId);
    // The record stays for the edit the deletion had not seen: the conflict names its author and the deleter.
    expect(conflict?.fields).toMatchObject({ field: 'deleted', winnerValue: false, loserValue: true, loserBy: coordinatorId, winnerBy: facilitatorId });
    // Having seen the edit, the coordinator deletes it for good.
    laptop.outbox = [];
    await laptop.sync(server);
    laptop.remove('needs', needId, coordinatorId);
    await laptop.sync(server);
    expect((await serverRecord(needId))?.fields.deleted).toBe(true);
  });

  it('an edit from a device that knew the record was in the bin is refused as record_deleted', async () => {
    const needId = laptop.create('needs', needFields(communityId));
    await laptop.sync(server);
    laptop.remove('needs', needId, coordinatorId);
    await laptop.sync(server);
    await tablet.sync(server);
    const edit = tablet.update('needs', needId, { title: 'Tomēr' });
    expect((await tablet.sync(server)).rejected).toEqual([{ id: edit.id, code: 'record_deleted', message: expect.any(String) }]);
  });

  it('only a coordinator erases; an erasure wins over a later clock and leaves nothing personal in the record, its conflicts or a pull', async () => {
    const personId = laptop.create('participants', participantFields(communityId, { name: 'Jānis Bērziņš', phone: '+371 26 000 001', household: 'Kalnāji' }));
    await laptop.sync(server);
    await tablet.sync(server);
    // Two concurrent phone edits make a conflict that keeps one number.
    tablet.update('participants', personId, { phone: '+371 29 999 999' });
    laptop.update('participants', personId, { phone: '+371 28 888 888' });
    await tablet.sync(server);
    await laptop.sync(server);
    expect((await conflictsOf(personId)).length).toBeGreaterThan(0);

    const byFacilitator = tablet.update('participants', personId, { erased: true });
    expect((await tablet.sync(server)).rejected).toEqual([{ id: byFacilitator.id, code: 'forbidden', message: expect.any(String) }]);

    // A tablet whose calendar runs an hour ahead edits the name after the erasure's clock.
    const ahead = new TestDevice('tablet-ahead', () => server.time.now + 3_600_000, tablet.token);
    await ahead.sync(server);
    ahead.update('participants', personId, { name: 'Jānis Bērziņš-Ozols', email: 'janis@example.lv' });
    await ahead.sync(server);

    laptop.update('participants', personId, {
      name: ERASED_NAME, household: '', phone: '', email: '', consentData: false, consentPhotos: false, consentDate: '', erased: true,
      erasedAt: server.time.now, erasedBy: coordinatorId,
    });
    expect((await laptop.sync(server)).rejected).toEqual([]);

    const { changes } = await pullAll(server, laptop.token);
    const text = JSON.stringify(changes);
    for (const personal of ['Jānis Bērziņš', 'Bērziņš-Ozols', 'Kalnāji', '26 000 001', '29 999 999', '28 888 888', 'janis@example.lv']) {
      expect(text, personal).not.toContain(personal);
    }
    const person = changes.find((change) => change.recordId === personId);
    expect(person?.fields).toMatchObject({ name: ERASED_NAME, erased: true, erasedBy: coordinatorId });
    for (const conflict of changes.filter((change) => change.table === 'conflicts' && change.fields.recordId === personId)) {
      expect(conflict.fields).toMatchObject({ winnerValue: '', loserValue: '', resolved: true });
    }
    // From then on no write of a personal field reaches the person, whoever sends it.
    const late = ahead.update('participants', personId, { phone: '+371 20 000 000' });
    expect((await ahead.sync(server)).rejected).toEqual([{ id: late.id, code: 'erased', message: expect.any(String) }]);
    expect(PERSONAL_FIELDS.every((field) => field in (person?.fields ?? {}))).toBe(true);
  });
});
