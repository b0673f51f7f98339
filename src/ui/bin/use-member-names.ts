// The names of the organisation's users, for "who deleted" and "who wrote":
// the members the device keeps, refreshed from the users list when a
// coordinator opens the screen online (the device keeps them for offline).
import { useEffect, useMemo } from 'preact/hooks';
import { session } from '../../account/session';
import { memberNames, rememberMembers, useLiveQuery } from '../../db';
import { useServices } from '../app-context';
import { useApi } from '../account/api-context';

/** User id → name; the signed-in user is always known. Undefined while read. */
export function useMemberNames(): ReadonlyMap<string, string> | undefined {
  const { db } = useServices();
  const api = useApi();
  const me = session.value?.user;
  useEffect(() => {
    if (me?.role !== 'coordinator') return;
    // Offline or refused: the names kept from last time serve.
    void api.listUsers().then(({ users }) => rememberMembers(db, users), () => undefined);
  }, [api, db, me?.role]);
  const names = useLiveQuery(() => memberNames(db), [db]);
  const myId = me?.id;
  const myName = me?.name;
  return useMemo(() => {
    if (!names) return undefined;
    return myId !== undefined && myName !== undefined && !names.has(myId) ? new Map([...names, [myId, myName]]) : names;
  }, [names, myId, myName]);
}
