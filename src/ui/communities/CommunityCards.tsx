import type { StoredRecord } from '../../db';
import { municipalityName } from '../../domain/municipalities';
import { tLabel } from '../../i18n';
import { ConflictMark } from '../conflicts/ConflictMark';

/** The communities as cards; those with an open conflict carry its mark (`conflicted`, when known). */
export function CommunityCards({ communities, conflicted }: { communities: readonly StoredRecord<'communities'>[]; conflicted?: ReadonlySet<string> | undefined }) {
  return (
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
  );
}
