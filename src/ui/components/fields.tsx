// Labelled form controls: the one place a form gets a label, a hint and an
// error beside a control. The error is plain text, tied to the control with
// aria-describedby and marked with aria-invalid; nothing here clears what the
// user typed.
import type { ComponentChildren, InputHTMLAttributes, Ref, TextareaHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';
import { t } from '../../i18n';

type Message = string | null | undefined;

/** What ties a control to its label, hint and error: spread it onto the control. */
export interface ControlAttributes {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** What every labelled control takes. */
interface LabelledProps {
  label: string;
  error?: Message;
  hint?: string | undefined;
  /** Classes beside `field` on the wrapper, for a screen's own layout. */
  fieldClass?: string | undefined;
}

export interface FieldProps extends LabelledProps {
  /** Read to screen readers only, where the place on screen already says what the control is for. */
  hiddenLabel?: boolean;
  /** Shown on the label's line, e.g. whether the text is saved yet. */
  labelAside?: ComponentChildren;
  /** The control itself, given the attributes that tie it to the label, hint and error. */
  children: (control: ControlAttributes) => ComponentChildren;
}

/** A label, a control of the caller's making, and its hint or error. */
export function Field({ label, error, hint, fieldClass, hiddenLabel = false, labelAside, children }: FieldProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  const hintId = hint && !error ? `${id}-hint` : undefined;
  const labelElement = <label for={id} class={hiddenLabel ? 'visually-hidden' : undefined}>{label}</label>;
  return (
    <div class={['field', fieldClass, error ? 'field--invalid' : ''].filter(Boolean).join(' ')}>
      {labelAside === undefined ? labelElement : <div class="field__label-row">{labelElement}{labelAside}</div>}
      {children({ id, 'aria-describedby': errorId ?? hintId, 'aria-invalid': error ? true : undefined })}
      {hintId && <p class="field__hint" id={hintId}>{hint}</p>}
      {errorId && <p class="field__error" id={errorId} role="alert">{error}</p>}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value' | 'label' | 'type' | 'id'>;

export interface TextFieldProps extends Omit<InputProps, 'list'>, LabelledProps {
  value: string;
  onValue: (value: string) => void;
  type?: 'text' | 'email' | 'tel' | 'date' | 'time' | 'search' | 'number' | 'password';
  /** Values offered as the person types (earlier ones, known names); any other may still be typed. */
  suggestions?: readonly string[];
}

export function TextField({ label, error, hint, fieldClass, value, onValue, type = 'text', suggestions, ...rest }: TextFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} fieldClass={fieldClass}>
      {(control) => (
        <>
          <input {...rest} {...control} type={type} value={value} list={suggestions && `${control.id}-suggestions`}
            onInput={(event) => onValue(event.currentTarget.value)} />
          {suggestions && (
            <datalist id={`${control.id}-suggestions`}>
              {suggestions.map((suggestion) => <option key={suggestion} value={suggestion} />)}
            </datalist>
          )}
        </>
      )}
    </Field>
  );
}

export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onInput' | 'value' | 'label' | 'id'>, LabelledProps {
  value: string;
  onValue: (value: string) => void;
  labelAside?: ComponentChildren;
  /** For a form that puts the cursor in the text when it opens. */
  controlRef?: Ref<HTMLTextAreaElement>;
}

export function TextAreaField({ label, error, hint, fieldClass, labelAside, value, onValue, controlRef, ...rest }: TextAreaFieldProps) {
  return (
    <Field label={label} error={error} hint={hint} fieldClass={fieldClass} labelAside={labelAside}>
      {(control) => (
        <textarea rows={4} {...rest} {...control} ref={controlRef} value={value} onInput={(event) => onValue(event.currentTarget.value)} />
      )}
    </Field>
  );
}

export interface SelectFieldProps<V extends string> extends LabelledProps {
  value: V | '';
  options: readonly { value: V; label: string }[];
  onValue: (value: V) => void;
  /** A first, unchoosable line shown while nothing is chosen. */
  placeholder?: string;
  required?: boolean;
}

export function SelectField<V extends string>({ label, error, hint, fieldClass, value, options, onValue, placeholder, required }: SelectFieldProps<V>) {
  return (
    <Field label={label} error={error} hint={hint} fieldClass={fieldClass}>
      {(control) => (
        <select {...control} value={value} required={required}
          onChange={(event) => {
            const chosen = options.find((option) => option.value === event.currentTarget.value);
            if (chosen) onValue(chosen.value);
          }}>
          {placeholder !== undefined && <option value="" disabled>{placeholder}</option>}
          {options.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
        </select>
      )}
    </Field>
  );
}

export interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChecked: (checked: boolean) => void;
  hint?: string;
}

/** A box before its label, the whole row a touch target. */
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

export interface FieldGroupProps {
  legend: string;
  /** An error about the group as a whole (e.g. too many ticked), tied to the group. */
  error?: Message;
  class?: string;
  children: ComponentChildren;
}

/** Controls that answer one question together, under a legend that names them. */
export function FieldGroup({ legend, error, class: className, children }: FieldGroupProps) {
  const id = useId();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <fieldset class={className} aria-describedby={errorId}>
      <legend>{legend}</legend>
      {children}
      {errorId && <p class="field__error" id={errorId} role="alert">{error}</p>}
    </fieldset>
  );
}

export interface RadioGroupFieldProps<V extends string> extends Omit<FieldGroupProps, 'children'> {
  value: V;
  options: readonly { value: V; label: string; lang?: string }[];
  onValue: (value: V) => void;
  /** The class of each option's label, which is its touch target. */
  optionClass?: string;
}

/** One choice out of a few, each option a full-width label around its radio button. */
export function RadioGroupField<V extends string>({ value, options, onValue, optionClass = 'choice', ...group }: RadioGroupFieldProps<V>) {
  const name = useId();
  return (
    <FieldGroup {...group}>
      {options.map((option) => (
        <label key={option.value} class={optionClass} lang={option.lang}>
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onValue(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </FieldGroup>
  );
}

export interface FileButtonProps {
  /** The button's classes; the label around the input is what is seen and touched. */
  class: string;
  accept: string;
  capture?: 'environment' | 'user';
  multiple?: boolean;
  disabled?: boolean;
  onFiles: (files: File[]) => void;
  children: ComponentChildren;
}

/**
 * A file input shown as a button: the label is the button, so it has a name,
 * takes the keyboard focus and opens the camera on a tablet.
 */
export function FileButton({ class: className, disabled = false, onFiles, children, ...input }: FileButtonProps) {
  return (
    <label class={`${className}${disabled ? ' is-disabled' : ''}`}>
      <input {...input} type="file" class="visually-hidden" disabled={disabled}
        onChange={(event) => {
          const control = event.currentTarget;
          const files = [...(control.files ?? [])];
          // Cleared at once, so choosing the same file again still fires `change`.
          control.value = '';
          if (files.length > 0) onFiles(files);
        }} />
      {children}
    </label>
  );
}

/** The form-wide message shown above the buttons after a failed save. */
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return <p class="form-error" role="alert">{message}</p>;
}

export interface FormActionsProps {
  /** The form-wide message after a failed save. */
  error?: string | null | undefined;
  /** "Save" unless given. */
  submitLabel?: string;
  /** While saving (or when saving cannot work), the submit button waits. */
  busy?: boolean;
  onCancel?: () => void;
  /** Further buttons after Cancel, e.g. Delete. */
  children?: ComponentChildren;
}

/** The end of a form: its message after a failed save, then Save, Cancel and any further buttons. */
export function FormActions({ error, submitLabel, busy = false, onCancel, children }: FormActionsProps) {
  return (
    <>
      <FormError message={error} />
      <div class="button-row">
        <button type="submit" class="button button--primary" disabled={busy}>{submitLabel ?? t('action.save')}</button>
        {onCancel && <button type="button" class="button" onClick={onCancel}>{t('action.cancel')}</button>}
        {children}
      </div>
    </>
  );
}
