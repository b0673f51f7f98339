// A form's values, unsaved flag, failure and saving state; an unsaved form is
// listed in dirty-forms.ts, which the update prompt reads.
import { useEffect, useState } from 'preact/hooks';
import { dirtyForms } from './dirty-forms';
import type { SaveFailure } from './save-error';

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

/** What ties a labelled control to one value of a form: what it shows, how it changes and its error. */
export interface BoundField<T> {
  value: T;
  onValue: (value: T) => void;
  error: string | undefined;
}

/** `field('name')` gives the control for `name` its value, its change and its error, to spread onto a TextField and the like. */
export function fieldBinder<V extends object>(
  values: V,
  change: <K extends keyof V>(key: K, value: V[K]) => void,
  errors: Readonly<Record<string, string>> | undefined,
) {
  return <K extends keyof V & string>(key: K): BoundField<V[K]> => ({
    value: values[key],
    onValue: (value) => change(key, value),
    error: errors?.[key],
  });
}

export interface EditForm<V extends object> {
  values: V;
  /** Sets one field and marks the form as holding unsaved input. */
  set: <K extends keyof V>(key: K, value: V[K]) => void;
  /** Changes several fields from the current values at once. */
  change: (next: (current: V) => V) => void;
  failure: SaveFailure | null;
  setFailure: (failure: SaveFailure | null) => void;
  fieldError: (name: string) => string | undefined;
  /** Ties a control to one value; see fieldBinder. */
  field: <K extends keyof V & string>(key: K) => BoundField<V[K]>;
  saving: boolean;
  /** Runs a save; on failure the errors show and what was typed stays, on success the form is clean again. */
  submit: (save: () => Promise<SaveFailure | null>) => Promise<SaveFailure | null>;
}

/** The state every edit form keeps: values, unsaved-input flag, the last failure, saving. */
export function useEditForm<V extends object>(initial: V | (() => V)): EditForm<V> {
  const [values, setValues] = useState<V>(initial);
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  useDirtyForm(touched);

  const change = (next: (current: V) => V) => {
    setTouched(true);
    setValues(next);
  };
  const set = <K extends keyof V>(key: K, value: V[K]) => change((current) => ({ ...current, [key]: value }));
  return {
    values,
    set,
    change,
    failure,
    setFailure,
    fieldError: (name) => failure?.fields[name],
    field: fieldBinder(values, set, failure?.fields),
    saving,
    submit: async (save) => {
      setSaving(true);
      const result = await save();
      setSaving(false);
      setFailure(result);
      if (!result) setTouched(false);
      return result;
    },
  };
}
