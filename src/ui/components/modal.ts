import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';

/** Opens `dialog` as a modal while the component is shown, puts focus on `focus`, and closes it on unmount. */
export function useModalDialog(dialogRef: RefObject<HTMLDialogElement>, focusRef: RefObject<HTMLElement>): void {
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    focusRef.current?.focus();
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, [dialogRef, focusRef]);
}
