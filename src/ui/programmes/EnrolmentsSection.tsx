import { useState } from 'preact/hooks';
import { session } from '../../account/session';
import type { StoredRecord } from '../../db';
import type { EnrolmentRow } from '../../db/programme-queries';
import { localDay } from '../../domain/days';
import { useServices } from '../app-context';
import { Loading } from '../components/page';
import { attemptSave } from '../save-error';
import { EnrolmentForm, type EnrolmentFields } from './EnrolmentForm';
import { EnrolmentList } from './EnrolmentList';
import { t } from '../../i18n';
import './programmes.css';

type Editing = { kind: 'new' } | { kind: 'existing'; row: EnrolmentRow } | null;

export interface EnrolmentsSectionProps {
  /** The section's id (its heading's is `<id>-heading`). */
  id: string;
  heading: string;
  /** The coordinator's button that opens a new enrolment. */
  addLabel: string;
  /** The enrolments listed, undefined while they load. */
  rows: EnrolmentRow[] | undefined;
  /** Each row named by its community (on a programme's page) or by its programme (on a community's). */
  by: 'community' | 'programme';
  /** What a new or edited enrolment may choose from; undefined while they load. */
  programmes: StoredRecord<'programmes'>[] | undefined;
  communities: StoredRecord<'communities'>[] | undefined;
  /** Said when there are no enrolments. */
  none: string;
  /** Said instead of the form when there is nothing to enrol (no programme, no community), else null. */
  nothingToEnrol: string | null;
}

/**
 * Enrolments in a section of their own, on a programme's page and on a community's: the list, and for
 * coordinators a new enrolment's form and each one's edit form in place.
 */
export function EnrolmentsSection(props: EnrolmentsSectionProps) {
  const { id, heading, addLabel, rows, by, programmes, communities, none, nothingToEnrol } = props;
  const { notebook } = useServices();
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
  const form = (existing: EnrolmentRow | null) => programmes && communities && (
    <EnrolmentForm title={existing ? t('enrolment.edit') : t('enrolment.new')} programmes={programmes} communities={communities}
      existing={existing?.enrolment} today={today} onSave={save(existing?.enrolment.id ?? null)} onCancel={() => setEditing(null)} />
  );

  return (
    <section id={id} class="card enrolments-section" aria-labelledby={`${id}-heading`}>
      <div class="page__header">
        <h2 id={`${id}-heading`}>{heading}</h2>
        {coordinator && editing?.kind !== 'new' && (
          <button type="button" class="button button--primary" onClick={() => setEditing({ kind: 'new' })}>+ {addLabel}</button>
        )}
      </div>
      {rows === undefined || programmes === undefined || communities === undefined ? <Loading /> : (
        <>
          {editing?.kind === 'new' && (nothingToEnrol !== null ? <p class="notice">{nothingToEnrol}</p> : form(null))}
          {rows.length === 0 ? <p class="muted">{none}</p> : (
            <EnrolmentList rows={rows} by={by} today={today}
              onEdit={coordinator ? (row) => setEditing({ kind: 'existing', row }) : undefined}
              editing={editing?.kind === 'existing' ? { id: editing.row.enrolment.id, form: form(editing.row) } : null} />
          )}
        </>
      )}
    </section>
  );
}
