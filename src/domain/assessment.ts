// The community self-assessment (docs/protocol.md, Records: assessmentRounds). The questionnaire lives in the
// organisation's settings record (`questionnaire`), written by coordinators; until one is saved the default set
// below is used. A round copies each statement's words with its score, so editing the questionnaire later never
// changes a past round; rounds are compared by statement id and theme id.
import type { AssessmentAnswer, AssessmentRound, Questionnaire } from '../../protocol';

/** The default questionnaire: Latvian first, English beside it. */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = {
  themes: [
    { id: 'leadership', lv: 'Līderība', en: 'Leadership' },
    { id: 'participation', lv: 'Iedzīvotāju līdzdalība', en: 'Residents taking part' },
    { id: 'municipality', lv: 'Sadarbība ar pašvaldību', en: 'Cooperation with the municipality' },
    { id: 'ngos', lv: 'Sadarbība ar NVO', en: 'Cooperation with NGOs' },
    { id: 'resources', lv: 'Kopienas resursi', en: "The community's resources" },
    { id: 'communication', lv: 'Komunikācija', en: 'Communication' },
    { id: 'sustainability', lv: 'Ilgtspēja bez programmas', en: 'Going on without the programme' },
  ],
  statements: [
    { id: 'lead-1', themeId: 'leadership', lv: 'Kopienā ir cilvēki, kas uzņemas vadību un atbildību.', en: 'People in the community take the lead and responsibility.' },
    { id: 'lead-2', themeId: 'leadership', lv: 'Lēmumus pieņem kopā, ne viens cilvēks.', en: 'Decisions are taken together, not by one person.' },
    { id: 'part-1', themeId: 'participation', lv: 'Kopienas pasākumos piedalās arvien vairāk iedzīvotāju.', en: 'More and more residents take part in community events.' },
    { id: 'part-2', themeId: 'participation', lv: 'Jaunieši un seniori ir iesaistīti.', en: 'Young and older people are involved.' },
    { id: 'muni-1', themeId: 'municipality', lv: 'Pašvaldība uzklausa kopienas viedokli.', en: "The municipality listens to the community's view." },
    { id: 'muni-2', themeId: 'municipality', lv: 'Ar pašvaldību ir kopīgi īstenoti darbi.', en: 'Work has been done together with the municipality.' },
    { id: 'ngo-1', themeId: 'ngos', lv: 'Kopiena sadarbojas ar biedrībām un citām kopienām.', en: 'The community works with associations and other communities.' },
    { id: 'res-1', themeId: 'resources', lv: 'Kopiena zina savus resursus un prot tos izmantot.', en: 'The community knows its resources and can use them.' },
    { id: 'res-2', themeId: 'resources', lv: 'Kopiena prot piesaistīt finansējumu.', en: 'The community can raise funding.' },
    { id: 'comm-1', themeId: 'communication', lv: 'Iedzīvotāji laikus uzzina par kopienas darbiem.', en: "Residents hear about the community's work in time." },
    { id: 'sust-1', themeId: 'sustainability', lv: 'Kopiena turpinās darbu arī pēc programmas beigām.', en: 'The community will go on after the programme ends.' },
  ],
};

/** The questionnaire in force: the organisation's, or the default set. */
export function questionnaireOf(settings: { questionnaire?: Questionnaire | undefined } | undefined): Questionnaire {
  return settings?.questionnaire && settings.questionnaire.statements.length > 0 ? settings.questionnaire : DEFAULT_QUESTIONNAIRE;
}

/** A new round's answers: every statement of the questionnaire with its words, unanswered. */
export function blankAnswers(questionnaire: Questionnaire): AssessmentAnswer[] {
  const themes = new Map(questionnaire.themes.map((theme) => [theme.id, theme]));
  return questionnaire.statements.map((statement) => {
    const theme = themes.get(statement.themeId);
    return {
      statementId: statement.id, themeId: statement.themeId, themeLv: theme?.lv ?? statement.themeId, themeEn: theme?.en ?? '',
      lv: statement.lv, en: statement.en, score: null, comment: '',
    };
  });
}

type RoundLike = Pick<AssessmentRound, 'id' | 'date' | 'label' | 'answers'>;

export interface StatementRow {
  statementId: string;
  themeId: string;
  /** The words as the latest round that has the statement answered it. */
  lv: string;
  en: string;
  /** Per round (in the order of `rounds`): the score, null when unanswered, undefined when the round did not ask it. */
  scores: (number | null | undefined)[];
}

export interface ThemeRow {
  themeId: string;
  lv: string;
  en: string;
  /** Per round: the mean of the theme's answered scores (null when none). */
  means: (number | null)[];
  /** Per round after the first: the change of the mean from the round before (null when either is missing). */
  changes: (number | null)[];
}

export interface RoundComparison {
  rounds: RoundLike[];
  statements: StatementRow[];
  themes: ThemeRow[];
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 100) / 100;
}

/** Oldest round first, by date then id (two rounds of the same day keep a stable order). */
export function sortRounds<R extends RoundLike>(rounds: readonly R[]): R[] {
  return [...rounds].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The rounds side by side: every statement and theme any round asked, in the order first met. */
export function compareRounds(input: readonly RoundLike[]): RoundComparison {
  const rounds = sortRounds(input);
  const statements = new Map<string, StatementRow>();
  const themes = new Map<string, { lv: string; en: string; scores: number[][] }>();
  rounds.forEach((round, index) => {
    for (const answer of round.answers) {
      const row = statements.get(answer.statementId) ?? { statementId: answer.statementId, themeId: answer.themeId, lv: answer.lv, en: answer.en, scores: rounds.map(() => undefined) };
      row.scores[index] = answer.score;
      row.lv = answer.lv;
      row.en = answer.en;
      row.themeId = answer.themeId;
      statements.set(answer.statementId, row);
      const theme = themes.get(answer.themeId) ?? { lv: answer.themeLv, en: answer.themeEn, scores: rounds.map(() => []) };
      theme.lv = answer.themeLv;
      theme.en = answer.themeEn;
      if (answer.score !== null) theme.scores[index]?.push(answer.score);
      themes.set(answer.themeId, theme);
    }
  });
  const themeRows = [...themes].map(([themeId, theme]): ThemeRow => {
    const means = theme.scores.map(mean);
    const changes = means.slice(1).map((value, index) => {
      const before = means[index];
      return value === null || before === null || before === undefined ? null : Math.round((value - before) * 100) / 100;
    });
    return { themeId, lv: theme.lv, en: theme.en, means, changes };
  });
  return { rounds, statements: [...statements.values()], themes: themeRows };
}
