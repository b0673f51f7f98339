import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { FormError, TextAreaField, TextField } from '../components/fields';

export interface ConflictSide {
  /** The value as text for people. */
  text: string;
  /** "this device" or "device Ab12…", and when. */
  who: string;
  when: string;
}

export interface ConflictView {
  id: string;
  kind: string;
  title: string | null;
  href: string | null;
  fieldLabel: string;
  current: ConflictSide;
  kept: ConflictSide;
  /** Text fields can take a value typed by hand; null when they cannot. */
  merge: { initial: string; multiline: boolean } | null;
}

export interface ConflictCardProps {
  conflict: ConflictView;
  busy: boolean;
  error: string | null;
  /** Absent for someone who may only look (a facilitator's own replaced values): no choice is offered. */
  onKeepCurrent?: () => void;
  onUseKept?: () => void;
  onMerge?: (value: string) => void;
}

/** One concurrent edit: both values side by side, who and when, and the choice. */
export function ConflictCard({ conflict, busy, error, onKeepCurrent, onUseKept, onMerge }: ConflictCardProps) {
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(conflict.merge?.initial ?? '');
  const headingId = `conflict-${conflict.id}`;
  return (
    <li class="conflict" aria-labelledby={headingId}>
      <h2 id={headingId} class="conflict__record">
        <span class="tag">{conflict.kind}</span>{' '}
        {conflict.title ?? <span class="muted">{t('conflicts.recordGone')}</span>}
      </h2>
      <p class="conflict__field">{t('conflicts.field', { field: conflict.fieldLabel })}</p>
      <div class="conflict__sides">
        <Side heading={t('conflicts.current')} side={conflict.current} variant="current"
          action={onKeepCurrent && <button type="button" class="button" disabled={busy} onClick={onKeepCurrent}>{t('conflicts.keepCurrent')}</button>} />
        <Side heading={t('conflicts.kept')} side={conflict.kept} variant="kept"
          action={onUseKept && <button type="button" class="button button--primary" disabled={busy} onClick={onUseKept}>{t('conflicts.useKept')}</button>} />
      </div>
      {conflict.merge && onMerge && (
        merging ? (
          <form class="conflict__merge" noValidate onSubmit={(event) => { event.preventDefault(); onMerge(merged); }}>
            {conflict.merge.multiline
              ? <TextAreaField label={t('conflicts.mergedValue')} value={merged} onValue={setMerged} rows={6} />
              : <TextField label={t('conflicts.mergedValue')} value={merged} onValue={setMerged} />}
            <div class="button-row">
              <button type="submit" class="button button--primary" disabled={busy}>{t('conflicts.saveMerged')}</button>
              <button type="button" class="button" onClick={() => setMerging(false)}>{t('action.cancel')}</button>
            </div>
          </form>
        ) : (
          <div class="button-row">
            <button type="button" class="button" onClick={() => setMerging(true)}>{t('conflicts.merge')}</button>
          </div>
        )
      )}
      <FormError message={error} />
      {conflict.href && <p class="conflict__open"><a href={conflict.href}>{t('conflicts.open')}</a></p>}
    </li>
  );
}

function Side({ heading, side, variant, action }: { heading: string; side: ConflictSide; variant: 'current' | 'kept'; action: ComponentChildren }) {
  return (
    <section class={`conflict__side conflict__side--${variant}`}>
      <h3>{heading}</h3>
      <p class="conflict__value">{side.text}</p>
      <p class="conflict__who muted">{t('conflicts.by', { who: side.who, when: side.when })}</p>
      {action}
    </section>
  );
}
