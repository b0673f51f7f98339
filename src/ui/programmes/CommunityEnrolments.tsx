import { useLiveQuery, type StoredRecord } from '../../db';
import { listCommunityEnrolments, listProgrammes } from '../../db/programme-queries';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { EnrolmentsSection } from './EnrolmentsSection';

/** A community's enrolments in programmes, past and present, on its page; coordinators enrol it and edit them here. */
export function CommunityEnrolments({ community }: { community: StoredRecord<'communities'> }) {
  const { db } = useServices();
  const rows = useLiveQuery(() => listCommunityEnrolments(db, community.id), [db, community.id]);
  const programmes = useLiveQuery(() => listProgrammes(db), [db]);
  return (
    <EnrolmentsSection id="enrolments" heading={t('enrolment.section')} addLabel={t('enrolment.enrol')} rows={rows} by="programme"
      programmes={programmes} communities={[community]} none={t('enrolment.none')}
      nothingToEnrol={programmes?.length === 0 ? t('enrolment.noProgrammes') : null} />
  );
}
