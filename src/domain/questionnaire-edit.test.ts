import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE } from './assessment';
import { fromEditable, toEditable } from './questionnaire-edit';

const ids = () => {
  let n = 0;
  return () => `new-${++n}`;
};

describe('editing the questionnaire', () => {
  it('round-trips the default set unchanged', () => {
    expect(fromEditable(toEditable(DEFAULT_QUESTIONNAIRE), DEFAULT_QUESTIONNAIRE, ids())).toEqual(DEFAULT_QUESTIONNAIRE);
  });

  it('keeps the id of a statement whose words stay, gives a new one to a new statement, and drops blank lines and nameless themes', () => {
    const themes = toEditable(DEFAULT_QUESTIONNAIRE);
    themes[0] = { ...themes[0]!, statementsLv: `${themes[0]!.statementsLv}\n\nKopienai ir vietējais līderis.`, statementsEn: `${themes[0]!.statementsEn}\n\nThe community has a local leader.` };
    themes.push({ id: '', lv: 'Drošība', en: 'Safety', statementsLv: 'Iedzīvotāji jūtas droši.', statementsEn: '' });
    themes.push({ id: '', lv: '  ', en: '', statementsLv: 'Nekur', statementsEn: '' });
    const edited = fromEditable(themes, DEFAULT_QUESTIONNAIRE, ids());
    const leadership = edited.statements.filter((statement) => statement.themeId === 'leadership');
    expect(leadership.map((statement) => statement.id)).toEqual(['lead-1', 'lead-2', 'new-1']);
    expect(leadership[2]).toMatchObject({ lv: 'Kopienai ir vietējais līderis.', en: 'The community has a local leader.' });
    expect(edited.themes.at(-1)).toEqual({ id: 'new-2', lv: 'Drošība', en: 'Safety' });
    expect(edited.statements.at(-1)).toEqual({ id: 'new-3', themeId: 'new-2', lv: 'Iedzīvotāji jūtas droši.', en: '' });
    expect(edited.themes.some((theme) => theme.lv.trim() === '')).toBe(false);
  });
});
