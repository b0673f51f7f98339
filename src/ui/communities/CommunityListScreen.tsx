import { useLiveQuery } from '../../db/live';
import { listCommunities } from '../../db/queries';
import { loadAllMessages, t } from '../../i18n';
import type { StoredRecord } from '../../db';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { CommunityCards } from './CommunityCards';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from '../../account/session';
import { deferred } from '../device/deferred';

/** Cards with conflict marks, whose query loads after the first screen; plain cards until then. */
function LaterMarkedCards({ communities }: { communities: readonly StoredRecord<'communities'>[] }) {
  const [Marked, setMarked] = useState<ComponentType<{ communities: readonly StoredRecord<'communities'>[] }> | null>(null);
  useEffect(() => {
    let live = true;
    void import('./MarkedCommunityCards').then((module) => { if (live) setMarked(() => module.MarkedCommunityCards); });
    return () => { live = false; };
  }, []);
  return Marked ? <Marked communities={communities} /> : <CommunityCards communities={communities} />;
}

/**
 * What is due soon (next steps, measure deadlines) is a signed-in person's and not the first paint's:
 * its code and strings load after the first screen, so a first visit stays light.
 */
const LaterDueLists = deferred(() => Promise.all([import('../progress/HomeDueLists'), loadAllMessages()]).then(([m]) => m.HomeDueLists));

export function CommunityListScreen() {
  const { db } = useServices();
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  return (
    <Page title={t('communities.title')} actions={<a class="button button--primary" href="/communities/new">+ {t('communities.new')}</a>}>
      {communities === undefined ? <Loading /> : communities.length === 0 ? (
        <p class="notice">{t('communities.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('communities.count', { count: communities.length })}</p>
          {session.value ? <LaterMarkedCards communities={communities} /> : <CommunityCards communities={communities} />}
        </>
      )}
      {session.value && <LaterDueLists />}
    </Page>
  );
}
