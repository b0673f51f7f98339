// Which forms hold unsaved input. The update prompt reads it so that an app
// update never reloads the page under a half-filled form.
import { signal } from '@preact/signals';
import { useEffect } from 'preact/hooks';

export const dirtyForms = signal<ReadonlySet<string>>(new Set());

let nextFormId = 0;

/** Marks the calling form as holding unsaved input while `dirty` is true. */
export function useDirtyForm(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const id = `form-${nextFormId++}`;
    dirtyForms.value = new Set([...dirtyForms.value, id]);
    return () => {
      const next = new Set(dirtyForms.value);
      next.delete(id);
      dirtyForms.value = next;
    };
  }, [dirty]);
}
