import type { Participant } from '../../../protocol';
import { consentMissing } from '../../domain/consent';
import { formatDayInTable, t } from '../../i18n';

/** A participant's consent at a glance: whether their data may be kept and whether they may be photographed. */
export interface ConsentTagsProps {
  participant: Pick<Participant, 'consentData' | 'consentPhotos' | 'consentDate' | 'erased'>;
  /** Only what is missing: at check-in the facilitator needs to know whom not to photograph. */
  missingOnly?: boolean;
}

export function ConsentTags({ participant, missingOnly = false }: ConsentTagsProps) {
  if (participant.erased) return <span class="tag tag--warning">{t('participants.erased')}</span>;
  // Never asked: one mark says so, rather than two refusals that were never given.
  if (consentMissing(participant)) return <span class="tag tag--warning">{t('consent.missing')}</span>;
  if (missingOnly) {
    return (
      <>
        {!participant.consentData && <span class="tag tag--warning">{t('participants.noConsentData')}</span>}
        {!participant.consentPhotos && <span class="tag tag--warning">{t('participants.noConsentPhotos')}</span>}
      </>
    );
  }
  return (
    <>
      {participant.consentData
        ? <span class="tag">{participant.consentDate
          ? t('participants.consentDataOn', { date: formatDayInTable(participant.consentDate) })
          : t('participants.consentData')}</span>
        : <span class="tag tag--warning">{t('participants.noConsentData')}</span>}
      {participant.consentPhotos
        ? <span class="tag">{t('participants.consentPhotos')}</span>
        : <span class="tag tag--warning">{t('participants.noConsentPhotos')}</span>}
    </>
  );
}
