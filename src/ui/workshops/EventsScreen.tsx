import { listOrganisationEvents, useLiveQuery } from '../../db';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading, Page } from '../components/page';
import { EventList } from './EventList';

/** The organisation's own events (/events): those no community holds, such as a regional forum or a leaders' retreat. */
export function EventsScreen() {
  const { db } = useServices();
  const events = useLiveQuery(() => listOrganisationEvents(db), [db]);
  return (
    <Page title={t('events.organisation')} actions={<a class="button button--primary" href="/events/new">+ {t('workshops.new')}</a>}>
      {events === undefined ? <Loading /> : events.length === 0 ? <p class="notice">{t('events.organisationEmpty')}</p> : <EventList events={events} />}
    </Page>
  );
}
