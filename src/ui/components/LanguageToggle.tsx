import { language, setLanguage, t } from '../../i18n';

export function LanguageToggle() {
  const next = language.value === 'lv' ? 'en' : 'lv';
  return (
    <button type="button" class="button button--ghost" lang={next} aria-label={t('language.switchToLabel')}
      onClick={() => void setLanguage(next)}>
      {t('language.switchTo')}
    </button>
  );
}
