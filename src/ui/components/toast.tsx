// One toast at a time at the bottom of the screen, with an optional action
// (soft deletes offer "Undo" here).
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n';

export interface Toast {
  message: string;
  actionLabel?: string;
  action?: () => void | Promise<void>;
}

export const currentToast = signal<Toast | null>(null);
const TOAST_MS = 8000;

export function showToast(toast: Toast): void {
  currentToast.value = toast;
}

/** Shows "“name” deleted — Undo" after a soft delete. */
export function showUndo(name: string, undo: () => void | Promise<void>): void {
  showToast({ message: t('status.deleted', { name }), actionLabel: t('action.undo'), action: undo });
}

export function ToastHost() {
  const toast = currentToast.value;
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => {
      if (currentToast.value === toast) currentToast.value = null;
    }, TOAST_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div class="toast-host" role="status" aria-live="polite">
      {toast && (
        <div class="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button type="button" class="button button--ghost" onClick={async () => {
              currentToast.value = null;
              await toast.action?.();
            }}>{toast.actionLabel}</button>
          )}
          <button type="button" class="button button--icon" aria-label={t('action.close')} onClick={() => { currentToast.value = null; }}>×</button>
        </div>
      )}
    </div>
  );
}
