import { listAssignable, useLiveQuery } from '../../db';
import { t, tLabel } from '../../i18n';
import { useServices } from '../app-context';
import { Loading } from '../components/page';
import { tellIfRefused } from '../device/tell-if-refused';

/** A coordinator's choice of who works with a community: they see it (and only what they are assigned) on their devices. */
export function AssignmentsSection({ communityId }: { communityId: string }) {
  const { db, notebook } = useServices();
  const members = useLiveQuery(() => listAssignable(db, communityId), [db, communityId]);
  return (
    <section class="card" aria-labelledby="assignments-heading" style={{ marginTop: '1rem' }}>
      <h2 id="assignments-heading">{t('assign.title')}</h2>
      <p class="muted">{t('assign.intro')}</p>
      {members === undefined ? <Loading /> : members.length === 0 ? <p>{t('assign.none')}</p> : (
        <fieldset class="choice-list">
          <legend class="visually-hidden">{t('assign.title')}</legend>
          {members.map((member) => (
            <label key={member.id} class="choice">
              <input type="checkbox" checked={member.assigned}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  void tellIfRefused(() => notebook.setAssignment(member.id, communityId, on));
                }} />
              <span>{t('assign.role', { name: member.name, role: tLabel('userRole', member.role) })}</span>
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}
