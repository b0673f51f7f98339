import { useState } from 'preact/hooks';
import { session } from '../../account/session';
import { useLiveQuery, type StoredRecord } from '../../db';
import { listCommunityEnrolments, listProgrammes, type EnrolmentRow } from '../../db/programme-queries';
import { localDay } from '../../domain/days';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { Loading } from '../components/page';
import { attemptSave } from '../save-error';
import { EnrolmentForm, type EnrolmentFields } from './EnrolmentForm';
import { EnrolmentList } from './EnrolmentList';
import './programmes.css';

type Editing = { kind: 'new' } | { kind: 'existing'; row: EnrolmentRow } | null;

/** A community's enrolments in programmes, past and present, on its page; coordinators enrol it and edit them here. */
export function CommunityEnrolments({ community }: { community: StoredRecord<'communities'> }) {
  const { db, notebook } = useServices();
  const rows = useLiveQuery(() => listCommunityEnrolments(db, community.id), [db, community.id]);
  const programmes = useLiveQuery(() => listProgrammes(db), [db]);
  const [editing, setEditing] = useState<Editing>(null);
  const coordinator = session.value?.user.role === 'coordinator';
  const today = localDay(Date.now());

  const save = (existingId: string | null) => (fields: EnrolmentFields) => attemptSave(async () => {
    if (existingId === null) await notebook.create('enrolments', fields);
    else {
      const { communityId: _community, programmeId: _programme, ...editable } = fields;
      await notebook.update('enrolments', existingId, editable);
    }
    setEditing(null);
  });

  return (
    <section id="enrolments" class="card" aria-labelledby="enrolments-heading" style={{ marginTop: '1rem' }}>
      <div class="page__header">
        <h2 id="enrolments-heading">{t('enrolment.section')}</h2>
        {coordinator && editing?.kind !== 'new' && (
          <button type="button" class="button button--primary" onClick={() => setEditing({ kind: 'new' })}>+ {t('enrolment.enrol')}</button>
        )}
      </div>
      {rows === undefined || programmes === undefined ? <Loading /> : (
        <>
          {editing?.kind === 'new' && (
            programmes.length === 0 ? <p class="notice">{t('enrolment.noProgrammes')}</p> : (
              <EnrolmentForm title={t('enrolment.new')} programmes={programmes} communities={[community]} today={today}
                onSave={save(null)} onCancel={() => setEditing(null)} />
            )
          )}
          {rows.length === 0 ? <p class="muted">{t('enrolment.none')}</p> : (
            <EnrolmentList rows={rows} by="programme" today={today}
              onEdit={coordinator ? (row) => setEditing({ kind: 'existing', row }) : undefined}
              editing={editing?.kind === 'existing' ? {
                id: editing.row.enrolment.id,
                form: (
                  <EnrolmentForm title={t('enrolment.edit')} programmes={programmes} communities={[community]} existing={editing.row.enrolment} today={today}
                    onSave={save(editing.row.enrolment.id)} onCancel={() => setEditing(null)} />
                ),
              } : null} />
          )}
        </>
      )}
    </section>
  );
}
