// Labelled form controls. Each shows its error beside itself, tied to the
// control with aria-describedby, and never clears what the user typed.
import type { ComponentChildren, InputHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

interface FieldShellProps {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: ComponentChildren;
}

function FieldShell({ id, label, error, hint, children }: FieldShellProps) {
  return (
    <div class={`field${error ? ' field--invalid' : ''}`}>
      <label for={id}>{label}</label>
      {children}
      {hint && !error && <p class="field__hint" id={`${id}-hint`}>{hint}</p>}
      {error && <p class="field__error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  if (error) return `${id}-error`;
  if (hint) return `${id}-hint`;
  return undefined;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'label' | 'type'>;

export interface TextFieldProps extends InputProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
  type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'search' | 'number' | 'password';
}

export function TextField({ label, value, onValue, error, hint, type = 'text', ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <input
        {...rest}
        id={id}
        type={type}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </FieldShell>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onInput' | 'value' | 'label'> {
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  hint?: string | undefined;
}

export function TextAreaField({ label, value, onValue, error, hint, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error} hint={hint}>
      <textarea
        rows={4}
        {...rest}
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </FieldShell>
  );
}

export interface SelectFieldProps<V extends string> {
  label: string;
  value: V | '';
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
  error?: string | undefined;
  placeholder?: string;
  required?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onValue, error, placeholder, required }: SelectFieldProps<V>) {
  const id = useId();
  return (
    <FieldShell id={id} label={label} error={error}>
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error)}
        onChange={(event) => {
          const chosen = options.find((option) => option.value === event.currentTarget.value);
          if (chosen) onValue(chosen.value);
        }}
      >
        {placeholder !== undefined && <option value="" disabled>{placeholder}</option>}
        {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
      </select>
    </FieldShell>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: string;
}

export function CheckboxField({ label, checked, onChecked, hint }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div class="field field--checkbox">
      <input id={id} type="checkbox" checked={checked} aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChecked(event.currentTarget.checked)} />
      <label for={id}>{label}</label>
      {hint && <p class="field__hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** The form-wide message shown above the buttons after a failed save. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return <p class="form-error" role="alert">{message}</p>;
}
