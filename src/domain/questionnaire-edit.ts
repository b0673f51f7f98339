// The coordinator's editing of the self-assessment questionnaire: each theme
// with its statements one per line (Latvian, and English in the same order).
// A statement whose Latvian words stay keeps its id, so rounds compare across
// the edit; a new one gets a new id; past rounds keep their own words anyway
// (assessment.ts).
import type { Questionnaire } from '../../protocol';

export interface EditableTheme {
  id: string;
  lv: string;
  en: string;
  /** One statement a line. */
  statementsLv: string;
  statementsEn: string;
}

export function toEditable(questionnaire: Questionnaire): EditableTheme[] {
  return questionnaire.themes.map((theme) => {
    const statements = questionnaire.statements.filter((statement) => statement.themeId === theme.id);
    return {
      id: theme.id, lv: theme.lv, en: theme.en,
      statementsLv: statements.map((statement) => statement.lv).join('\n'),
      statementsEn: statements.map((statement) => statement.en).join('\n'),
    };
  });
}

const lines = (text: string) => text.split('\n').map((line) => line.trim());

/**
 * The questionnaire the edited themes describe. Themes without a name and blank lines are dropped;
 * `newId` makes ids for new themes and statements (letters, digits, `-` and `_`).
 */
export function fromEditable(themes: readonly EditableTheme[], previous: Questionnaire, newId: () => string): Questionnaire {
  const result: Questionnaire = { themes: [], statements: [] };
  for (const theme of themes) {
    if (theme.lv.trim() === '') continue;
    const themeId = theme.id || newId();
    result.themes.push({ id: themeId, lv: theme.lv.trim(), en: theme.en.trim() });
    const english = lines(theme.statementsEn);
    lines(theme.statementsLv).forEach((lv, index) => {
      if (lv === '') return;
      const kept = previous.statements.find((statement) => statement.themeId === themeId && statement.lv === lv);
      result.statements.push({ id: kept?.id ?? newId(), themeId, lv, en: english[index] ?? '' });
    });
  }
  return result;
}
