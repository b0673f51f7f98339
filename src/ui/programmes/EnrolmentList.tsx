import type { ComponentChildren } from 'preact';
import type { EnrolmentRow } from '../../db/programme-queries';
import { runsOn } from '../../domain/enrolment';
import { formatEuro, t, tLabel } from '../../i18n';
import { periodText } from './period';

export interface EnrolmentListProps {
  rows: readonly EnrolmentRow[];
  /** What each row is named by: its community (on a programme's page) or its programme (on a community's page). */
  by: 'community' | 'programme';
  today: string;
  /** Given to coordinators: an edit button on each row. */
  onEdit?: ((row: EnrolmentRow) => void) | undefined;
  /** The row being edited is shown as this instead. */
  editing?: { id: string; form: ComponentChildren } | null;
}

/** Enrolments, each with its period, maturity at entry, grant, mentor and representatives; the one running today marked. */
export function EnrolmentList({ rows, by, today, onEdit, editing }: EnrolmentListProps) {
  return (
    <ul class="card-list" data-testid="enrolments">
      {rows.map((row) => {
        const { enrolment } = row;
        if (editing?.id === enrolment.id) return <li key={enrolment.id}>{editing.form}</li>;
        const name = by === 'community' ? row.communityName : row.programmeName;
        const href = by === 'community' ? `/communities/${enrolment.communityId}` : `/programmes/${enrolment.programmeId}`;
        return (
          <li key={enrolment.id} class="enrolment">
            <h3><a href={href}>{name}</a>{runsOn(enrolment, today) && <> <span class="tag">{t('enrolment.current')}</span></>}</h3>
            <p>{periodText(enrolment)}</p>
            <p class="muted">
              {t('enrolment.maturityLine', { maturity: tLabel('maturity', enrolment.maturity) })} · {t('enrolment.grantLine', { amount: formatEuro(enrolment.grantCents) })}
            </p>
            <p class="muted">{t('enrolment.mentorLine', { name: row.mentorName ?? t('enrolment.noMentor') })}</p>
            {row.representatives.length > 0 && (
              <p class="muted">{t('enrolment.representativesLine', { names: row.representatives.map((person) => person.name || t('enrolment.unnamed')).join(', ') })}</p>
            )}
            {onEdit && (
              <button type="button" class="button" aria-label={t('enrolment.editNamed', { name })} onClick={() => onEdit(row)}>{t('action.edit')}</button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
