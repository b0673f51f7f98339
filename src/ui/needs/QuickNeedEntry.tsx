// Cards written while people talk: the title field keeps the focus after each
// card, and the chosen category, status and workshop stay for the next one.
import { useRef, useState } from 'preact/hooks';
import { NEED_CATEGORIES, NEED_STATUSES, type NeedCategory, type NeedStatus } from '../../../protocol';
import { t, tLabel } from '../../i18n';
import { FormError, SelectField, TextField } from '../components/fields';
import { useDirtyForm } from '../form-state';
import type { SaveFailure } from '../save-error';

export interface QuickNeed {
  title: string;
  category: NeedCategory;
  status: NeedStatus;
  workshopId: string | null;
}

type Choices = Omit<QuickNeed, 'title'>;

// Kept for the session, so leaving to edit a card elsewhere and coming back
// does not reset what the facilitator chose.
const remembered: Pick<Choices, 'category' | 'status'> = { category: 'other', status: 'raised' };

export interface QuickNeedEntryProps {
  workshops: readonly { id: string; title: string }[];
  /** The workshop new cards are raised at, e.g. the one the facilitator came from. */
  defaultWorkshopId: string | null;
  onAdd: (need: QuickNeed) => Promise<SaveFailure | null>;
}

export function QuickNeedEntry({ workshops, defaultWorkshopId, onAdd }: QuickNeedEntryProps) {
  const [title, setTitle] = useState('');
  const [choices, setChoices] = useState<Choices>({ ...remembered, workshopId: defaultWorkshopId });
  const [failure, setFailure] = useState<SaveFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const adding = useRef(false);
  useDirtyForm(title.trim() !== '');

  const choose = <K extends keyof Choices>(key: K, value: Choices[K]) => {
    if (key === 'category' || key === 'status') Object.assign(remembered, { [key]: value });
    setChoices((current) => ({ ...current, [key]: value }));
  };
  const typeTitle = (value: string) => {
    setTitle(value);
    if (failure && value.trim()) setFailure(null);
  };
  const focusTitle = () => formRef.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();

  const add = async (event: Event) => {
    event.preventDefault();
    if (adding.current) return;
    adding.current = true;
    const typed = title;
    const result = await onAdd({ title: typed, ...choices });
    adding.current = false;
    setFailure(result);
    if (!result) {
      // Only clear what was saved: a fast typist may already be writing the next card.
      setTitle((current) => (current === typed ? '' : current));
      setAnnouncement(t('needs.added', { title: typed.trim() }));
    }
    focusTitle();
  };

  const titleError = failure?.fields.title;
  const workshopOptions = [
    { value: '', label: t('needs.noWorkshop') },
    ...workshops.map((workshop) => ({ value: workshop.id, label: workshop.title })),
  ];

  return (
    <form ref={formRef} class="card quick-entry" noValidate aria-labelledby="quick-entry-heading" onSubmit={add}>
      <h2 id="quick-entry-heading" class="visually-hidden">{t('needs.quickEntry')}</h2>
      <div class="quick-entry__main">
        <div class="quick-entry__title">
          <TextField name="title" label={t('needs.newTitle')} value={title} onValue={typeTitle} error={titleError}
            hint={t('needs.newTitleHint')} autoComplete="off" enterKeyHint="enter" required />
        </div>
        <button type="submit" class="button button--primary quick-entry__add">+ {t('needs.addCard')}</button>
      </div>
      <div class="quick-entry__choices">
        <SelectField label={t('needs.category')} value={choices.category}
          options={NEED_CATEGORIES.map((c) => ({ value: c, label: tLabel('needCategory', c) }))} onValue={(v) => choose('category', v)} />
        <SelectField label={t('needs.status')} value={choices.status}
          options={NEED_STATUSES.map((s) => ({ value: s, label: tLabel('needStatus', s) }))} onValue={(v) => choose('status', v)} />
        {workshops.length > 0 && (
          <div class="quick-entry__workshop">
            <SelectField label={t('needs.workshop')} value={choices.workshopId ?? ''} options={workshopOptions}
              onValue={(v) => choose('workshopId', v || null)} />
          </div>
        )}
      </div>
      {/* A field error already says what is wrong; the form-wide one is for the rest (a full disk). */}
      <FormError message={failure && !titleError ? failure.message : null} />
      <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </form>
  );
}
