import type { StoredRecord } from '../../db';
import { formatDay, tLabel } from '../../i18n';

/** Events as rows that open them: title, date and time, kind, and status. */
export function EventList({ events }: { events: readonly StoredRecord<'workshops'>[] }) {
  return (
    <ul class="row-list">
      {events.map((event) => (
        <li key={event.id}>
          <a class="grow card-link" href={`/workshops/${event.id}`}>
            <strong>{event.title}</strong>
            <span class="muted"> · {formatDay(event.date)}{event.startTime && ` ${event.startTime}`} · {tLabel('workshopKind', event.kind)}</span>
          </a>
          <span class="tag">{tLabel('workshopStatus', event.status)}</span>
        </li>
      ))}
    </ul>
  );
}
