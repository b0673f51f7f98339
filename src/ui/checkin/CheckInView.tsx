import { useMemo, useRef, useState } from 'preact/hooks';
import type { ConsentText } from '../../../protocol';
import type { StoredRecord } from '../../db';
import { consentMissing, type ConsentAnswer } from '../../domain/consent';
import { buildSearchIndex, searchIndex } from '../../domain/search';
import { formatTime, t } from '../../i18n';
import { FormError, TextField } from '../components/fields';
import { describeSaveError, type SaveFailure } from '../save-error';
import { ConsentDialog } from './ConsentDialog';
import { ConsentTags } from './ConsentTags';
import { ParticipantForm, emptyParticipant, type ParticipantFields } from './ParticipantForm';

type StoredParticipant = StoredRecord<'participants'>;

/** Rows drawn at once; typing narrows a big community down quicker than scrolling. */
const RESULT_LIMIT = 40;

export interface CheckInViewProps {
  participants: readonly StoredParticipant[];
  /** Who is checked in (each person once) and since when. */
  attendance: readonly Pick<StoredRecord<'attendance'>, 'participantId' | 'checkedInAt'>[];
  onCheckIn: (participantId: string) => Promise<void>;
  onCheckOut: (participantId: string) => Promise<void>;
  /** The consent text in force: asked at the door of anyone whose consent was never recorded, and of walk-ins. */
  consentText: ConsentText;
  /** Records a person's answers to the consent text and checks them in. */
  onCheckInWithConsent: (participantId: string, answer: ConsentAnswer) => Promise<void>;
  onAddWalkIn: (fields: ParticipantFields) => Promise<SaveFailure | null>;
  /** A person's home community, to tell two people of one name apart. */
  homeOf?: (participant: StoredParticipant) => string;
}

/** Find people by typing (diacritics optional), check them in or out with one tap, add walk-ins. */
export function CheckInView({ participants, attendance, onCheckIn, onCheckOut, consentText, onCheckInWithConsent, onAddWalkIn, homeOf }: CheckInViewProps) {
  const [query, setQuery] = useState('');
  const inFlight = useRef(new Set<string>());
  const [failure, setFailure] = useState<string | null>(null);
  const [walkIn, setWalkIn] = useState<{ name: string; key: number } | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [asking, setAsking] = useState<StoredParticipant | null>(null);

  // Folded once per participant list, so a keystroke only compares strings.
  const index = useMemo(() => buildSearchIndex(participants, (p) => `${p.name} ${p.household} ${p.phone}`), [participants]);
  const found = useMemo(() => searchIndex(index, query, RESULT_LIMIT + 1), [index, query]);
  const shown = found.slice(0, RESULT_LIMIT);

  const checkedInAt = useMemo(() => new Map(attendance.map((row) => [row.participantId, row.checkedInAt])), [attendance]);
  const present = useMemo(
    () => participants
      .filter((p) => checkedInAt.has(p.id))
      .sort((a, b) => (checkedInAt.get(b.id) ?? 0) - (checkedInAt.get(a.id) ?? 0)),
    [participants, checkedInAt],
  );

  // A second tap while the first is still being written would undo it; it waits instead.
  const run = async (participantId: string, write: () => Promise<void>) => {
    if (inFlight.current.has(participantId)) return;
    inFlight.current.add(participantId);
    setFailure(null);
    try {
      await write();
    } catch (error) {
      setFailure(describeSaveError(error).message);
    } finally {
      inFlight.current.delete(participantId);
    }
  };
  const toggle = async (participantId: string, checkIn: boolean) => {
    const person = checkIn ? participants.find((p) => p.id === participantId) : undefined;
    // Someone never asked for consent is asked at the door, before the check-in is written.
    if (person && consentMissing(person)) {
      setAsking(person);
      return;
    }
    await run(participantId, () => (checkIn ? onCheckIn(participantId) : onCheckOut(participantId)));
  };
  const answerConsent = (participantId: string, answer: ConsentAnswer | null) => {
    setAsking(null);
    void run(participantId, () => (answer ? onCheckInWithConsent(participantId, answer) : onCheckIn(participantId)));
  };
  const latestToggle = useRef(toggle);
  latestToggle.current = toggle;

  // Made again only when someone checks in or out: a keystroke in the search re-renders this view, and
  // Preact skips a vnode it has already drawn, so the list of those present is left alone (each of its rows
  // formats a time, which costs far more than the search).
  const presentList = useMemo(
    () => <PresentList present={present} checkedInAt={checkedInAt} onCheckOut={(participantId) => void latestToggle.current(participantId, false)} />,
    [present, checkedInAt],
  );

  const openWalkIn = () => setWalkIn({ name: found.length === 0 ? query.trim() : '', key: Date.now() });
  const saveWalkIn = async (fields: ParticipantFields) => {
    const result = await onAddWalkIn(fields);
    if (!result) {
      setWalkIn(null);
      setQuery('');
      setAdded(fields.name.trim());
    }
    return result;
  };

  return (
    <div class="checkin">
      <p class="checkin-count" role="status" data-testid="checkin-count">{t('checkin.count', { count: present.length })}</p>
      <div class="checkin-layout">
        <div class="checkin-find">
          <TextField label={t('checkin.search')} type="search" value={query} hint={t('checkin.searchHint')}
            onValue={(value) => { setQuery(value); setAdded(null); }}
            autoComplete="off" autoCapitalize="off" spellcheck={false} enterKeyHint="search" />
          <FormError message={failure} />
          {added && <p class="notice" role="status">{t('checkin.walkInAdded', { name: added })}</p>}

          {participants.length === 0 ? (
            <p class="muted">{t('checkin.noParticipants')}</p>
          ) : shown.length === 0 ? (
            <p class="muted">{t('checkin.noMatch', { query: query.trim() })}</p>
          ) : (
            <ul class="checkin-results" aria-label={t('checkin.results')}>
              {shown.map((participant) => {
                const isPresent = checkedInAt.has(participant.id);
                const details = [homeOf?.(participant), participant.household, participant.phone].filter(Boolean).join(' · ');
                const missing = consentMissing(participant);
                return (
                  <li key={participant.id}>
                    <button type="button" class="checkin-toggle" aria-pressed={isPresent}
                      onClick={() => void toggle(participant.id, !isPresent)}>
                      <span class="checkin-toggle__who">
                        <span class="checkin-toggle__name">{participant.name}</span>
                        {details && <span class="checkin-toggle__details">{details}</span>}
                        {missing && <span class="checkin-toggle__consent">{t('consent.missing')}</span>}
                      </span>
                      <span class="checkin-toggle__state" aria-hidden="true">
                        {isPresent ? `✓ ${t('checkin.present')}` : t('checkin.markPresent')}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {found.length > RESULT_LIMIT && <p class="muted">{t('checkin.moreResults', { shown: RESULT_LIMIT })}</p>}

          {walkIn ? (
            <section class="card checkin-walkin" aria-labelledby="walkin-heading">
              <h2 id="walkin-heading">{t('checkin.walkInTitle')}</h2>
              <ParticipantForm key={walkIn.key} initial={emptyParticipant(walkIn.name)} submitLabel={t('checkin.walkInSave')}
                onSave={saveWalkIn} onCancel={() => setWalkIn(null)} focusName consentText={consentText} />
            </section>
          ) : (
            <button type="button" class="button checkin-walkin-open" onClick={openWalkIn}>
              + {found.length === 0 && query.trim() ? t('checkin.addWalkInNamed', { name: query.trim() }) : t('checkin.addWalkIn')}
            </button>
          )}
        </div>

        <section class="card checkin-present" aria-labelledby="checkin-present-heading">
          <h2 id="checkin-present-heading">{t('checkin.checkedIn')} <span class="muted">({present.length})</span></h2>
          {presentList}
        </section>
      </div>
      {asking && (
        <ConsentDialog key={asking.id} name={asking.name} text={consentText}
          onRecord={(answer) => answerConsent(asking.id, answer)} onLater={() => answerConsent(asking.id, null)}
          onCancel={() => setAsking(null)} />
      )}
    </div>
  );
}

interface PresentListProps {
  present: readonly StoredParticipant[];
  checkedInAt: ReadonlyMap<string, number>;
  onCheckOut: (participantId: string) => void;
}

/** Who is here, latest first. Its own component, so a change of language re-renders it by itself. */
function PresentList({ present, checkedInAt, onCheckOut }: PresentListProps) {
  if (present.length === 0) return <p class="muted">{t('checkin.nobodyYet')}</p>;
  const missing = present.filter(consentMissing).length;
  return (
    <>
      {missing > 0 && <p class="checkin-present__missing" data-testid="consent-missing-count">{t('consent.missingCount', { count: missing })}</p>}
      <ul class="row-list" data-testid="checked-in-list">
        {present.map((participant) => (
          <li key={participant.id}>
            <span class="grow">
              <strong>{participant.name}</strong>
              <span class="muted"> {t('checkin.at', { time: formatTime(checkedInAt.get(participant.id) ?? 0) })}</span>
              <span class="checkin-present__tags"><ConsentTags participant={participant} missingOnly /></span>
            </span>
            <button type="button" class="button button--ghost" aria-label={t('checkin.checkOutLabel', { name: participant.name })}
              onClick={() => onCheckOut(participant.id)}>
              {t('checkin.checkOut')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
