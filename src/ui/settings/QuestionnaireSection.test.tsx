import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsId } from '../../../protocol';
import { DEFAULT_QUESTIONNAIRE } from '../../domain/assessment';
import { closeTestNotebook, openTestNotebook, renderWithServices, type TestServices } from '../test-support';
import { QuestionnaireSection } from './QuestionnaireSection';

let services: TestServices;
beforeEach(() => {
  services = openTestNotebook();
  renderWithServices(services, <QuestionnaireSection organisationId="org-1" />);
});
afterEach(() => closeTestNotebook(services));

describe('the self-assessment questionnaire in the settings', () => {
  it('starts from the default set; a statement added to a theme is saved in the organisation\'s settings, the others keep their ids', async () => {
    const leadership = await screen.findByRole('group', { name: 'Līderība' });
    const statements = within(leadership).getByLabelText<HTMLTextAreaElement>('Apgalvojumi (katrs savā rindā)');
    expect(statements.value.split('\n')).toHaveLength(2);
    fireEvent.input(statements, { target: { value: `${statements.value}\nKopienai ir vietējais līderis.` } });
    fireEvent.submit(statements.form!);
    expect(await screen.findByText('Anketa saglabāta.')).toBeTruthy();
    const saved = (await services.db.settings.get(settingsId('org-1')))?.questionnaire;
    expect(saved?.statements).toHaveLength(DEFAULT_QUESTIONNAIRE.statements.length + 1);
    expect(saved?.statements.filter((statement) => statement.themeId === 'leadership').map((statement) => statement.id).slice(0, 2)).toEqual(['lead-1', 'lead-2']);
    expect(await services.db.outbox.where('recordId').equals(settingsId('org-1')).count()).toBe(1);
  });
});
