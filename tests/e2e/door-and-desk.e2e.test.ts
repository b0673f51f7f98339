// Consent at the door and people from a spreadsheet, end to end in Chromium against the built app and
// the real server: the coordinator words a new consent text (a new version); imports a 200-row XLSX
// with 5 bad rows, sees the problems before anything is written, imports the rest in one step and
// downloads the refused rows with their reasons; then at the event's door checks in an imported person
// who was never asked, answers the consent step, and the server holds the answers with the day, who
// recorded them and the text's version.
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  CONSENT_MISSING, STEP_TIMEOUT_MS, answerConsent, communitySection, createCommunity, createWorkshop, expectScreen, expectText,
  openCommunity, openWorkshop, searchAtCheckIn, visible,
} from './support/notebook-steps';
import { downloadBy, readCsv } from './support/report-steps';
import { useDeviceLab } from './support/device-lab';
import { apiSignIn, expectAllSent, openApp, setUpOrganisation, setupLinkOf, type Account } from './support/sync-steps';
import { pullEverything } from '../support/http-pull';

const ORGANISATION = 'Latgales kopienu tīkls';
const COORDINATOR: Account = { name: 'Ināra Zeltiņa', email: 'inara@kopienas.example', password: 'koordinatore-2026' };
const COMMUNITY = { name: 'Ludzas kopiena', municipality: 'Ludzas novads', parish: 'Ludza', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Kopienas sapulce', date: '2026-12-10', startTime: '17:00', endTime: '19:00',
  place: 'Ludzas tautas nams', programme: 'Drošas kopienas', facilitators: 'Ināra Zeltiņa',
};
const SHOTS = '/tmp/shots-door';
const NEW_TEXT = 'Piekrītu, ka Latgales kopienu tīkls glabā manu vārdu un tālruni, lai aicinātu mani uz sapulcēm.';

const LAPTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow', acceptDownloads: true,
};

const FIRST = ['Jānis', 'Anna', 'Pēteris', 'Līga', 'Māris', 'Ilze', 'Oskars', 'Dace', 'Edgars', 'Ķirsis'];
const LAST = ['Bērziņš', 'Ozoliņa', 'Kļaviņš', 'Ābele', 'Liepa', 'Kalniņa', 'Zariņš', 'Priede', 'Čakste', 'Gaile'];

/** 200 people, rows 2–201 of the sheet; five of them bad in five ways. */
function peopleSheet() {
  const people = Array.from({ length: 200 }, (_, i) => ({
    name: `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${Math.floor(i / 100) + 1}`,
    phone: 20_000_000 + i,
    email: i % 3 === 0 ? `persona${i}@example.lv` : '',
    household: `Mājas ${i + 1}`,
  }));
  const bad = { notLatvian: 9, tooShort: 49, noName: 89, badEmail: 129, repeated: 169 } as const;
  const rows: (string | number)[][] = people.map((p) => [p.name, p.phone, p.email, p.household]);
  rows[bad.notLatvian]![1] = '+370 600 00000';
  rows[bad.tooShort]![1] = '12345';
  rows[bad.noName]![0] = '';
  rows[bad.badEmail]![2] = 'nav-epasta';
  rows[bad.repeated] = [...rows[19]!];
  const header = ['Vārds, uzvārds', 'Tālrunis', 'E-pasts', 'Mājsaimniecība'];
  const data = [header, ...rows].map((row) => row.map((value) => (typeof value === 'number' ? { type: Number, value } : value === '' ? null : { value })));
  return { data, people, bad, rows };
}

describe('consent at the door and people from a spreadsheet', () => {
  let laptop: Page;
  let today: string;
  const pageErrors: string[] = [];
  const lab = useDeviceLab(pageErrors);
  const sheet = peopleSheet();
  const asked = sheet.rows[0]![0] as string;

  it('the coordinator sets up, makes a community and an event, and words a new consent text', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    laptop = await openApp(await lab.newDevice('laptop', LAPTOP), `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    today = await laptop.evaluate(() => new Date().toLocaleDateString('sv-SE'));
    await laptop.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Kopienas', exact: true }).click();
    await laptop.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(laptop, COMMUNITY);
    await createWorkshop(laptop, WORKSHOP);

    await laptop.goto('/settings');
    const consent = laptop.getByTestId('consent-text-settings');
    await expectText(consent.getByTestId('consent-current'), /^Pašlaik spēkā: versija 1,/);
    await consent.getByLabel('Teksts latviski', { exact: true }).fill(NEW_TEXT);
    await consent.getByRole('button', { name: 'Saglabāt kā jaunu versiju' }).click();
    await visible(consent.getByText('Saglabāta versija 2.'));
    await expectText(consent.getByTestId('consent-current'), /^Pašlaik spēkā: versija 2,/);
  });

  it('imports a 200-row XLSX: 5 bad rows marked before anything is written, 195 imported, the refused ones downloaded with reasons', async () => {
    await openCommunity(laptop, COMMUNITY.name);
    await communitySection(laptop, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(laptop, 'Dalībnieki');
    await laptop.getByRole('link', { name: 'Importēt no tabulas' }).click();
    await expectScreen(laptop, 'Dalībnieki no tabulas');

    const bytes = await writeXlsxFile(sheet.data).toBuffer();
    await laptop.locator('input[type="file"]').setInputFiles({
      name: 'ludzas-saraksts.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes,
    });
    await expectText(laptop.getByTestId('import-summary'), 'Failā 200 rindu: 195 derīgas, 5 atteiktas.');
    expect(await laptop.getByLabel('Kolonna “Tālrunis”', { exact: true }).inputValue()).toBe('phone');
    expect(await laptop.getByLabel('Kopiena rindām, kurās tā nav norādīta', { exact: true }).locator('option:checked').textContent()).toBe(COMMUNITY.name);
    const preview = laptop.getByRole('region', { name: 'Pirmās 20 rindas' });
    await visible(preview.getByRole('row').filter({ hasText: '+370 600 00000' }).getByText('✗ Tālrunis nav Latvijas numurs'));
    await visible(preview.getByRole('row').filter({ hasText: sheet.people[0]!.name }).getByText('✓ Derīga'));
    await visible(preview.getByText('+371 2000 0000'));
    mkdirSync(SHOTS, { recursive: true });
    await laptop.screenshot({ path: `${SHOTS}/import-preview.png`, fullPage: true });

    await laptop.getByRole('button', { name: 'Importēt 195 derīgās rindas' }).click();
    await expectText(laptop.getByTestId('import-done'), 'Importēti 195 dalībnieki. Atteiktas 5 rindas.');
    const refused = await downloadBy(laptop, laptop.getByRole('button', { name: 'Lejupielādēt atteiktās rindas (CSV)' }));
    expect(refused.name).toBe(`talka-atteiktas-rindas-ludzas-saraksts-${today}.csv`);
    const rows = readCsv(refused.bytes);
    expect(rows[0]).toEqual(['Rinda', 'Vārds, uzvārds', 'Tālrunis', 'E-pasts', 'Mājsaimniecība', 'Iemesls']);
    expect(rows.slice(1).map((row) => [row[0], row[5]])).toEqual([
      [String(sheet.bad.notLatvian + 2), 'Tālrunis nav Latvijas numurs'],
      [String(sheet.bad.tooShort + 2), 'Tālrunis nav Latvijas numurs'],
      [String(sheet.bad.noName + 2), 'Nav vārda'],
      [String(sheet.bad.badEmail + 2), 'Nederīga e-pasta adrese'],
      [String(sheet.bad.repeated + 2), 'Atkārtojas failā'],
    ]);
    await expectAllSent(laptop);
    const token = await apiSignIn(lab.server.url, COORDINATOR);
    const people = (await pullEverything(lab.server.url, token)).filter((change) => change.table === 'participants');
    expect(people).toHaveLength(195);
  });

  it('at the door, an imported person never asked is asked the new text; the answers are recorded with the day, who and the version', async () => {
    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    await laptop.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
    await expectScreen(laptop, 'Reģistrācija');
    const person = await searchAtCheckIn(laptop, 'berzins 2000 0000', asked);
    await expectText(person.locator('.checkin-toggle__consent'), CONSENT_MISSING);
    await person.click();
    const dialog = laptop.getByRole('dialog', { name: `Piekrišana: ${asked}` });
    await visible(dialog.getByText(NEW_TEXT, { exact: true }));
    await visible(dialog.getByText(/^Piekrišanas teksts · Versija 2, spēkā no/));
    // On a phone the step fits the screen: nothing wider than it.
    await laptop.setViewportSize({ width: 360, height: 740 });
    await laptop.screenshot({ path: `${SHOTS}/consent-step-360.png` });
    expect(await dialog.evaluate((element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= 360)).toBe(true);
    await laptop.setViewportSize(LAPTOP.viewport!);
    await answerConsent(laptop, asked, { consentData: true, consentPhotos: false });
    await expect.poll(() => person.getAttribute('aria-pressed'), { timeout: STEP_TIMEOUT_MS }).toBe('true');
    await expectText(laptop.getByTestId('checkin-count'), '1 dalībnieks');
    // The people and the attendance are two live queries: the answers may show a moment after the check-in.
    await expect.poll(() => laptop.getByTestId('consent-missing-count').count(), { timeout: STEP_TIMEOUT_MS }).toBe(0);

    // Someone else is checked in now and asked later: the list says consent is missing.
    const later = sheet.people[1]!.name;
    await searchAtCheckIn(laptop, `${FIRST[1]} 2000 0001`, later).then((button) => button.click());
    await answerConsent(laptop, later, 'later');
    await expectText(laptop.getByTestId('consent-missing-count'), 'Piekrišana nav reģistrēta 1 ieradušajam');

    await expectAllSent(laptop);
    const token = await apiSignIn(lab.server.url, COORDINATOR);
    const changes = await pullEverything(lab.server.url, token);
    const me = await fetch(`${lab.server.url}/api/auth/me`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.json() as Promise<{ user: { id: string } }>);
    const record = changes.find((change) => change.table === 'participants' && change.fields.name === asked);
    expect(record?.fields).toMatchObject({
      consentData: true, consentPhotos: false, consentDate: today, consentVersion: '2', consentBy: me.user.id,
    });
    expect(changes.filter((change) => change.table === 'attendance')).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  });
});
