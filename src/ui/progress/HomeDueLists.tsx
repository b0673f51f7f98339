// On the home screen, below the communities: next steps from mentors' visits that are due soon or overdue
// (a mentor's own, every one for a coordinator) and support-measure deadlines of the next 30 days.
// Its own file: the words come with the rest of Latvian, after the first paint (first-screen-strings.test.ts).
import { session } from '../../account/session';
import { listCommunities, useLiveQuery } from '../../db';
import { listAllVisits, listMeasures } from '../../db/progress-queries';
import { localDay } from '../../domain/days';
import { deadlinesWithin } from '../../domain/measures';
import { dueSteps } from '../../domain/next-steps';
import { formatDay, t } from '../../i18n';
import { useServices } from '../app-context';

export function HomeDueLists() {
  const { db } = useServices();
  const user = session.value?.user;
  const today = localDay(Date.now());
  const data = useLiveQuery(async () => {
    const [visits, measures, communities] = await Promise.all([listAllVisits(db), listMeasures(db), listCommunities(db)]);
    return { visits, measures, names: new Map(communities.map((community) => [community.id, community.name])) };
  }, [db]);
  if (!data) return null;
  const steps = user?.role === 'coordinator' ? dueSteps(data.visits, today, null) : user?.role === 'mentor' ? dueSteps(data.visits, today, user.id) : [];
  const deadlines = deadlinesWithin(data.measures, today, 30);
  return (
    <>
      {steps.length > 0 && (
        <section class="card" aria-labelledby="home-due-steps" style={{ marginTop: '1rem' }} data-testid="due-steps">
          <h2 id="home-due-steps">{t('home.dueSteps')}</h2>
          <ul class="row-list">
            {steps.map((item) => (
              <li key={`${item.visitId}-${item.step.id}`}>
                {/* Only the step is the link: the community's name stays the name of one link on this screen, its own. */}
                <span class="grow">
                  <a href={`/communities/${item.communityId}/visits`}><strong>{item.step.what}</strong></a>
                  <span class="muted"> · {data.names.get(item.communityId) ?? ''} · {formatDay(item.step.due)}{item.step.who && ` · ${item.step.who}`}</span>
                </span>
                {item.overdue && <span class="tag tag--warning">{t('home.overdue')}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="card" aria-labelledby="home-deadlines" style={{ marginTop: '1rem' }}>
        <div class="page__header">
          <h2 id="home-deadlines">{t('home.deadlines')}</h2>
          <a class="button" href="/measures">{t('measures.title')}</a>
        </div>
        {deadlines.length > 0 && (
          <ul class="row-list" data-testid="deadlines">
            {deadlines.map((measure) => (
              <li key={measure.id}><span class="grow"><strong>{measure.name}</strong> <span class="muted">· {formatDay(measure.deadline)}</span></span></li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
