import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { previewText } from '../../domain/swot-board';
import { t } from '../../i18n';
import { FormActions, TextAreaField } from '../components/fields';
import { useDirtyForm } from '../form-state';
import type { SaveFailure } from '../save-error';
import { WorkshopSelect } from './WorkshopSelect';

export interface SwotItemValues {
  text: string;
  workshopId: string | null;
}

export interface SwotItemRowProps {
  item: SwotItemValues & { id: string };
  workshops: readonly { id: string; title: string }[];
  onSave: (values: SwotItemValues) => Promise<SaveFailure | null>;
  onDelete: () => void;
  /** The point's photos (a PhotoStrip), under its text. */
  photos?: ComponentChildren;
}

/** One point on the board; edited in place so the board stays in view. */
export function SwotItemRow({ item, workshops, onSave, onDelete, photos }: SwotItemRowProps) {
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  // Back from the editor, focus returns to where the person was, not to the top of the page.
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  const workshopTitle = workshops.find((workshop) => workshop.id === item.workshopId)?.title;
  const name = previewText(item.text);

  if (editing) {
    return <SwotItemEditor initial={item} workshops={workshops} onSave={onSave} onDone={() => setEditing(false)} />;
  }
  return (
    <li class="swot-item">
      <div class="swot-item__text">
        <span class="prewrap">{item.text}</span>
        {workshopTitle && <span class="tag swot-item__workshop">{workshopTitle}</span>}
        {photos}
      </div>
      <div class="swot-item__actions">
        <button ref={editButton} type="button" class="button button--icon" aria-label={t('swotBoard.editNamed', { text: name })} title={t('action.edit')}
          onClick={() => setEditing(true)}><span aria-hidden="true">✎</span></button>
        <button type="button" class="button button--icon swot-item__delete" aria-label={t('swotBoard.deleteNamed', { text: name })} title={t('action.delete')}
          onClick={(event) => {
            // The row is about to vanish; keep the keyboard in this quadrant rather than at the top of the page.
            event.currentTarget.closest('section')?.querySelector<HTMLInputElement>('.swot-quick-add input')?.focus();
            onDelete();
          }}><span aria-hidden="true">×</span></button>
      </div>
    </li>
  );
}

interface SwotItemEditorProps {
  initial: SwotItemValues;
  workshops: readonly { id: string; title: string }[];
  onSave: (values: SwotItemValues) => Promise<SaveFailure | null>;
  onDone: () => void;
}

function SwotItemEditor({ initial, workshops, onSave, onDone }: SwotItemEditorProps) {
  const textArea = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = textArea.current;
    if (!field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const [values, setValues] = useState<SwotItemValues>({ text: initial.text, workshopId: initial.workshopId });
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  useDirtyForm(values.text !== initial.text || values.workshopId !== initial.workshopId);
  const textError = failure?.fields.text;

  const save = async (event?: Event) => {
    event?.preventDefault();
    const result = await onSave(values);
    setFailure(result);
    if (!result) onDone();
  };

  return (
    <li class="swot-item swot-item--editing">
      <form noValidate onSubmit={save}>
        {/* Enter saves, as in the quick-add line; Shift+Enter starts a new line. */}
        <TextAreaField controlRef={textArea} label={t('swotBoard.itemText')} rows={3} value={values.text} error={textError}
          onValue={(text) => setValues((v) => ({ ...v, text }))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) void save(event);
            if (event.key === 'Escape') onDone();
          }} />
        {workshops.length > 0 && (
          <WorkshopSelect label={t('swotBoard.itemWorkshop')} workshops={workshops} value={values.workshopId}
            onValue={(workshopId) => setValues((v) => ({ ...v, workshopId }))} />
        )}
        <FormActions error={failure && !textError ? failure.message : null} onCancel={onDone} />
      </form>
    </li>
  );
}
