import { useRef, useState } from 'preact/hooks';
import type { SwotQuadrant } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { Field } from '../components/fields';
import { useDirtyForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export interface SwotQuickAddProps {
  quadrant: SwotQuadrant;
  onAdd: (text: string) => Promise<SaveFailure | null>;
}

/**
 * One line per point, Enter adds it. The input keeps focus and empties, so a
 * facilitator can note what the room says without touching the screen again.
 */
export function SwotQuickAdd({ quadrant, onAdd }: SwotQuickAddProps) {
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  useDirtyForm(text.trim() !== '');

  const add = async (event: Event) => {
    event.preventDefault();
    input.current?.focus();
    if (text.trim() === '') return;
    const failure = await onAdd(text);
    // On failure the typed text stays, so nothing said in the room is lost.
    if (failure) {
      setError(failure.fields.text ?? failure.message);
      return;
    }
    setError(null);
    setText('');
  };

  return (
    <form class="swot-quick-add" noValidate onSubmit={add}>
      <Field label={t('swotBoard.newItem', { quadrant: tLabel('swot', quadrant) })} hiddenLabel error={error}>
        {(control) => (
          <div class="swot-quick-add__row">
            <input {...control} ref={input} type="text" value={text} autoComplete="off" enterKeyHint="enter"
              placeholder={t('swotBoard.newItemPlaceholder')} onInput={(event) => setText(event.currentTarget.value)} />
            <button type="submit" class="button button--primary" aria-label={t('action.add')} title={t('action.add')}>
              <span aria-hidden="true">+</span>
            </button>
          </div>
        )}
      </Field>
    </form>
  );
}
