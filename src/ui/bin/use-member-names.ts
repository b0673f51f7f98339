// The names of the organisation's users, for "who deleted" and "who wrote":
// the `members` records the server writes for every user and every device
// pulls, so names show offline too.
import { useMemo } from 'preact/hooks';
import { session } from '../../account/session';
import { memberNames, useLiveQuery } from '../../db';
import { useServices } from '../app-context';

/** User id → name; the signed-in user is always known. Undefined while read. */
export function useMemberNames(): ReadonlyMap<string, string> | undefined {
  const { db } = useServices();
  const me = session.value?.user;
  const names = useLiveQuery(() => memberNames(db), [db]);
  const myId = me?.id;
  const myName = me?.name;
  return useMemo(() => {
    if (!names) return undefined;
    return myId !== undefined && myName !== undefined && !names.has(myId) ? new Map([...names, [myId, myName]]) : names;
  }, [names, myId, myName]);
}
