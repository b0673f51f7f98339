import { t } from '../../i18n';

export interface ChangedField {
  field: string;
  label: string;
  text: string;
}

export interface RefusedChange {
  id: string;
  /** "Need", "Event", … */
  kind: string;
  title: string | null;
  href: string | null;
  exists: boolean;
  /** The change created the record (discarding it removes the record). */
  isCreate: boolean;
  reason: string;
  code: string;
  serverMessage: string;
  fields: ChangedField[];
}

export interface RefusedChangeCardProps {
  change: RefusedChange;
  busy: boolean;
  onRetry: () => void;
  onDiscard: () => void;
}

/** What was refused and why, with the way to send it again or let it go. */
export function RefusedChangeCard({ change, busy, onRetry, onDiscard }: RefusedChangeCardProps) {
  const headingId = `change-${change.id}`;
  return (
    <li class="refused-change" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span class="tag">{change.kind}</span>{' '}
        {change.title ?? <span class="muted">{change.exists ? '—' : t('changes.recordGone')}</span>}
        {change.isCreate && <span class="muted"> ({t('changes.newRecord')})</span>}
      </h3>
      <p class="refused-change__reason">
        <strong>{t('changes.reason')}:</strong> {change.reason}
      </p>
      <p class="refused-change__server muted">
        {t('changes.serverSaid')}: <code>{change.code}</code> {change.serverMessage}
      </p>
      {change.fields.length > 0 && (
        <>
          <h4 class="refused-change__fields-title">{t('changes.fields')}</h4>
          <ChangedFieldList fields={change.fields} />
        </>
      )}
      <div class="button-row">
        <button type="button" class="button button--primary" disabled={busy} onClick={onRetry}>{t('changes.retry')}</button>
        <button type="button" class="button button--danger" disabled={busy} onClick={onDiscard}>{t('changes.discard')}</button>
        {change.href && <a class="button button--ghost" href={change.href}>{t('changes.open')}</a>}
      </div>
    </li>
  );
}

export function ChangedFieldList({ fields }: { fields: ChangedField[] }) {
  return (
    <dl class="changed-fields">
      {fields.map((field) => (
        <div key={field.field}>
          <dt>{field.label}</dt>
          <dd>{field.text}</dd>
        </div>
      ))}
    </dl>
  );
}
