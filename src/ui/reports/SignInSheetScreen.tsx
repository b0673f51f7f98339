import { useRoute } from 'preact-iso';
import { useState } from 'preact/hooks';
import { useLiveQuery } from '../../db';
import { loadSignInSheet } from '../../db/report-queries';
import { t } from '../../i18n';
import { useServices } from '../app-context';
import { CheckboxField, RadioGroupField, TextField } from '../components/fields';
import { Loading, NotFoundMessage, Page } from '../components/page';
import { SignInSheet } from './SignInSheet';
import './print.css';

type Source = 'auto' | 'checkedIn' | 'everyone';
const BLANK_ROWS = { default: 10, max: 60 } as const;

/** /workshops/:id/sign-in-sheet — an A4 sign-in sheet of the people checked in or the community's list, with blank rows. */
export function SignInSheetScreen() {
  const { db } = useServices();
  const { params } = useRoute();
  const id = params.id ?? '';
  const data = useLiveQuery(async () => (await loadSignInSheet(db, id)) ?? null, [db, id]);
  const [source, setSource] = useState<Source>('auto');
  const [blankText, setBlankText] = useState(String(BLANK_ROWS.default));
  const [showContacts, setShowContacts] = useState(false);

  const back = `/workshops/${id}`;
  if (data === undefined) return <Page title={t('reports.signIn.title')} back={back}><Loading /></Page>;
  if (data === null) return <Page title={t('reports.signIn.title')} back={back}><NotFoundMessage /></Page>;

  // Before anyone is checked in, the community's list is the useful one.
  const chosen = source === 'auto' ? (data.checkedIn.length > 0 ? 'checkedIn' : 'everyone') : source;
  const people = chosen === 'checkedIn' ? data.checkedIn : data.everyone;
  const blankRows = Math.min(BLANK_ROWS.max, Math.max(0, Number.parseInt(blankText, 10) || 0));

  return (
    <Page title={t('reports.signIn.title')} back={back} actions={
      <button type="button" class="button button--primary" onClick={() => window.print()}>{t('reports.print')}</button>
    }>
      <form class="print-controls no-print" onSubmit={(event) => event.preventDefault()}>
        <RadioGroupField legend={t('reports.signIn.who')} value={chosen} onValue={setSource} options={[
          { value: 'checkedIn', label: t('reports.signIn.checkedIn', { count: data.checkedIn.length }) },
          { value: 'everyone', label: t('reports.signIn.everyone', { count: data.everyone.length }) },
        ]} />
        <div class="form-grid">
          <TextField label={t('reports.signIn.blankRows')} type="number" inputMode="numeric" min={0} max={BLANK_ROWS.max}
            value={blankText} onValue={setBlankText} hint={t('reports.signIn.blankRowsHint')} />
        </div>
        <CheckboxField label={t('reports.signIn.showContacts')} checked={showContacts} onChecked={setShowContacts}
          hint={t('reports.signIn.showContactsHint')} />
      </form>
      <SignInSheet workshop={data.workshop} community={data.community} people={people} blankRows={blankRows} showContacts={showContacts} />
    </Page>
  );
}
