import type { ConsentText } from '../../../protocol';
import { consentWording } from '../../domain/consent';
import { formatDay, language, t } from '../../i18n';
import { CheckboxField, FieldGroup } from '../components/fields';

export interface ConsentQuestionsProps {
  /** The text in force, shown as worded for the current language. */
  text: ConsentText;
  consentData: boolean;
  consentPhotos: boolean;
  onAnswer: (key: 'consentData' | 'consentPhotos', agreed: boolean) => void;
}

/** The consent text in force and its two answers, each its own: keeping data, being photographed. */
export function ConsentQuestions({ text, consentData, consentPhotos, onAnswer }: ConsentQuestionsProps) {
  const lang = language.value;
  const shownInLatvian = lang === 'en' && !text.en.trim();
  return (
    <FieldGroup legend={t('consent.answers')} class="consent-questions">
      <figure class="consent-text">
        <figcaption class="muted">{t('consent.text')} · {t('consent.version', { version: text.version, date: formatDay(text.from) })}</figcaption>
        <blockquote class="prewrap" lang={shownInLatvian ? 'lv' : undefined}>{consentWording(text, lang)}</blockquote>
      </figure>
      <CheckboxField label={t('consent.answerData')} checked={consentData} onChecked={(agreed) => onAnswer('consentData', agreed)} />
      <CheckboxField label={t('consent.answerPhotos')} checked={consentPhotos} onChecked={(agreed) => onAnswer('consentPhotos', agreed)}
        hint={t('consent.answersHint')} />
    </FieldGroup>
  );
}
