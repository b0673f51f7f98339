import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n';
import { TextAreaField } from '../components/fields';
import { useDirtyForm } from '../form-state';
import { describeSaveError } from '../save-error';
import { createLatestWriter, type WriterStatus } from './latest-writer';
import { noDraft, type Draft } from './notes-draft';

export interface NotesEditorProps {
  /** The notes as stored now; may change while the editor is open (another tab, a sync). */
  stored: string;
  /** Stores the text; called on every keystroke, one call at a time. */
  save: (text: string) => Promise<void>;
  /** Where keystrokes are kept until the database has them; what it holds at start was never stored. */
  draft?: Draft;
}

/**
 * Notes that save as you type: every input is written at once, so a reload or
 * a closed tablet loses nothing. What is on screen is the user's text; the
 * stored value replaces it only when the field is not in use and the change
 * came from elsewhere.
 */
export function NotesEditor({ stored, save, draft = noDraft }: NotesEditorProps) {
  const [text, setText] = useState(() => draft.read() ?? stored);
  const [focused, setFocused] = useState(false);
  const [status, setStatus] = useState<WriterStatus>({ saving: false, error: null });
  const [edited, setEdited] = useState(false);
  // The effect below may run late (after later keystrokes), so it reads the current state from refs, not from its render.
  const live = useRef({ focused: false, status: status as WriterStatus, lastPushed: null as string | null });
  // Values this editor wrote: a live query can still report an older one of them after a newer write.
  const ownWrites = useRef(new Set<string>());
  const saveRef = useRef(save);
  saveRef.current = save;
  const writer = useMemo(() => createLatestWriter<string>((value) => saveRef.current(value), (next) => {
    live.current.status = next;
    if (!next.saving && next.error === null) draft.clear();
    setStatus(next);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- one writer for the editor's life: it reaches `save` through a ref, and `draft` is this editor's own storage
  }), []);
  useDirtyForm(status.saving || status.error !== null);

  // Keystrokes the last session typed but did not get into the database: store them now.
  useEffect(() => {
    const unsaved = draft.read();
    if (unsaved === null) return;
    if (unsaved === stored) draft.clear();
    else pushText(unsaved);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on opening: what the last session left unsaved
  }, []);

  useEffect(() => {
    const { focused: inUse, status: { saving, error }, lastPushed } = live.current;
    // Unsaved text after a failed write stays on screen until a write succeeds.
    if (saving || error !== null) return;
    if (stored === lastPushed) {
      // The database caught up with the last keystroke: older values of ours cannot come back.
      ownWrites.current = new Set([stored]);
      return;
    }
    if (inUse || ownWrites.current.has(stored)) return;
    ownWrites.current = new Set();
    live.current.lastPushed = null;
    setText(stored);
  }, [stored, focused, status]);

  const pushText = (value: string) => {
    setEdited(true);
    ownWrites.current.add(value);
    live.current.lastPushed = value;
    void writer.push(value);
  };
  const onInput = (value: string) => {
    draft.write(value);
    setText(value);
    pushText(value);
  };
  const setInUse = (inUse: boolean) => {
    live.current.focused = inUse;
    setFocused(inUse);
  };

  const failure = useMemo(() => (status.error !== null ? describeSaveError(status.error) : null), [status.error]);
  const error = failure ? (failure.fields.notes ?? failure.message) : null;
  return (
    <TextAreaField label={t('workshop.notes')} fieldClass="notes" class="notes__text" rows={10} value={text} onValue={onInput}
      error={error} hint={t('workshop.notesHint')}
      labelAside={edited && !error && (
        <span class="notes__state muted" data-testid="notes-state">
          {status.saving ? t('workshop.notesSaving') : `✓ ${t('workshop.notesSaved')}`}
        </span>
      )}
      onFocus={() => setInUse(true)}
      onBlur={() => setInUse(false)} />
  );
}
