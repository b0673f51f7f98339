// A modal question before something that cannot be undone (signing out with
// unsent changes, discarding a change, emptying the device). Mounted = open;
// Escape and "Cancel" call onCancel. Focus starts on "Cancel".
import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';
import { t } from '../../i18n';
import './confirm-dialog.css';
import { useModalDialog } from '../components/modal';

export interface ConfirmDialogProps {
  title: string;
  children: ComponentChildren;
  confirmLabel: string;
  cancelLabel?: string;
  /** Styles the confirm button as destructive. */
  danger?: boolean;
  /** E.g. until a required acknowledgement is ticked, or while working. */
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, danger, confirmDisabled, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  useModalDialog(dialogRef, cancelRef);
  return (
    <dialog ref={dialogRef} class="confirm-dialog" aria-labelledby={titleId} aria-describedby={bodyId}
      onCancel={(event) => { event.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} class="confirm-dialog__body">{children}</div>
      <div class="button-row">
        <button type="button" class={danger ? 'button button--danger' : 'button button--primary'} disabled={confirmDisabled} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelRef} type="button" class="button" onClick={onCancel}>{cancelLabel ?? t('action.cancel')}</button>
      </div>
    </dialog>
  );
}
