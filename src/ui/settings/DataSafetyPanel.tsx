// Space, photos' share, an early warning, and what exists only here: what a
// facilitator needs to know before the tablet fills up or is wiped.
import type { DeviceInventory } from '../../db/backup-inventory';
import { assessStorage } from '../../domain/storage-warning';
import { formatBytes, formatPercent, t } from '../../i18n';
import type { InstallHint } from '../../pwa/install-hint';
import type { StorageState } from '../../pwa/storage';
import { Card } from '../components/page';
import { InstallSteps } from '../device/InstallSteps';
import { unsentParams } from '../device/UnsentSummary';

export interface DataSafetyPanelProps {
  storage: StorageState | undefined;
  inventory: DeviceInventory | undefined;
  installHint: InstallHint;
}

const percent = formatPercent;

export function DataSafetyPanel({ storage, inventory, installHint }: DataSafetyPanelProps) {
  const assessment = storage ? assessStorage({ usage: storage.usage, quota: storage.quota, photoBytes: inventory?.imageBytes }) : null;
  return (
    <Card title={t('device.safety.title')} class="data-safety" testId="data-safety">
      {assessment === null ? <p class="muted" role="status">{t('status.loading')}</p> : (
        <>
          {assessment.level === 'unknown' && <p class="muted">{t('device.space.unknown')}</p>}
          {assessment.free !== null && (
            <p class={assessment.level === 'ok' ? '' : `notice ${assessment.level === 'critical' ? 'notice--danger' : 'notice--caution'}`}
              data-testid="space-free">
              {assessment.level === 'ok' ? `${t('device.space.free', { free: formatBytes(assessment.free) })} — ${t('device.space.ok')}`
                : t(assessment.level === 'critical' ? 'device.space.critical' : 'device.space.low', { free: formatBytes(assessment.free) })}
            </p>
          )}
          {inventory && (
            <p data-testid="space-photos">
              {inventory.images === 0 ? t('device.space.noPhotos') : t('device.space.photos', {
                size: formatBytes(inventory.imageBytes),
                percent: assessment.photoShare === null ? '—' : percent(assessment.photoShare),
              })}
            </p>
          )}
          {storage?.persisted === false && <p>{t('device.persist.advice')}</p>}
        </>
      )}
      {installHint && (
        <div class="notice notice--caution">
          <p><strong>{t('device.install.title')}</strong></p>
          <p>{t('device.install.why')}</p>
          <InstallSteps browser={installHint.browser} />
        </div>
      )}
      <h3>{t('device.unsent.title')}</h3>
      <p data-testid="unsent-summary">
        {inventory === undefined ? t('status.loading')
          : inventory.changes + inventory.photos === 0 ? t('device.unsent.none')
            : `${unsentParams(inventory).changes}, ${unsentParams(inventory).photos}`}
      </p>
    </Card>
  );
}
