// The coordinator's self-assessment questionnaire (settings.questionnaire): themes with their
// statements, one a line, Latvian and English. Saved as a synced edit of the organisation's
// settings; rounds already filled in keep their own words (src/domain/assessment.ts).
import { useState } from 'preact/hooks';
import { loadSettings, saveSettings, useLiveQuery } from '../../db';
import { questionnaireOf } from '../../domain/assessment';
import { fromEditable, toEditable, type EditableTheme } from '../../domain/questionnaire-edit';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { FieldGroup, FormActions, TextAreaField, TextField } from '../components/fields';
import { Card } from '../components/page';
import { attemptSave } from '../save-error';

export function QuestionnaireSection({ organisationId }: { organisationId: string }) {
  const { db } = useServices();
  const settings = useLiveQuery(() => loadSettings(db, organisationId), [db, organisationId]);
  if (settings === undefined) return <Card title={t('questionnaire.heading')}><p class="muted" role="status">{t('status.loading')}</p></Card>;
  const questionnaire = questionnaireOf(settings ?? undefined);
  return (
    <Card title={t('questionnaire.heading')} testId="questionnaire-settings">
      <p class="muted">{t('questionnaire.hint')}</p>
      <QuestionnaireForm key={JSON.stringify(questionnaire)} organisationId={organisationId} initial={toEditable(questionnaire)}
        previous={questionnaire} />
    </Card>
  );
}

interface QuestionnaireFormProps {
  organisationId: string;
  initial: EditableTheme[];
  previous: ReturnType<typeof questionnaireOf>;
}

function QuestionnaireForm({ organisationId, initial, previous }: QuestionnaireFormProps) {
  const { notebook } = useServices();
  const [themes, setThemes] = useState(initial);
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const change = (index: number, patch: Partial<EditableTheme>) => {
    setSaved(false);
    setThemes(themes.map((theme, at) => (at === index ? { ...theme, ...patch } : theme)));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const questionnaire = fromEditable(themes, previous, () => `q-${crypto.randomUUID().slice(0, 8)}`);
    const result = await attemptSave(() => saveSettings(notebook, organisationId, { questionnaire }));
    setBusy(false);
    setFailure(result?.message ?? null);
    setSaved(result === null);
  };
  return (
    <form noValidate onSubmit={submit}>
      {themes.map((theme, index) => (
        <FieldGroup key={theme.id || `new-${index}`} legend={theme.lv || t('questionnaire.themeNumber', { number: index + 1 })}>
          <div class="form-grid">
            <TextField label={t('questionnaire.theme')} value={theme.lv} onValue={(lv) => change(index, { lv })} />
            <TextField label={t('questionnaire.themeEn')} value={theme.en} onValue={(en) => change(index, { en })} lang="en" />
          </div>
          <TextAreaField label={t('questionnaire.statements')} value={theme.statementsLv} rows={4} onValue={(statementsLv) => change(index, { statementsLv })} />
          <TextAreaField label={t('questionnaire.statementsEn')} value={theme.statementsEn} rows={4} onValue={(statementsEn) => change(index, { statementsEn })} lang="en" />
        </FieldGroup>
      ))}
      <p>
        <button type="button" class="button" onClick={() => setThemes([...themes, { id: '', lv: '', en: '', statementsLv: '', statementsEn: '' }])}>
          + {t('questionnaire.addTheme')}
        </button>
      </p>
      <FormActions error={failure} busy={busy} />
      <p role="status" class="muted">{saved && t('questionnaire.saved')}</p>
    </form>
  );
}
