// Steps around the organisation's people register: events held by several
// communities, who is assigned to a community, the register with its likely
// duplicates, the side-by-side merge and its undo, and an axe audit of a
// screen. Driven by the Latvian words on screen like notebook-steps.ts.
import axe from 'axe-core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { STEP_TIMEOUT_MS, chooseProgramme, expectScreen, visible, type WorkshopInput } from './notebook-steps';

function mainNav(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Galvenā navigācija' });
}

// ── Events of several communities ─────────────────────────────────────────

export interface EventInput extends WorkshopInput {
  /** As "Veids" lists it, e.g. "Forums". */
  kind: string;
  /** Communities ticked besides the one whose page the form was opened from. */
  alsoHeldBy: readonly string[];
}

/** From a community's page: "Jauns pasākums", tick the other communities that hold it, fill, save; ends on its page. */
export async function createEventOfCommunities(page: Page, event: EventInput, openedFrom: string): Promise<void> {
  await page.getByRole('link', { name: /Jauns pasākums/ }).click();
  await expectScreen(page, 'Jauns pasākums');
  const held = page.getByRole('group', { name: 'Kopienas, kas piedalās' });
  await expect.poll(() => held.getByLabel(openedFrom, { exact: true }).isChecked(), { timeout: STEP_TIMEOUT_MS }).toBe(true);
  for (const community of event.alsoHeldBy) await held.getByLabel(community, { exact: true }).check();
  await page.getByLabel('Nosaukums', { exact: true }).fill(event.title);
  await page.getByLabel('Veids', { exact: true }).selectOption({ label: event.kind });
  await page.getByLabel('Datums', { exact: true }).fill(event.date);
  await page.getByLabel('Sākums', { exact: true }).fill(event.startTime);
  await page.getByLabel('Beigas', { exact: true }).fill(event.endTime);
  await page.getByLabel('Vieta', { exact: true }).fill(event.place);
  await chooseProgramme(page, event.programme);
  await page.getByLabel('Fasilitatori', { exact: true }).fill(event.facilitators);
  await page.getByRole('button', { name: 'Saglabāt' }).click();
  await expectScreen(page, event.title);
}

// ── Assignments ───────────────────────────────────────────────────────────

/** On a community's page (a coordinator's): the checkbox "Kam piešķirta kopiena" shows for a user, e.g. "Māris Liepa — Fasilitators". */
export function assignmentBox(page: Page, label: string): Locator {
  return page.getByRole('region', { name: 'Kam piešķirta kopiena' }).getByRole('checkbox', { name: label, exact: true });
}

/** Ticks or clears a user's assignment to the community whose page is open, and waits for the box to say so. */
export async function setAssigned(page: Page, label: string, assigned: boolean): Promise<void> {
  const box = assignmentBox(page, label);
  await visible(box);
  if (assigned) await box.check();
  else await box.uncheck();
  await expect.poll(() => box.isChecked(), { timeout: STEP_TIMEOUT_MS }).toBe(assigned);
}

// ── The register ──────────────────────────────────────────────────────────

export async function openPeople(page: Page): Promise<void> {
  await mainNav(page).getByRole('link', { name: 'Cilvēki', exact: true }).click();
  await expectScreen(page, 'Cilvēku reģistrs');
}

const PEOPLE_COUNT = /^\d+ cilvēk/;

/** The register's heading that counts the people, e.g. "3 cilvēki". */
export function peopleCount(page: Page): Locator {
  return page.getByRole('heading', { level: 2, name: PEOPLE_COUNT });
}

/** The rows of the register's list of people (not the duplicates, not the merged). */
export function peopleRows(page: Page): Locator {
  return page.getByRole('region', { name: PEOPLE_COUNT }).getByRole('listitem');
}

/** "Iespējamie dublikāti": the section (a coordinator's). */
export function duplicatesSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Iespējamie dublikāti', exact: true });
}

/** The suggested pairs listed under "Iespējamie dublikāti". */
export function duplicatePairs(page: Page): Locator {
  return duplicatesSection(page).getByRole('listitem');
}

/** "Apvienotie ieraksti": merged-away records, each with the person who stays. */
export function mergedSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Apvienotie ieraksti', exact: true });
}

/** The fieldset of one question on the merge screen, e.g. "Kurš ieraksts paliek" or "Tālrunis". */
export function mergeQuestion(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

// ── Accessibility ─────────────────────────────────────────────────────────

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface AxeResult {
  id: string;
  impact?: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

declare global {
  interface Window {
    axe?: { run: (context: Document, options: object) => Promise<{ violations: AxeResult[] }> };
  }
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules and best practices) on the screen as it stands and
 * returns the serious and critical violations, each with the elements it found them on.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => window.axe !== undefined))) await page.evaluate(axe.source);
  return page.evaluate(async () => {
    if (!window.axe) throw new Error('axe-core did not load');
    const { violations } = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({
        id: violation.id, impact: violation.impact ?? null, help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      }));
  });
}
