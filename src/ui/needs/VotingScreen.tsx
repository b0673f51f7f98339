import { useRoute } from 'preact-iso';
import { useRef, useState } from 'preact/hooks';
import { getRecord, listVotes, useLiveQuery } from '../../db';
import { listCheckedInParticipants, listNeedsOfEvent } from '../../db/needs-queries';
import { isOpenForVoting } from '../../domain/needs-board';
import { dotsLeft, tallyVotes, voteToTakeBack } from '../../domain/votes';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { toastSaveError } from '../save-error';
import { VoteList, type VoteRow } from './VoteList';
import { VoteTally } from './VoteTally';
import { VoterPicker } from './VoterPicker';
import { VotingSetup, type VotingMode } from './VotingSetup';
import './needs.css';

/** Dot-voting at a workshop on its community's open needs, per person or anonymously. */
export function VotingScreen() {
  const { db, notebook } = useServices();
  const { params } = useRoute();
  const workshopId = params.id ?? '';

  // One query, so the needs, the dots and the voters always come from the same moment.
  const board = useLiveQuery(async () => {
    const workshop = await getRecord(db, 'workshops', workshopId);
    if (!workshop || workshop.deleted) return null;
    const [needs, votes, voters] = await Promise.all([
      listNeedsOfEvent(db, workshop), listVotes(db, workshopId), listCheckedInParticipants(db, workshopId),
    ]);
    return { workshop, needs: needs.filter(isOpenForVoting), votes, voters };
  }, [db, workshopId]);

  const [chosenMode, setChosenMode] = useState<VotingMode | null>(null);
  const [voterId, setVoterId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Taps are applied one after another, each against fresh data, so quick taps cannot spend more dots than a person has.
  const queue = useRef<Promise<void>>(Promise.resolve());

  const back = `/workshops/${workshopId}`;
  if (board === undefined) return <Page title={t('voting.title')} back={back}><Loading /></Page>;
  if (board === null) return <Page title={t('voting.title')} back={back}><NotFoundMessage /></Page>;

  const { workshop, needs, votes, voters } = board;
  const mode: VotingMode = chosenMode ?? (voters.length > 0 ? 'person' : 'anonymous');
  const voter = mode === 'person' ? voters.find((person) => person.id === voterId) ?? null : null;
  const participantId = voter?.id ?? null;
  const left = voter ? dotsLeft(votes, voter.id, workshop.dotsPerPerson) : 0;

  let blockedReason: string | null = null;
  if (mode === 'person' && !voter) blockedReason = t('voting.chooseVoter');
  else if (voter && left === 0) blockedReason = t('voting.noDotsLeft', { name: voter.name });
  const status = voter
    ? t('voting.byVoter', { name: voter.name, value: t('voting.dotsLeft', { count: left }) })
    : t('voting.anonymousHint');

  const inTurn = (task: () => Promise<void>) => {
    const next = queue.current.then(task);
    queue.current = next.catch(() => undefined);
    next.catch(toastSaveError);
  };

  const announce = async (need: { id: string; title: string }, voterNow: { id: string; name: string } | null) => {
    const fresh = await listVotes(db, workshopId);
    const count = fresh.filter((vote) => vote.needId === need.id).length;
    let text = t('voting.announce', { title: need.title, votes: t('needs.votes', { count }) });
    if (voterNow) {
      const remaining = dotsLeft(fresh, voterNow.id, workshop.dotsPerPerson);
      text += `. ${t('voting.byVoter', { name: voterNow.name, value: t('voting.dotsLeft', { count: remaining }) })}`;
    }
    setAnnouncement(text);
  };

  const addDot = (needId: string) => {
    const need = needs.find((n) => n.id === needId);
    if (!need || blockedReason) return;
    const voterNow = voter;
    inTurn(async () => {
      const fresh = await listVotes(db, workshopId);
      if (participantId !== null && dotsLeft(fresh, participantId, workshop.dotsPerPerson) === 0) return;
      await notebook.castVote(workshop, need.id, participantId);
      await announce(need, voterNow);
    });
  };

  const takeBackDot = (needId: string) => {
    const need = needs.find((n) => n.id === needId);
    if (!need) return;
    const voterNow = voter;
    inTurn(async () => {
      const vote = voteToTakeBack(await listVotes(db, workshopId), need.id, participantId);
      if (!vote) return;
      await notebook.takeBackVote(vote.id);
      await announce(need, voterNow);
    });
  };

  const setDotsPerPerson = (dots: number) => {
    notebook.update('workshops', workshopId, { dotsPerPerson: dots })
      .catch(toastSaveError);
  };

  const rows: VoteRow[] = needs.map((need) => {
    const onNeed = votes.filter((vote) => vote.needId === need.id);
    return {
      need,
      total: onNeed.length,
      byVoter: voter ? onNeed.filter((vote) => vote.participantId === voter.id).length : null,
      canTakeBack: mode === 'person' && !voter ? false : voteToTakeBack(votes, need.id, participantId) !== undefined,
    };
  });

  return (
    <Page title={t('voting.title')} back={back}
      actions={<a class="button" href={`/communities/${workshop.communityId}/needs?workshop=${workshopId}`}>{t('voting.toNeeds')}</a>}>
      <p class="muted voting-workshop">{workshop.title}</p>
      <VotingSetup dotsPerPerson={workshop.dotsPerPerson} onDotsPerPerson={setDotsPerPerson} mode={mode} onMode={setChosenMode} />
      {mode === 'person' && (
        <VoterPicker selectedId={participantId} onSelect={setVoterId} checkInHref={`/workshops/${workshopId}/checkin`}
          voters={voters.map((person) => ({ id: person.id, name: person.name, dotsLeft: dotsLeft(votes, person.id, workshop.dotsPerPerson) }))} />
      )}
      {needs.length === 0 ? <p class="notice">{t('voting.noNeeds')}</p> : (
        <div class="voting-layout">
          <VoteList rows={rows} voterName={voter?.name ?? null} canAdd={blockedReason === null} blockedReason={blockedReason}
            status={status} onAdd={addDot} onTakeBack={takeBackDot} />
          <VoteTally rows={tallyVotes(needs, votes)} />
        </div>
      )}
      <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
    </Page>
  );
}
