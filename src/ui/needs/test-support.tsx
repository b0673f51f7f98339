// Fixtures for the needs and resources screen tests: a real database and
// notebook, a seeded community, and a screen rendered at a route.
import { fireEvent } from '@testing-library/preact';
import type { ComponentType } from 'preact';
import type { EditableFields } from '../../../protocol';
import type { Notebook } from '../../db';
import { renderAt, type TestServices } from '../test-support';

export { openTestNotebook as openNotebook, closeTestNotebook as closeNotebook } from '../test-support';

export async function seedCommunity(notebook: Notebook): Promise<string> {
  return notebook.create('communities', {
    name: 'Kalnciema kopiena', municipality: 'LV-041', parish: 'Kalnciems', description: '', maturity: 'emerging', contacts: [],
  });
}

export async function seedWorkshop(notebook: Notebook, communityId: string, dotsPerPerson = 2) {
  const fields: EditableFields<'workshops'> = {
    communityId, title: 'Apkaimes darbnīca', kind: 'workshop', date: '2026-03-14', startTime: '18:00', endTime: '',
    place: 'Tautas nams', programme: '', facilitators: '', agenda: '', notes: '', status: 'held', dotsPerPerson,
  };
  const id = await notebook.create('workshops', fields);
  return { id, communityId };
}

export async function seedParticipant(notebook: Notebook, communityId: string, name: string): Promise<string> {
  return notebook.create('participants', {
    communityId, name, household: '', phone: '', email: '', role: 'resident',
    consentData: true, consentPhotos: false, consentDate: '2026-03-14', erased: false,
  });
}

export async function seedNeed(notebook: Notebook, communityId: string, title: string, extra: Partial<EditableFields<'needs'>> = {}) {
  return notebook.create('needs', {
    communityId, workshopId: null, title, description: '', category: 'other', status: 'raised', owner: '', ...extra,
  });
}

/** Renders one screen as the app would at `url`, its route `pattern` giving the params. */
export function renderScreen(services: TestServices, url: string, pattern: string, Screen: ComponentType) {
  return renderAt(services, pattern, url, Screen);
}

/**
 * Presses Enter in a text field. happy-dom does not submit a form on Enter
 * the way a browser does (implicit submission), so this does it for it.
 */
export function pressEnter(input: HTMLInputElement): void {
  const proceed = fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  if (proceed) input.form?.requestSubmit();
}
