import { t } from '../../i18n';

/** How to add Talka to the Home Screen on iPad and iPhone, in three short steps. */
export function InstallSteps({ browser }: { browser: 'safari' | 'other' }) {
  return (
    <ol class="install-steps">
      {browser === 'other' && <li>{t('device.install.otherBrowser')}</li>}
      <li>{t('device.install.step1')}</li>
      <li>{t('device.install.step2')}</li>
      <li>{t('device.install.step3')}</li>
    </ol>
  );
}
