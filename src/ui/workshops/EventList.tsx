import type { ComponentChildren } from 'preact';
import type { StoredRecord } from '../../db';
import { formatDay, tLabel } from '../../i18n';
import { ConflictMark } from '../conflicts/ConflictMark';

export interface EventListProps {
  events: readonly StoredRecord<'workshops'>[];
  /** Events with a conflict not yet reviewed: they carry its mark. */
  conflicted?: ReadonlySet<string> | undefined;
  /** Anything shown after an event's status (an offer to mark it held). */
  aside?: (event: StoredRecord<'workshops'>) => ComponentChildren;
}

/** Events as rows that open them: title, date and time, kind, and status. */
export function EventList({ events, conflicted, aside }: EventListProps) {
  return (
    <ul class="row-list">
      {events.map((event) => (
        <li key={event.id}>
          <a class="grow card-link" href={`/workshops/${event.id}`}>
            <strong>{event.title}</strong>{conflicted?.has(event.id) && <> <ConflictMark /></>}
            <span class="muted"> · {formatDay(event.date)}{event.startTime && ` ${event.startTime}`} · {tLabel('workshopKind', event.kind)}</span>
          </a>
          <span class="tag">{tLabel('workshopStatus', event.status)}</span>
          {aside?.(event)}
        </li>
      ))}
    </ul>
  );
}
