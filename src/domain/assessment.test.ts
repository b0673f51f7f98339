import { describe, expect, it } from 'vitest';
import type { AssessmentAnswer } from '../../protocol';
import { DEFAULT_QUESTIONNAIRE, blankAnswers, compareRounds, questionnaireOf } from './assessment';

function answer(statementId: string, themeId: string, score: number | null, words = statementId): AssessmentAnswer {
  return { statementId, themeId, themeLv: themeId, themeEn: themeId, lv: words, en: words, score, comment: '' };
}

describe('the questionnaire', () => {
  it('defaults to the shipped set, which covers the themes the programme asks for, every statement under a known theme', () => {
    expect(questionnaireOf(undefined)).toBe(DEFAULT_QUESTIONNAIRE);
    expect(questionnaireOf({ questionnaire: { themes: [], statements: [] } })).toBe(DEFAULT_QUESTIONNAIRE);
    const themes = new Set(DEFAULT_QUESTIONNAIRE.themes.map((theme) => theme.id));
    expect([...themes]).toEqual(expect.arrayContaining(['leadership', 'participation', 'municipality', 'ngos', 'resources', 'communication', 'sustainability']));
    for (const statement of DEFAULT_QUESTIONNAIRE.statements) expect(themes.has(statement.themeId)).toBe(true);
  });

  it('starts a round with the words of each statement and no scores', () => {
    const answers = blankAnswers(DEFAULT_QUESTIONNAIRE);
    expect(answers).toHaveLength(DEFAULT_QUESTIONNAIRE.statements.length);
    expect(answers[0]).toMatchObject({ statementId: 'lead-1', themeLv: 'Līderība', themeEn: 'Leadership', score: null });
  });
});

describe('compareRounds', () => {
  const first = { id: 'r1', date: '2026-01-10', label: 'Sākumā', answers: [answer('a', 'lead', 2), answer('b', 'lead', 4), answer('gone', 'comm', 1)] };
  const second = { id: 'r2', date: '2026-06-10', label: 'Vidū', answers: [answer('a', 'lead', 4, 'a reworded'), answer('b', 'lead', 5), answer('new', 'comm', 3)] };

  it('sets rounds oldest first, whatever order they come in', () => {
    expect(compareRounds([second, first]).rounds.map((round) => round.id)).toEqual(['r1', 'r2']);
  });

  it('keeps a statement removed later (empty in the later round) and one added later (empty in the earlier)', () => {
    const { statements } = compareRounds([first, second]);
    expect(statements.map((row) => [row.statementId, row.scores])).toEqual([
      ['a', [2, 4]], ['b', [4, 5]], ['gone', [1, undefined]], ['new', [undefined, 3]],
    ]);
    expect(statements[0]?.lv).toBe('a reworded');
  });

  it('gives each theme its mean per round and the change between rounds, over the statements each round asked', () => {
    const { themes } = compareRounds([first, second]);
    expect(themes).toEqual([
      { themeId: 'lead', lv: 'lead', en: 'lead', means: [3, 4.5], changes: [1.5] },
      { themeId: 'comm', lv: 'comm', en: 'comm', means: [1, 3], changes: [2] },
    ]);
  });

  it('leaves out unanswered statements from a mean, and has no change where a round answered nothing of the theme', () => {
    const third = { id: 'r3', date: '2026-12-01', label: '', answers: [answer('a', 'lead', null), answer('b', 'lead', null)] };
    const lead = compareRounds([first, second, third]).themes.find((theme) => theme.themeId === 'lead');
    expect(lead).toMatchObject({ means: [3, 4.5, null], changes: [1.5, null] });
  });
});
