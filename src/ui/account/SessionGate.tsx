// No screen shows an organisation's data without a session. A device that
// holds an organisation's data (its owner is set: someone signed in, or a
// backup of an organisation was imported) and has no session — signed out
// when emptying the device failed, or a session lost some other way — shows
// only the sign-in and setup pages until someone signs in. Data typed before
// anyone ever signed in belongs to no organisation yet and stays open to the
// one holding the device. A session whose token expired is still a session:
// the facilitator keeps working and is asked to sign in again at the next sync.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect } from 'preact/hooks';
import { session } from '../../account/session';
import { useLiveQuery } from '../../db/live';
import { loadDataOwner } from '../../db/meta';
import { useServices } from '../app-context';

/** The pages a device without a session may show whatever it holds. */
const OPEN_PATHS: ReadonlySet<string> = new Set(['/login', '/setup']);

export function mayShow(path: string, signedIn: boolean, owner: string | null | undefined): boolean | undefined {
  if (signedIn || OPEN_PATHS.has(path)) return true;
  if (owner === undefined) return undefined;
  return owner === null;
}

export function SessionGate({ children }: { children: ComponentChildren }) {
  const { db } = useServices();
  const { path, route } = useLocation();
  const signedIn = session.value !== null;
  const owner = useLiveQuery(async () => (signedIn ? null : loadDataOwner(db)), [db, signedIn]);
  const allowed = mayShow(path, signedIn, signedIn ? null : owner);
  useEffect(() => {
    if (allowed === false) route('/login', true);
  }, [allowed, route]);
  return allowed ? <>{children}</> : null;
}
