import type { StoredRecord } from '../../db';
import { formatDayInTable, t } from '../../i18n';
import { WorkshopHeader } from './WorkshopHeader';

export interface SignInSheetProps {
  workshop: StoredRecord<'workshops'>;
  community: StoredRecord<'communities'> | null;
  people: readonly StoredRecord<'participants'>[];
  blankRows: number;
  /** Known phone and e-mail of people who agreed to their data being kept; off by default, as the sheet goes round the room. */
  showContacts: boolean;
}

/** The printable sign-in sheet: the workshop's header, one numbered row per person, blank rows for walk-ins. */
export function SignInSheet({ workshop, community, people, blankRows, showContacts }: SignInSheetProps) {
  const short = formatDayInTable;
  return (
    <article class="print-sheet sign-in-sheet" aria-label={t('reports.signIn.sheetLabel')}>
      <WorkshopHeader workshop={workshop} community={community} />
      {/* Wider than a phone: the table scrolls sideways, and takes focus so a keyboard can scroll it too. */}
      <div class="print-table-scroll" role="region" tabIndex={0} aria-label={t('reports.signIn.tableLabel')}>
        <table class="print-table sign-in-table">
          <caption class="visually-hidden">{t('reports.signIn.caption', { count: people.length })}</caption>
          <thead>
            <tr>
              <th scope="col" class="col-number">{t('reports.col.number')}</th>
              <th scope="col" class="col-name">{t('reports.col.name')}</th>
              <th scope="col" class="col-household">{t('reports.col.household')}</th>
              <th scope="col" class="col-contact">{t('reports.signIn.contact')}</th>
              <th scope="col" class="col-consent">{t('reports.signIn.consent')}</th>
              <th scope="col" class="col-signature">{t('reports.signIn.signature')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((person, index) => (
              <tr key={person.id}>
                <td class="col-number">{index + 1}</td>
                <td class="col-name">{person.name}</td>
                <td class="col-household">{person.household}</td>
                <td class="col-contact">
                  {showContacts && person.consentData && [person.phone, person.email].filter(Boolean).map((line) => <span key={line} class="sign-in-line">{line}</span>)}
                </td>
                <td class="col-consent">
                  <span class="sign-in-line">
                    <span class="sign-in-choice">{person.consentData ? '☑' : '☐'} {t('reports.signIn.consentData')}</span>
                    {' '}
                    <span class="sign-in-choice">{person.consentPhotos ? '☑' : '☐'} {t('reports.signIn.consentPhotos')}</span>
                  </span>
                  {person.consentDate && (
                    <span class="sign-in-line sign-in-small">
                      {person.consentVersion ? t('consent.recordedOn', { date: short(person.consentDate), version: person.consentVersion }) : short(person.consentDate)}
                    </span>
                  )}
                </td>
                <td class="col-signature" />
              </tr>
            ))}
            {Array.from({ length: blankRows }, (_, i) => (
              <tr key={`blank-${i}`} class="sign-in-blank">
                <td class="col-number">{people.length + i + 1}</td>
                <td class="col-name" />
                <td class="col-household" />
                <td class="col-contact" />
                <td class="col-consent">
                  <span class="sign-in-line">
                    <span class="sign-in-choice">☐ {t('reports.signIn.consentData')}</span>
                    {' '}
                    <span class="sign-in-choice">☐ {t('reports.signIn.consentPhotos')}</span>
                  </span>
                </td>
                <td class="col-signature" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="print-note">{t('reports.signIn.note')}</p>
    </article>
  );
}
