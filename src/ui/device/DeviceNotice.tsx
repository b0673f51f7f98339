// The header's one small notice about the device's data (space, Home Screen,
// persistence). Text, a link to settings, and a close button; never a dialog.
// DeviceNoticeGate.tsx decides whether there is one, and loads this only then.
import { formatBytes, t } from '../../i18n';
import type { DeviceNotice as Notice } from './choose-notice';
import { InstallSteps } from './InstallSteps';
import './device.css';

export function DeviceNoticeView({ notice, onDismiss }: { notice: Notice; onDismiss: () => void }) {
  const tone = notice.kind === 'space' && notice.level === 'critical' ? ' device-notice--critical' : '';
  return (
    <aside class={`device-notice${tone}`} aria-label={t('device.notice.label')} data-testid="device-notice">
      <div class="device-notice__body">
        {notice.kind === 'space' && (
          <p>{t(notice.level === 'critical' ? 'device.space.critical' : 'device.space.low', { free: formatBytes(notice.free) })}</p>
        )}
        {notice.kind === 'persist' && <p>{t('device.persist.denied')}</p>}
        {notice.kind === 'install' && (
          <>
            <p><strong>{t('device.install.title')}</strong></p>
            <p>{t('device.install.why')}</p>
            <InstallSteps browser={notice.browser} />
          </>
        )}
        {notice.kind !== 'install' && <a class="device-notice__link" href="/settings">{t('device.notice.toSettings')}</a>}
      </div>
      <button type="button" class="button button--icon device-notice__close" aria-label={t('device.notice.dismiss')} onClick={onDismiss}>×</button>
    </aside>
  );
}
