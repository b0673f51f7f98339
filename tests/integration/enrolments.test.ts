// Enrolments as the server holds them, on every configured database: a coordinator's alone (a facilitator's
// is refused: tenancy.test.ts), and a grant never above the programme's limit for the community's maturity
// at entry, whatever an app sends — while an edit that leaves the grant alone goes through even after the
// programme's limit was lowered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityFields, enrolmentFields, programmeFields } from '../../testing/fixtures';
import { backends } from './support/backends';
import { TestDevice } from './support/device';
import { createOrganisation, pullAll, startServer, type TestOrganisation, type TestServer } from './support/harness';

describe.each(backends())('enrolments on $name', (backend) => {
  let server: TestServer;
  let org: TestOrganisation;
  let office: TestDevice;
  let programme: string;
  let community: string;

  beforeAll(async () => {
    server = await startServer(backend);
    org = await createOrganisation(server, 'Sēlijas kopienu centrs');
    office = new TestDevice('laptop-office', () => server.time.now, org.coordinator.token);
    programme = office.create('programmes', programmeFields({ grantLimitEmergingCents: 100_000, grantLimitActiveCents: 300_000 }));
    community = office.create('communities', communityFields({ maturity: 'emerging' }));
    expect((await office.sync(server)).rejected).toEqual([]);
  });

  afterAll(async () => {
    await server.close();
  });

  async function grantOf(id: string): Promise<unknown> {
    const { changes } = await pullAll(server, org.coordinator.token);
    return changes.filter((change) => change.recordId === id).at(-1)?.fields.grantCents;
  }

  it('refuses a grant above the limit for the maturity at entry, and takes one within it', async () => {
    const over = office.create('enrolments', enrolmentFields(community, programme, { maturity: 'emerging', grantCents: 120_000 }));
    expect((await office.sync(server)).rejected.map((rejection) => rejection.code)).toEqual(['over_grant_limit']);
    expect(await grantOf(over)).toBeUndefined();

    const within = office.create('enrolments', enrolmentFields(community, programme, { maturity: 'active', grantCents: 250_000 }));
    expect((await office.sync(server)).rejected).toEqual([]);
    expect(await grantOf(within)).toBe(250_000);

    // Entered as emerging, the same grant is above that limit.
    office.update('enrolments', within, { maturity: 'emerging' });
    expect((await office.sync(server)).rejected.map((rejection) => rejection.code)).toEqual(['over_grant_limit']);
  });

  it('lets an edit that leaves the grant alone through after the programme\'s limit was lowered', async () => {
    const enrolment = office.create('enrolments', enrolmentFields(community, programme, { maturity: 'emerging', grantCents: 90_000 }));
    expect((await office.sync(server)).rejected).toEqual([]);
    office.update('programmes', programme, { grantLimitEmergingCents: 50_000 });
    expect((await office.sync(server)).rejected).toEqual([]);
    office.update('enrolments', enrolment, { end: '2027-12-31' });
    expect((await office.sync(server)).rejected).toEqual([]);
    office.update('enrolments', enrolment, { grantCents: 80_000 });
    expect((await office.sync(server)).rejected.map((rejection) => rejection.code)).toEqual(['over_grant_limit']);
    expect(await grantOf(enrolment)).toBe(90_000);
  });
});
