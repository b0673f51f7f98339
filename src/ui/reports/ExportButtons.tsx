import type { ExportState } from './use-export';
import { t } from '../../i18n';
import { FormError } from '../components/fields';

export interface ExportFile {
  /** Stable key, e.g. 'xlsx'. */
  key: string;
  label: string;
  /** Spoken label naming what the file holds. */
  ariaLabel?: string;
  make: () => Promise<void>;
}

export interface ExportButtonsProps {
  files: readonly ExportFile[];
  state: ExportState;
  disabled?: boolean;
}

/** Download buttons of one export; the one at work says so, a failure is announced. */
export function ExportButtons({ files, state, disabled = false }: ExportButtonsProps) {
  return (
    <>
      <div class="button-row export-buttons">
        {files.map((file) => (
          <button key={file.key} type="button" class="button button--primary"
            aria-label={state.busy === file.key ? undefined : file.ariaLabel} aria-busy={state.busy === file.key || undefined}
            disabled={disabled || state.busy !== null} onClick={() => void state.run(file.key, file.make)}>
            <span aria-hidden="true">⤓</span> {state.busy === file.key ? t('reports.making') : file.label}
          </button>
        ))}
      </div>
      <FormError message={state.failure && t(state.failure === 'blocked' ? 'reports.xlsxBlocked' : 'reports.failed')} />
    </>
  );
}
