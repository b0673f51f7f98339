import { useState } from 'preact/hooks';
import { hlcDeviceId, hlcWall, type Hlc } from '../../../protocol';
import { listOpenConflicts, useLiveQuery, type StoredRecord, type TalkaDatabase } from '../../db';
import { formatDateTime, t } from '../../i18n';
import { session } from '../../account/session';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { showToast } from '../components/toast';
import { describeSaveError } from '../save-error';
import { describeRecord, fieldLabel, isLongText, isMergeableText, valueText } from '../sync/record-summary';
import { ConflictCard, type ConflictSide, type ConflictView } from './ConflictCard';
import { useMemberNames } from '../bin/use-member-names';
import './conflicts.css';

interface OpenConflict {
  view: ConflictView;
  currentValue: unknown;
  keptValue: unknown;
}

/** Who made a value: the user's name (from the members kind) and the device's label, else what the clock tells. */
export interface Maker {
  /** A user's id, when the server knows it. */
  by: string | undefined;
  /** The device's label, when it has one. */
  device: string | undefined;
}

function whoMade(maker: Maker, clock: Hlc, deviceId: string, names: ReadonlyMap<string, string>): string {
  const name = maker.by === undefined ? undefined : names.get(maker.by);
  const ownDevice = hlcDeviceId(clock) === deviceId;
  const device = maker.device || (ownDevice ? t('conflicts.thisDevice').toLowerCase() : undefined);
  if (name) return device ? t('conflicts.personOnDevice', { name, device }) : t('conflicts.person', { name });
  if (maker.device) return t('conflicts.deviceNamed', { device: maker.device });
  return ownDevice ? t('conflicts.thisDevice') : t('conflicts.device', { id: hlcDeviceId(clock) });
}

function side(table: string, field: string, value: unknown, clock: Hlc, maker: Maker, deviceId: string, names: ReadonlyMap<string, string>): ConflictSide {
  return {
    text: valueText(table, field, value),
    who: whoMade(maker, clock, deviceId, names),
    when: formatDateTime(hlcWall(clock)),
  };
}

/** A conflict as the coordinator sees it: the record's value now (which the winner set, or a later edit) against the kept one. */
async function describeConflict(
  db: TalkaDatabase, conflict: StoredRecord<'conflicts'>, deviceId: string, names: ReadonlyMap<string, string>,
): Promise<OpenConflict> {
  const { table, field, recordId } = conflict;
  const record = await describeRecord(db, table, recordId);
  const current = record.record !== null && field in record.record ? record.record : null;
  const currentValue = current ? current[field] : conflict.winnerValue;
  const currentClock = current?.clocks[field] || conflict.winnerClock;
  const keptValue = conflict.loserValue;
  const mergeable = isMergeableText(table, field) && typeof currentValue === 'string' && typeof keptValue === 'string';
  return {
    currentValue,
    keptValue,
    view: {
      id: conflict.id,
      kind: record.kind,
      title: record.title,
      href: record.href,
      fieldLabel: fieldLabel(field),
      // The record's value is the winner's unless a later edit changed it since (then its maker is not known here).
      current: side(table, field, currentValue, currentClock,
        currentClock === conflict.winnerClock ? { by: conflict.winnerBy, device: conflict.winnerDevice } : { by: undefined, device: undefined }, deviceId, names),
      kept: side(table, field, keptValue, conflict.loserClock, { by: conflict.loserBy, device: conflict.loserDevice }, deviceId, names),
      merge: mergeable
        ? { initial: isLongText(table, field) ? `${currentValue}\n\n${keptValue}` : currentValue, multiline: isLongText(table, field) }
        : null,
    },
  };
}

/** Coordinators decide each open conflict; the decision is an ordinary synced edit. */
export function ConflictsScreen() {
  const current = session.value;
  // Anyone else sees, read only, the values of theirs that another device's replaced (the notice links here).
  if (current && current.user.role !== 'coordinator') return <OwnReplacedValues userId={current.user.id} />;
  if (!current) {
    return (
      <Page title={t('conflicts.title')}>
        <p class="notice">{t('conflicts.coordinatorsOnly')}{!current && <> <a href="/login">{t('header.signIn')}</a></>}</p>
      </Page>
    );
  }
  return <ConflictList resolvedBy={current.user.name} />;
}

function OwnReplacedValues({ userId }: { userId: string }) {
  const { db, notebook } = useServices();
  const names = useMemberNames();
  const conflicts = useLiveQuery(
    async () => (names === undefined ? undefined : Promise.all((await listOpenConflicts(db))
      .filter((conflict) => conflict.loserBy === userId)
      .map((conflict) => describeConflict(db, conflict, notebook.deviceId, names)))),
    [db, notebook.deviceId, names, userId],
  );
  return (
    <Page title={t('conflicts.title')}>
      <p>{t('conflicts.ownIntro')}</p>
      {conflicts === undefined ? <Loading /> : conflicts.length === 0 ? <p class="notice">{t('conflicts.none')}</p> : (
        <ul class="conflicts">
          {conflicts.map(({ view }) => <ConflictCard key={view.id} conflict={view} busy={false} error={null} />)}
        </ul>
      )}
    </Page>
  );
}

function ConflictList({ resolvedBy }: { resolvedBy: string }) {
  const { db, notebook } = useServices();
  const names = useMemberNames();
  const conflicts = useLiveQuery(
    async () => (names === undefined ? undefined
      : Promise.all((await listOpenConflicts(db)).map((conflict) => describeConflict(db, conflict, notebook.deviceId, names)))),
    [db, notebook.deviceId, names],
  );
  const [busyId, setBusyId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const resolve = async (id: string, value: unknown) => {
    setBusyId(id);
    setErrors(({ [id]: _dropped, ...rest }) => rest);
    try {
      await notebook.resolveConflict(id, value, resolvedBy);
      showToast({ message: t('conflicts.resolved') });
    } catch (error) {
      const failure = describeSaveError(error);
      setErrors((all) => ({ ...all, [id]: Object.values(failure.fields)[0] ?? failure.message }));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <Page title={t('conflicts.title')}>
      {conflicts === undefined ? <Loading /> : conflicts.length === 0 ? <p class="notice">{t('conflicts.none')}</p> : (
        <>
          <p>{t('conflicts.intro')}</p>
          <p class="muted">{t('conflicts.count', { count: conflicts.length })}</p>
          <ul class="conflicts">
            {conflicts.map(({ view, currentValue, keptValue }) => (
              <ConflictCard key={view.id} conflict={view} busy={busyId === view.id} error={errors[view.id] ?? null}
                onKeepCurrent={() => void resolve(view.id, currentValue)}
                onUseKept={() => void resolve(view.id, keptValue)}
                onMerge={(value) => void resolve(view.id, value)} />
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}
