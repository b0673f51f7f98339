// Access by assignment, route by route, on every configured database: a
// facilitator assigned to one community of the organisation pulls, pushes and
// fetches photos of that community only (and the people tied to it or who
// came to its events); assigning and unassigning works across a sync; only
// coordinators assign or merge people. (Another organisation is tenancy.test.ts.)
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assignmentId, attendanceId } from '../../protocol';
import {
  actionFields, assignmentFields, attendanceFields, communityFields, enrolmentFields, needFields, participantFields, photoFields,
  programmeFields, resourceFields, swotFields, voteFields, workshopFields,
} from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { addUserDirectly, call, createOrganisation, login, pullAll, startServer, type TestServer } from './support/harness';

const PHOTO_OF = (community: string) => new TextEncoder().encode(`Fotogrāfija: ${community}`);
const hashOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(backends())('access by assignment on $name', (backend) => {
  let server: TestServer;
  let office: TestDevice;
  let tablet: TestDevice;
  let facilitatorId: string;
  let coordinatorToken: string;
  /** Records of every kind in each community, by table. */
  let mine: Record<string, string>;
  let theirs: Record<string, string>;

  function seed(name: string, programme: string): Record<string, string> {
    const community = office.create('communities', communityFields({ name }));
    const ids: Record<string, string> = { communities: community };
    ids.workshops = office.create('workshops', workshopFields(community));
    ids.participants = office.create('participants', participantFields(community, { name: `${name} iedzīvotāja` }));
    ids.attendance = office.create('attendance', attendanceFields({ communityId: community, workshopId: ids.workshops, participantId: ids.participants }), attendanceId(ids.workshops, ids.participants));
    ids.needs = office.create('needs', needFields(community));
    ids.votes = office.create('votes', voteFields({ communityId: community, workshopId: ids.workshops, needId: ids.needs }));
    ids.resources = office.create('resources', resourceFields(community));
    ids.actions = office.create('actions', actionFields(community, { needId: ids.needs }));
    ids.swot = office.create('swot', swotFields(community, { workshopId: ids.workshops }));
    ids.enrolments = office.create('enrolments', enrolmentFields(community, programme));
    const photo = PHOTO_OF(name);
    ids.photos = office.create('photos', photoFields({ communityId: community, table: 'needs', id: ids.needs }, { sha256: hashOf(photo), size: photo.byteLength }));
    return ids;
  }

  const pulledIds = async (token: string) => new Set((await pullAll(server, token)).changes.map((change) => change.recordId));

  beforeEach(async () => {
    server = await startServer(backend);
    const org = await createOrganisation(server, 'Latgales centrs');
    coordinatorToken = org.coordinator.token;
    facilitatorId = await addUserDirectly(server, org.orgId, { email: 'ieva@example.lv', name: 'Ieva Liepa', role: 'facilitator', password: 'ieva-parole' });
    office = new TestDevice('laptop-office', () => server.time.now, coordinatorToken);
    // The organisation's programme (everyone sees it); each community's enrolment in it is filed under the community.
    const programme = office.create('programmes', programmeFields());
    mine = seed('Rēzekne', programme);
    theirs = seed('Ludza', programme);
    office.create('assignments', assignmentFields(facilitatorId, { communityId: mine.communities! }), assignmentId(facilitatorId, { communityId: mine.communities! }));
    expect((await office.sync(server)).rejected).toEqual([]);
    for (const name of ['Rēzekne', 'Ludza']) {
      const photo = PHOTO_OF(name);
      expect((await call(server, 'PUT', `/api/blobs/${hashOf(photo)}`, { token: coordinatorToken, body: photo, headers: { 'Content-Type': 'image/jpeg' } })).status).toBe(201);
    }
    tablet = new TestDevice('tablet-ieva', () => server.time.now, (await login(server, 'ieva@example.lv', 'ieva-parole')).token);
  });
  afterEach(async () => {
    await server.close();
  });

  it('pull: every kind of the assigned community, nothing of the other', async () => {
    const seen = await pulledIds(tablet.token);
    for (const [table, id] of Object.entries(mine)) expect(seen.has(id), `${table} of the assigned community`).toBe(true);
    for (const [table, id] of Object.entries(theirs)) expect(seen.has(id), `${table} of the other community`).toBe(false);
  });

  it('push: nothing created in, edited in or moved to the other community; a new community is the creator\'s', async () => {
    await tablet.sync(server);
    const creations = [
      tablet.create('needs', needFields(theirs.communities!)),
      tablet.create('participants', participantFields(theirs.communities!)),
      tablet.create('workshops', workshopFields(theirs.communities!)),
    ];
    tablet.update('needs', theirs.needs!, { title: 'Pārrakstīta' });
    tablet.update('needs', mine.needs!, { communityId: theirs.communities! });
    // A check-in of the other community's person, whose id the tablet should not know.
    tablet.create('attendance', attendanceFields({ communityId: mine.communities!, workshopId: mine.workshops!, participantId: theirs.participants! }), attendanceId(mine.workshops!, theirs.participants!));
    const reply = await tablet.sync(server);
    expect(reply.rejected.map((rejection) => rejection.code)).toEqual(Array(6).fill('forbidden'));
    expect(creations).toHaveLength(3);
    const server0 = await pulledIds(coordinatorToken);
    for (const id of creations) expect(server0.has(id)).toBe(false);

    // A community the facilitator creates is assigned to them by the server, and they work in it.
    const own = tablet.create('communities', communityFields({ name: 'Jauna kopiena' }));
    const need = tablet.create('needs', needFields(own));
    expect((await tablet.sync(server)).rejected).toEqual([]);
    const seen = await pulledIds(tablet.token);
    expect([seen.has(own), seen.has(need), seen.has(assignmentId(facilitatorId, { communityId: own }))]).toEqual([true, true, true]);
  });

  it('a visitor from another community checked in at an assigned event is seen with their check-in', async () => {
    // The coordinator checks the other community's resident in at the assigned community's workshop.
    office.create('attendance', attendanceFields({ communityId: mine.communities!, workshopId: mine.workshops!, participantId: theirs.participants! }), attendanceId(mine.workshops!, theirs.participants!));
    expect((await office.sync(server)).rejected).toEqual([]);
    const seen = await pulledIds(tablet.token);
    expect(seen.has(theirs.participants!)).toBe(true);
    expect(seen.has(attendanceId(mine.workshops!, theirs.participants!))).toBe(true);
    // Her community and its other records stay out of reach.
    expect(seen.has(theirs.communities!)).toBe(false);
    expect(seen.has(theirs.needs!)).toBe(false);
  });

  it('photos: the assigned community\'s image, not the other\'s', async () => {
    const fetch = async (name: string) => (await call(server, 'GET', `/api/blobs/${hashOf(PHOTO_OF(name))}`, { token: tablet.token })).status;
    expect(await fetch('Rēzekne')).toBe(200);
    expect(await fetch('Ludza')).toBe(404);
  });

  it('unassigning takes the community off the device on its next sync; assigning again brings it back', async () => {
    const device = tablet;
    await device.sync(server);
    expect((await pulledIds(device.token)).has(mine.needs!)).toBe(true);
    office.remove('assignments', assignmentId(facilitatorId, { communityId: mine.communities! }), 'coordinator');
    await office.sync(server);
    expect((await pulledIds(device.token)).has(mine.needs!)).toBe(false);
    office.update('assignments', assignmentId(facilitatorId, { communityId: mine.communities! }), { deleted: false });
    await office.sync(server);
    expect((await pulledIds(device.token)).has(mine.needs!)).toBe(true);
  });

  it('only a coordinator assigns, and only a coordinator merges people', async () => {
    await tablet.sync(server);
    tablet.create('assignments', assignmentFields(facilitatorId, { communityId: theirs.communities! }), assignmentId(facilitatorId, { communityId: theirs.communities! }));
    const walkIn = tablet.create('participants', participantFields(mine.communities!, { name: 'Rēzekne iedzīvotāja' }));
    expect((await tablet.sync(server)).rejected.map((rejection) => rejection.code)).toEqual(['forbidden']);
    tablet.update('participants', walkIn, { mergedInto: mine.participants! });
    expect((await tablet.sync(server)).rejected.map((rejection) => rejection.code)).toEqual(['forbidden']);
    await office.sync(server);
    office.update('participants', walkIn, { mergedInto: mine.participants! });
    expect((await office.sync(server)).rejected).toEqual([]);
  });
});
