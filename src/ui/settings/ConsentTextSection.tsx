// The coordinator's wording of the consent text: a save adds a new version to the organisation's
// settings; earlier versions are kept as they were (docs/protocol.md, Records: settings).
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { addConsentText, loadConsentTexts } from '../../db/settings';
import { consentVersions, currentConsentText } from '../../domain/consent';
import { localDay } from '../../domain/days';
import { formatDay, t } from '../../i18n';
import { useServices } from '../app-context';
import { FormError, TextAreaField, TextField } from '../components/fields';
import { Card } from '../components/page';
import { attemptSave } from '../save-error';

export interface ConsentTextSectionProps {
  organisationId: string;
  /** Today's date, `YYYY-MM-DD`. */
  today?: () => string;
}

export function ConsentTextSection({ organisationId, today = () => localDay(Date.now()) }: ConsentTextSectionProps) {
  const { db, notebook } = useServices();
  const texts = useLiveQuery(() => loadConsentTexts(db, organisationId), [db, organisationId]);
  const [saved, setSaved] = useState<string | null>(null);
  if (texts === undefined) return <Card title={t('consent.settingsHeading')}><p class="muted" role="status">{t('status.loading')}</p></Card>;
  const current = currentConsentText(texts, today());
  return (
    <Card title={t('consent.settingsHeading')} testId="consent-text-settings">
      <p class="muted">{t('consent.settingsHint')}</p>
      <p data-testid="consent-current">{t('consent.current', { version: current.version, date: formatDay(current.from) })}</p>
      <ConsentTextForm key={current.version} initial={current} today={today()}
        onSave={async (wording) => {
          setSaved(null);
          let version = '';
          const failure = await attemptSave(async () => { version = await addConsentText(notebook, organisationId, wording); });
          if (!failure) setSaved(version);
          return failure;
        }} />
      <p role="status" class="muted">{saved && t('consent.saved', { version: saved })}</p>
      <details class="consent-history">
        <summary>{t('consent.history')}</summary>
        <ol>
          {consentVersions(texts).map((text) => (
            <li key={text.version}>
              <strong>{t('consent.version', { version: text.version, date: formatDay(text.from) })}</strong>
              {texts.length === 0 && <span class="muted"> · {t('consent.shipped')}</span>}
              <p class="prewrap">{text.lv}</p>
              {text.en && <p class="prewrap" lang="en">{text.en}</p>}
            </li>
          ))}
        </ol>
      </details>
    </Card>
  );
}

interface ConsentTextFormProps {
  initial: { lv: string; en: string };
  today: string;
  onSave: (wording: { lv: string; en: string; from: string }) => Promise<{ message: string } | null>;
}

function ConsentTextForm({ initial, today, onSave }: ConsentTextFormProps) {
  const [lv, setLv] = useState(initial.lv);
  const [en, setEn] = useState(initial.en);
  const [from, setFrom] = useState(today);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const lvMissing = lv.trim() === '';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (lvMissing) return setProblem(t('consent.lvRequired'));
    if (lv.trim() === initial.lv.trim() && en.trim() === initial.en.trim()) return setProblem(t('consent.unchanged'));
    setSaving(true);
    const failure = await onSave({ lv, en, from: /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : today });
    setSaving(false);
    setProblem(failure?.message ?? null);
  };

  return (
    <form class="consent-text-form" noValidate onSubmit={submit}>
      <TextAreaField label={t('consent.fieldLv')} value={lv} onValue={(value) => { setLv(value); setProblem(null); }} rows={6} lang="lv"
        error={lvMissing && problem ? t('consent.lvRequired') : undefined} />
      <TextAreaField label={t('consent.fieldEn')} value={en} onValue={(value) => { setEn(value); setProblem(null); }} rows={6} lang="en"
        hint={t('consent.fieldEnHint')} />
      <TextField label={t('consent.fieldFrom')} type="date" value={from} onValue={setFrom} />
      <FormError message={lvMissing ? null : problem} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={saving}>{t('consent.saveVersion')}</button>
      </div>
    </form>
  );
}
