import { useLiveQuery } from '../../db/live';
import { listCommunities } from '../../db/queries';
import { municipalityName } from '../../domain/municipalities';
import { t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { ConflictMark, useConflictedIds } from '../conflicts/ConflictMark';
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { session } from '../../account/session';

/**
 * What is due soon (next steps, measure deadlines) is a signed-in person's and not the first paint's:
 * its code and strings load after the list, so a first visit stays light.
 */
function LaterDueLists() {
  const [Lists, setLists] = useState<ComponentType | null>(null);
  useEffect(() => {
    let live = true;
    void import('../progress/HomeDueLists').then((module) => { if (live) setLists(() => module.HomeDueLists); });
    return () => { live = false; };
  }, []);
  return Lists ? <Lists /> : null;
}

export function CommunityListScreen() {
  const { db } = useServices();
  const communities = useLiveQuery(() => listCommunities(db), [db]);
  const conflicted = useConflictedIds();
  return (
    <Page title={t('communities.title')} actions={<a class="button button--primary" href="/communities/new">+ {t('communities.new')}</a>}>
      {communities === undefined ? <Loading /> : communities.length === 0 ? (
        <p class="notice">{t('communities.empty')}</p>
      ) : (
        <>
          <p class="muted">{t('communities.count', { count: communities.length })}</p>
          <ul class="card-list">
            {communities.map((community) => (
              <li key={community.id}>
                <a class="card-link" href={`/communities/${community.id}`}>
                  <h2>{community.name}</h2>
                  <p class="muted">
                    {[community.parish, municipalityName(community.municipality)].filter(Boolean).join(', ')}
                  </p>
                  <span class="tag">{tLabel('maturity', community.maturity)}</span>
                  {conflicted?.has(community.id) && <> <ConflictMark /></>}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {session.value && <LaterDueLists />}
    </Page>
  );
}
