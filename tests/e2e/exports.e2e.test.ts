// The coordinator's desk, end to end in Chromium against the built app and the
// real server: a workshop with participants is recorded through the screens;
// its participant list is downloaded as XLSX and CSV and read back with a
// library (Latvian letters intact, consent and contact as agreed); the
// programme's participants over a quarter and the needs come out as XLSX; the
// sign-in sheet and the report render for print on A4; and a participant
// erased on the coordinator's laptop loses their name on a second device at
// its next sync, while their attendance still counts.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  STEP_TIMEOUT_MS, addDot, addNeedCard, addParticipant, addWalkIn, checkInBySearch, chooseVoter, communitySection, createCommunity,
  createProgramme, createWorkshop, expectScreen, expectText, openCommunity, openWorkshop, typeNotes, visible,
} from './support/notebook-steps';
import {
  UTF8_BOM, downloadBy, eraseOnDataPage, inkShare, openExportsFromReport, openParticipantData, openSignInSheet, openWorkshopReport,
  pdfPageCount, pdfPageSize, readCsv, readWorkbook,
} from './support/report-steps';
import { useDeviceLab } from './support/device-lab';
import {
  apiSignIn, expectAllSent, liveRecords, openApp, setUpOrganisation, setupLinkOf, signIn, syncNow, type Account,
} from './support/sync-steps';
import { pullEverything } from '../support/http-pull';

const SHOTS = '/tmp/shots-reports';
const ORGANISATION = 'Vidzemes kopienu centrs';
const COORDINATOR: Account = { name: 'Dace Priede', email: 'dace@kopienas.example', password: 'koordinatore-2026' };
const COMMUNITY = { name: 'Ērgļu kopiena', municipality: 'Madonas novads', parish: 'Ērgļi', maturity: 'Aktīva' } as const;
const WORKSHOP = {
  title: 'Apkaimes darbnīca', date: '2026-11-23', startTime: '18:00', endTime: '20:30',
  place: 'Ērgļu saieta nams', programme: 'Drošas kopienas', facilitators: 'Ilze Kalniņa, Māris Liepa',
};
const JANIS = { name: 'Jānis Bērziņš', household: 'Kalnāji', phone: '+371 26 000 001', consentData: true, consentPhotos: true };
// Gave a phone number but no consent to keeping data: it must not be exported.
const LIGA = { name: 'Līga Ābele', household: 'Ūdri', phone: '+371 29 000 003' };
// On the list but not at the workshop.
const ANNA = { name: 'Anna Ozoliņa', consentData: true };
// Walks in at the door.
const PETERIS = { name: 'Pēteris Kļaviņš', household: 'Lejas Ķiķi', consentData: true };
const LIGHTS = { title: 'Apgaismojums pie pieturas', category: 'Drošība' };
const NOTES = 'Ļoti aktīva diskusija par ceļu un gaismu.';
const LETTERS = /[āčēģīķļņšūž]/i;

const LAPTOP: BrowserContextOptions = {
  viewport: { width: 1280, height: 800 }, locale: 'lv-LV', timezoneId: 'Europe/Riga', serviceWorkers: 'allow', acceptDownloads: true,
};

describe('exports, print and a personal data request', () => {
  let laptop: Page;
  let tablet: Page;
  let today: string;
  const pageErrors: string[] = [];

  const lab = useDeviceLab(pageErrors);
  const { newDevice } = lab;

  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  it('the coordinator records a workshop: people on the list, three checked in, a need, dots and notes', async () => {
    const setupLink = new URL(await setupLinkOf(lab.server));
    laptop = await openApp(await newDevice('laptop', LAPTOP), `${setupLink.pathname}${setupLink.hash}`);
    await setUpOrganisation(laptop, ORGANISATION, COORDINATOR);
    today = await laptop.evaluate(() => new Date().toLocaleDateString('sv-SE'));

    await laptop.getByRole('navigation', { name: 'Galvenā navigācija' }).getByRole('link', { name: 'Kopienas', exact: true }).click();
    await laptop.getByRole('link', { name: /Jauna kopiena/ }).click();
    await createCommunity(laptop, COMMUNITY);
    // The workshop is of a programme the coordinator writes down first: the programme export chooses it by name.
    await createProgramme(laptop, { name: WORKSHOP.programme, start: '2026-01-01' });
    await openCommunity(laptop, COMMUNITY.name);
    await createWorkshop(laptop, WORKSHOP);
    await typeNotes(laptop, NOTES);

    await openCommunity(laptop, COMMUNITY.name);
    await communitySection(laptop, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(laptop, 'Dalībnieki');
    for (const person of [JANIS, LIGA, ANNA]) await addParticipant(laptop, person);

    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    await laptop.getByRole('link', { name: /^Dalībnieku reģistrācija/ }).click();
    await expectScreen(laptop, 'Reģistrācija');
    await checkInBySearch(laptop, 'berzins', JANIS.name);
    await checkInBySearch(laptop, 'abele', LIGA.name);
    await addWalkIn(laptop, PETERIS);

    await laptop.getByRole('link', { name: /Atpakaļ/ }).click();
    await expectScreen(laptop, WORKSHOP.title);
    await laptop.getByRole('link', { name: /^Vajadzību kartītes/ }).click();
    await addNeedCard(laptop, LIGHTS);
    await laptop.getByRole('link', { name: 'Balsošana', exact: true }).click();
    await expectScreen(laptop, 'Balsošana ar punktiem');
    await chooseVoter(laptop, JANIS.name);
    await addDot(laptop, LIGHTS.title);
    await chooseVoter(laptop, LIGA.name);
    await addDot(laptop, LIGHTS.title);
    await expectAllSent(laptop);
  });

  it('downloads the workshop\'s participant list as XLSX and reads it back: Latvian letters, consent, contact only with consent', async () => {
    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    await openWorkshopReport(laptop);
    await openExportsFromReport(laptop);
    await expectText(laptop.getByTestId('workshop-export-count'), '3 dalībnieki');

    const xlsx = await downloadBy(laptop, laptop.getByRole('button', { name: 'Pasākuma dalībnieki — XLSX' }));
    expect(xlsx.name).toBe('talka-dalibnieki-erglu-kopiena-2026-11-23.xlsx');
    writeFileSync(`${SHOTS}/${xlsx.name}`, xlsx.bytes);
    const sheets = await readWorkbook(xlsx.bytes);
    const rows = sheets.get('Dalībnieki')!;
    expect(rows[0]).toEqual([
      'Nr.', 'Vārds, uzvārds', 'Kopiena', 'Mājsaimniecība', 'Loma', 'Tālrunis', 'E-pasts',
      'Piekrīt datu glabāšanai', 'Piekrīt fotografēšanai', 'Piekrišanas datums', 'Ieradās',
    ]);
    expect(rows.slice(1).map((row) => row.slice(0, 9))).toEqual([
      [1, JANIS.name, COMMUNITY.name, JANIS.household, 'Iedzīvotājs', JANIS.phone, null, 'Jā', 'Jā'],
      [2, LIGA.name, COMMUNITY.name, LIGA.household, 'Iedzīvotājs', null, null, 'Nē', 'Nē'],
      [3, PETERIS.name, COMMUNITY.name, PETERIS.household, 'Iedzīvotājs', null, null, 'Jā', 'Nē'],
    ]);
    // Consent is dated the day it was ticked; a real date in the spreadsheet.
    expect((rows[1]![9] as Date).toISOString().slice(0, 10)).toBe(today);
    expect(rows[2]![9]).toBeNull();
    for (const row of rows.slice(1)) expect(row[10]).toMatch(/^\d{2}:\d{2}$/);
    expect(rows.flat().filter((cell) => typeof cell === 'string' && LETTERS.test(cell)).length).toBeGreaterThan(5);
  });

  it('downloads the same list as CSV: UTF-8 with a byte-order mark, read back with papaparse', async () => {
    const csv = await downloadBy(laptop, laptop.getByRole('button', { name: 'Pasākuma dalībnieki — CSV' }));
    expect(csv.name).toBe('talka-dalibnieki-erglu-kopiena-2026-11-23.csv');
    writeFileSync(`${SHOTS}/${csv.name}`, csv.bytes);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(UTF8_BOM);
    const rows = readCsv(csv.bytes);
    expect(rows[0]![1]).toBe('Vārds, uzvārds');
    expect(rows.slice(1).map((row) => row.slice(0, 9))).toEqual([
      // A leading + would make a spreadsheet compute the phone number: the CSV puts an apostrophe before it.
      ['1', JANIS.name, COMMUNITY.name, JANIS.household, 'Iedzīvotājs', `'${JANIS.phone}`, '', 'Jā', 'Jā'],
      ['2', LIGA.name, COMMUNITY.name, LIGA.household, 'Iedzīvotājs', '', '', 'Nē', 'Nē'],
      ['3', PETERIS.name, COMMUNITY.name, PETERIS.household, 'Iedzīvotājs', '', '', 'Jā', 'Nē'],
    ]);
    expect(rows[1]![9]).toBe(today);
    expect(csv.bytes.toString('utf8')).not.toContain(LIGA.phone);
  });

  it('exports the programme\'s participants over a quarter with a summary, and the needs with their dots', async () => {
    const section = laptop.getByRole('region', { name: 'Programmas dalībnieki periodā' });
    await section.getByLabel('No', { exact: true }).fill('2026-10-01');
    await section.getByLabel('Līdz', { exact: true }).fill('2026-12-31');
    await expectText(laptop.getByTestId('programme-export-summary'), '1 pasākums · 3 dalībnieki · 3 apmeklējumi');
    const programme = await downloadBy(laptop, laptop.getByRole('button', { name: 'Programmas dalībnieki — XLSX' }));
    expect(programme.name).toBe('talka-dalibnieki-drosas-kopienas-2026-10-01-2026-12-31.xlsx');
    writeFileSync(`${SHOTS}/${programme.name}`, programme.bytes);
    const sheets = await readWorkbook(programme.bytes);
    expect([...sheets.keys()]).toEqual(['Kopsavilkums', 'Dalībnieki', 'Apmeklējums', 'Pasākumi']);
    expect(sheets.get('Kopsavilkums')!.slice(1)).toEqual([
      ['Programma', 'Drošas kopienas'], ['Periods', '2026-10-01 – 2026-12-31'], ['Pasākumi', 1], ['Unikālie dalībnieki', 3],
      ['Apmeklējumi kopā', 3], ['Sagatavots', today],
    ]);
    const participants = sheets.get('Dalībnieki')!;
    expect(participants.slice(1).map((row) => [row[1], row[10], row[11]])).toEqual([
      [JANIS.name, 1, `2026-11-23 ${WORKSHOP.title}`], [LIGA.name, 1, `2026-11-23 ${WORKSHOP.title}`], [PETERIS.name, 1, `2026-11-23 ${WORKSHOP.title}`],
    ]);
    expect(sheets.get('Pasākumi')!.slice(1).map((row) => [row[1], row[2], row[5]])).toEqual([[WORKSHOP.title, COMMUNITY.name, 3]]);

    const needs = await downloadBy(laptop, laptop.getByRole('button', { name: 'Vajadzības ar balsīm — XLSX' }));
    expect(needs.name).toBe(`talka-vajadzibas-visas-kopienas-${today}.xlsx`);
    const needRows = (await readWorkbook(needs.bytes)).get('Vajadzības')!;
    expect(needRows.slice(1).map((row) => [row[0], row[1], row[3], row[4], row[5]])).toEqual([
      [COMMUNITY.name, LIGHTS.title, 'Drošība', 'Izvirzīta', 2],
    ]);

    // The retention review: everyone was seen today.
    await expectText(laptop.getByTestId('retention-count'), 'Visi dalībnieki ir redzēti pēdējo 24 mēnešu laikā.');
    await laptop.screenshot({ path: `${SHOTS}/exports-screen.png`, fullPage: true });
  });

  it('the sign-in sheet prints on one A4 page: header, three people, ten blank rows, not blank', async () => {
    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    await openSignInSheet(laptop);
    const sheet = laptop.getByRole('article', { name: 'Drukājamā reģistrācijas lapa' });
    await expectText(sheet.getByRole('heading', { level: 2 }), WORKSHOP.title);
    const rows = sheet.getByRole('row');
    await expect.poll(() => rows.count(), { timeout: STEP_TIMEOUT_MS }).toBe(1 + 3 + 10);
    expect(await sheet.getByRole('cell', { name: JANIS.name, exact: true }).count()).toBe(1);
    await visible(laptop.getByRole('button', { name: 'Drukāt', exact: true }));

    await laptop.emulateMedia({ media: 'print' });
    const shot = await laptop.screenshot({ path: `${SHOTS}/sign-in-sheet-print.png`, fullPage: true });
    expect(await inkShare(laptop, shot)).toBeGreaterThan(0.01);
    await expect.poll(() => laptop.getByRole('button', { name: 'Drukāt', exact: true }).isVisible()).toBe(false);
    // page.pdf prints with the emulated media: back to the browser's own (print when printing).
    await laptop.emulateMedia({ media: null });

    // page.pdf prints with the emulated media: back to the browser's own (print when printing).
    await laptop.emulateMedia({ media: null });
    const pdf = await laptop.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${SHOTS}/sign-in-sheet.pdf`, pdf);
    expect(pdfPageCount(pdf)).toBe(1);
    const size = pdfPageSize(pdf)!;
    // A4 is 595.3 × 841.9 points; Chromium rounds to whole CSS pixels.
    expect(Math.abs(size.width - 595.3)).toBeLessThan(2);
    expect(Math.abs(size.height - 841.9)).toBeLessThan(2);

    // The community's whole list with 40 blank rows runs onto more pages, each a full table.
    await laptop.getByLabel(/^Visus kopienas dalībniekus/).check();
    await laptop.getByLabel('Tukšās rindas jauniem dalībniekiem', { exact: true }).fill('40');
    await expect.poll(() => rows.count(), { timeout: STEP_TIMEOUT_MS }).toBe(1 + 4 + 40);
    const longPdf = await laptop.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${SHOTS}/sign-in-sheet-44.pdf`, longPdf);
    expect(pdfPageCount(longPdf)).toBeGreaterThanOrEqual(2);
    expect(pdfPageCount(longPdf)).toBeLessThanOrEqual(3);
  });

  it('the workshop report renders with its figures and prints on one or two A4 pages', async () => {
    await laptop.getByRole('link', { name: /Atpakaļ/ }).click();
    await expectScreen(laptop, WORKSHOP.title);
    await openWorkshopReport(laptop);
    const report = laptop.getByRole('article', { name: 'Drukājamais pasākuma pārskats' });
    await expectText(report.getByTestId('report-attendance'), 'Piedalījās 3 dalībnieki');
    await visible(report.getByText(NOTES, { exact: true }));
    await expectText(report.getByRole('region', { name: 'Vajadzības un balsis' }).getByRole('row').nth(1), `1 ${LIGHTS.title} Drošība Izvirzīta 2`);
    await visible(report.getByText(/^Vieta foto/));

    await laptop.emulateMedia({ media: 'print' });
    const shot = await laptop.screenshot({ path: `${SHOTS}/workshop-report-print.png`, fullPage: true });
    expect(await inkShare(laptop, shot)).toBeGreaterThan(0.01);
    // page.pdf prints with the emulated media: back to the browser's own (print when printing).
    await laptop.emulateMedia({ media: null });
    const pdf = await laptop.pdf({ format: 'A4', printBackground: true });
    writeFileSync(`${SHOTS}/workshop-report.pdf`, pdf);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
    expect(pdfPageCount(pdf)).toBeLessThanOrEqual(2);
  });

  it('a second device signs in and has Jānis by name', async () => {
    tablet = await openApp(await newDevice('tablet', { ...LAPTOP, viewport: { width: 1024, height: 768 }, hasTouch: true }), '/login');
    await signIn(tablet, COORDINATOR);
    await expectAllSent(tablet);
    await openCommunity(tablet, COMMUNITY.name);
    await communitySection(tablet, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(tablet, 'Dalībnieki');
    await visible(tablet.getByRole('listitem').filter({ hasText: JANIS.name }));
  });

  it('the coordinator downloads Jānis\'s data as JSON and erases him; the export then has an anonymous row', async () => {
    await openCommunity(laptop, COMMUNITY.name);
    await communitySection(laptop, COMMUNITY.name, 'Dalībnieki').click();
    await expectScreen(laptop, 'Dalībnieki');
    await openParticipantData(laptop, JANIS.name);
    await visible(laptop.getByRole('region', { name: 'Apmeklētie pasākumi (1)' }));
    await visible(laptop.getByRole('region', { name: 'Balsis (1)' }));

    const json = await downloadBy(laptop, laptop.getByRole('button', { name: /Lejupielādēt JSON/ }));
    expect(json.name).toBe(`talka-personas-dati-janis-berzins-${today}.json`);
    const document = JSON.parse(json.bytes.toString('utf8'));
    expect(document.participant).toMatchObject({ name: JANIS.name, household: JANIS.household, phone: JANIS.phone });
    expect(document.attendance).toEqual([expect.objectContaining({ workshop: WORKSHOP.title, date: WORKSHOP.date })]);
    expect(document.votes).toEqual([expect.objectContaining({ need: LIGHTS.title })]);

    await eraseOnDataPage(laptop);
    await visible(laptop.getByText(/^Šī dalībnieka personas dati ir dzēsti/));
    await visible(laptop.getByRole('region', { name: 'Apmeklētie pasākumi (1)' }));
    await laptop.screenshot({ path: `${SHOTS}/participant-erased.png`, fullPage: true });
    await expectAllSent(laptop);

    await openWorkshop(laptop, COMMUNITY.name, WORKSHOP.title);
    await openWorkshopReport(laptop);
    await openExportsFromReport(laptop);
    await expectText(laptop.getByTestId('workshop-export-count'), '3 dalībnieki');
    const csv = await downloadBy(laptop, laptop.getByRole('button', { name: 'Pasākuma dalībnieki — CSV' }));
    const rows = readCsv(csv.bytes);
    expect(rows.slice(1).map((row) => row.slice(1, 10))).toEqual([
      [LIGA.name, COMMUNITY.name, LIGA.household, 'Iedzīvotājs', '', '', 'Nē', 'Nē', ''],
      [PETERIS.name, COMMUNITY.name, PETERIS.household, 'Iedzīvotājs', '', '', 'Jā', 'Nē', today],
      ['Dzēsts dalībnieks', COMMUNITY.name, '', '', '', '', '', '', ''],
    ]);
    expect(csv.bytes.toString('utf8')).not.toMatch(/Jānis|Bērziņš|Kalnāji|26 000 001/);
  });

  it('the second device syncs: the name is gone, the attendance still counts', async () => {
    await syncNow(tablet);
    await expectAllSent(tablet);
    const list = tablet.getByRole('list').filter({ has: tablet.getByText('Dzēsts dalībnieks', { exact: true }) });
    await visible(list);
    expect(await tablet.getByText(JANIS.name).count()).toBe(0);
    await visible(tablet.getByText('Dati dzēsti pēc pieprasījuma', { exact: true }));
    // Nothing of him is left in the device's database.
    const stored = await tablet.evaluate(() => new Promise<string>((resolve, reject) => {
      const open = indexedDB.open('talka');
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const request = open.result.transaction('participants').objectStore('participants').getAll();
        request.onsuccess = () => { resolve(JSON.stringify(request.result)); open.result.close(); };
        request.onerror = () => reject(request.error);
      };
    }));
    expect(stored).toContain('Dzēsts dalībnieks');
    expect(stored).not.toMatch(/Jānis|Bērziņš|Kalnāji|26 000 001/);

    await openWorkshop(tablet, COMMUNITY.name, WORKSHOP.title);
    await expectText(tablet.getByTestId('attendance-count'), '3 dalībnieki');

    // And the server holds the erased record only.
    const token = await apiSignIn(lab.server.url, COORDINATOR);
    const participants = liveRecords(await pullEverything(lab.server.url, token), 'participants');
    expect(participants.map((p) => p.fields.name).sort()).toEqual([ANNA.name, 'Dzēsts dalībnieks', LIGA.name, PETERIS.name].sort());
    expect(JSON.stringify(participants)).not.toMatch(/Jānis|Bērziņš|Kalnāji|26 000 001/);
  });

  it('threw no uncaught error on any device', () => {
    expect(pageErrors).toEqual([]);
  });
});
