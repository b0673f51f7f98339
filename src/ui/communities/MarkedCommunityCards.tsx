import type { StoredRecord } from '../../db';
import { useConflictedIds } from '../conflicts/use-conflicted-ids';
import { CommunityCards } from './CommunityCards';

/** The cards with their conflict marks: loaded after the first screen, for a signed-in person. */
export function MarkedCommunityCards({ communities }: { communities: readonly StoredRecord<'communities'>[] }) {
  return <CommunityCards communities={communities} conflicted={useConflictedIds()} />;
}
