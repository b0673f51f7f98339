import { listOrganisationEvents, useLiveQuery } from '../../db';
import { formatDay, t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';

/** The organisation's own events (/events): those no community holds, such as a regional forum or a leaders' retreat. */
export function EventsScreen() {
  const { db } = useServices();
  const events = useLiveQuery(() => listOrganisationEvents(db), [db]);
  return (
    <Page title={t('events.organisation')} actions={<a class="button button--primary" href="/events/new">+ {t('workshops.new')}</a>}>
      {events === undefined ? <Loading /> : events.length === 0 ? <p class="notice">{t('events.organisationEmpty')}</p> : (
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
      )}
    </Page>
  );
}
