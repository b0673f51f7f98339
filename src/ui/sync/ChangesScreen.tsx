import { useState } from 'preact/hooks';
import { discardChange, listOutbox, retryChange, useLiveQuery, type OutboxEntry, type TalkaDatabase } from '../../db';
import { isMessageKey, t } from '../../i18n';
import { syncNow } from '../../sync/status';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { showToast } from '../components/toast';
import { ConfirmDialog } from './ConfirmDialog';
import { describeRecord, fieldLabel, valueText } from './record-summary';
import { ChangedFieldList, RefusedChangeCard, type RefusedChange } from './RefusedChangeCard';
import './changes.css';

/** Bookkeeping every change carries; not what a person changed. */
const BOOKKEEPING = new Set(['createdAt', 'updatedAt', 'createdBy']);

/** A new record's empty fields say nothing about what would be lost. */
function isUnset(field: string, value: unknown): boolean {
  return value === '' || value === null || (field === 'deleted' && value === false) || (Array.isArray(value) && value.length === 0);
}

function reasonFor(code: string): string {
  const key = `changes.reason.${code}`;
  return isMessageKey(key) ? t(key) : t('changes.reason.unknown');
}

async function describeRefused(db: TalkaDatabase, entry: OutboxEntry, outbox: readonly OutboxEntry[]): Promise<RefusedChange> {
  const record = await describeRecord(db, entry.table, entry.recordId, entry.fields);
  const createdHere = Object.values(entry.base).every((clock) => clock === null) && 'createdAt' in entry.fields;
  const onlyChangeOfRecord = outbox.filter((other) => other.recordId === entry.recordId).length === 1;
  return {
    id: entry.id,
    kind: record.kind,
    title: record.title,
    href: record.href,
    exists: record.exists,
    // discardChange removes the record only when nothing else of it waits.
    isCreate: createdHere && onlyChangeOfRecord,
    reason: reasonFor(entry.rejection?.code ?? ''),
    code: entry.rejection?.code ?? '',
    serverMessage: entry.rejection?.message ?? '',
    fields: Object.entries(entry.fields)
      .filter(([field, value]) => !BOOKKEEPING.has(field) && !(createdHere && isUnset(field, value)))
      .map(([field, value]) => ({ field, label: fieldLabel(field), text: valueText(entry.table, field, value) })),
  };
}

/** The outbox: how many changes wait, and each change the server refused, to send again or discard. */
export function ChangesScreen() {
  const { db, notebook } = useServices();
  const current = session.value;
  const userId = current?.user.id ?? null;
  const outbox = useLiveQuery(async () => {
    const entries = await listOutbox(db);
    const refused = await Promise.all(entries.filter((entry) => entry.rejection).map((entry) => describeRefused(db, entry, entries)));
    const mine = new Set([userId, notebook.deviceId]);
    const byOthers = userId === null ? 0 : entries.filter((entry) => entry.author !== undefined && !mine.has(entry.author)).length;
    return { pending: entries.length, refused, byOthers };
  }, [db, userId, notebook.deviceId]);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [discarding, setDiscarding] = useState<RefusedChange | null>(null);

  const retry = async (change: RefusedChange) => {
    setBusyId(change.id);
    try {
      await retryChange(db, change.id);
      showToast({ message: t('changes.retried') });
      void syncNow();
    } finally {
      setBusyId(null);
    }
  };
  const discard = async (change: RefusedChange) => {
    setDiscarding(null);
    setBusyId(change.id);
    try {
      await discardChange(db, change.id);
      showToast({ message: t('changes.discarded') });
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Page title={t('changes.title')}>
      {outbox === undefined ? <Loading /> : (
        <>
          <p class="changes__summary" data-testid="changes-pending">
            {outbox.pending === 0 ? t('changes.allSent') : t('sync.pending', { count: outbox.pending })}
            {outbox.pending > 0 && !current && <> {t('changes.notSignedIn')} <a href="/login">{t('header.signIn')}</a></>}
          </p>
          {outbox.byOthers > 0 && <p class="muted">{t('changes.othersWaiting', { count: outbox.byOthers })}</p>}
          <section aria-labelledby="refused-heading">
            <h2 id="refused-heading">{t('changes.refusedTitle')}</h2>
            {outbox.refused.length === 0 ? <p class="muted">{t('changes.noneRefused')}</p> : (
              <>
                <p>{t('changes.refusedIntro')}</p>
                <ul class="refused-changes">
                  {outbox.refused.map((change) => (
                    <RefusedChangeCard key={change.id} change={change} busy={busyId === change.id}
                      onRetry={() => void retry(change)} onDiscard={() => setDiscarding(change)} />
                  ))}
                </ul>
              </>
            )}
          </section>
        </>
      )}
      {discarding && (
        <ConfirmDialog title={t('changes.discardTitle')} confirmLabel={t('changes.discardConfirm')} danger
          onConfirm={() => void discard(discarding)} onCancel={() => setDiscarding(null)}>
          {discarding.isCreate
            ? <p>{t('changes.discardCreate', { name: discarding.title ?? discarding.kind })}</p>
            : <p>{t('changes.discardEdit')}</p>}
          {discarding.fields.length > 0 && <ChangedFieldList fields={discarding.fields} />}
        </ConfirmDialog>
      )}
    </Page>
  );
}
