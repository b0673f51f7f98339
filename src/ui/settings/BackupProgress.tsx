import type { BackupPhase } from '../../db/backup';
import { t } from '../../i18n';

const STEPS: Record<'export' | 'import', readonly BackupPhase[]> = {
  export: ['reading', 'packing', 'encrypting', 'done'],
  import: ['decrypting', 'checking', 'writing', 'done'],
};

/** Which step an export or import is at, as a bar and in words. */
export function BackupProgress({ kind, phase }: { kind: 'export' | 'import'; phase: BackupPhase }) {
  const steps = STEPS[kind];
  const at = Math.max(0, steps.indexOf(phase));
  return (
    <div class="backup-progress" role="status">
      <progress max={steps.length - 1} value={at} aria-label={t('backup.progress')} />
      <span>{t(`backup.phase.${phase}`)}</span>
    </div>
  );
}
