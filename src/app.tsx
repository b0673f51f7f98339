// Routes and top-level wiring. Screens load on demand so a facilitator's first
// load carries only the shell and the screen they open; everything else waits
// until that screen is on screen (src/pwa/first-screen.ts).
import { effect } from '@preact/signals';
import type { ComponentType } from 'preact';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
// Straight from the modules, not the src/db index: the index also brings the sync store and the record schemas.
import { TalkaDatabase } from './db/database';
import { loadDeviceId } from './db/device';
import { Notebook, loadRecordChecks } from './db/notebook';
import { loadAllMessages, loadLanguage, t } from './i18n';
import { afterFirstScreen, markFirstScreenShown, markFirstScreenShownLater } from './pwa/first-screen';
import { usePersistenceOnceThereIsData } from './ui/device/use-persistence';
import { loadSession, session } from './account/session';
import { syncStatus } from './sync/status';
import { AppContext, type AppServices } from './ui/app-context';
import { Layout } from './ui/Layout';
import { SessionGate } from './ui/account/SessionGate';
import { Page } from './ui/components/page';

function ScreenOffline() {
  return <Page title={t('app.name')}><p class="notice" role="alert">{t('status.screenOffline')}</p></Page>;
}

/**
 * A screen's code, loaded when the route is first opened. A coordinator's
 * screens are not precached; where their code cannot be fetched (offline and
 * never opened on this device) the screen says so instead of staying blank.
 */
function screen<P>(load: () => Promise<ComponentType<P>>, strings: 'first' | 'all' = 'all'): ComponentType<P> {
  const fallback: ComponentType<P> = ScreenOffline;
  // Opened first (a deep link, /login), a later screen's strings come beside its
  // code, so it paints once and whole, not with empty labels that then fill in
  // and shift the page (Lighthouse CLS 0.08 on /login).
  // A later screen writes records: the checks come with it (a first visit to the community list needs neither).
  const code = strings === 'all'
    ? () => Promise.all([load(), loadAllMessages(), loadRecordChecks().catch(() => undefined)]).then(([component]) => component)
    : load;
  return lazy(() => code().catch((error: unknown) => {
    if (typeof navigator !== 'undefined' && !navigator.onLine) return fallback;
    throw error;
  }));
}

const CommunityListScreen = screen(() => import('./ui/communities/CommunityListScreen').then((m) => m.CommunityListScreen), 'first');
const CommunityFormScreen = screen(() => import('./ui/communities/CommunityFormScreen').then((m) => m.CommunityFormScreen));
const CommunityScreen = screen(() => import('./ui/communities/CommunityScreen').then((m) => m.CommunityScreen));
const WorkshopFormScreen = screen(() => import('./ui/workshops/WorkshopFormScreen').then((m) => m.WorkshopFormScreen));
const WorkshopScreen = screen(() => import('./ui/workshops/WorkshopScreen').then((m) => m.WorkshopScreen));
const CheckInScreen = screen(() => import('./ui/checkin/CheckInScreen').then((m) => m.CheckInScreen));
const ParticipantsScreen = screen(() => import('./ui/checkin/ParticipantsScreen').then((m) => m.ParticipantsScreen));
const NeedsScreen = screen(() => import('./ui/needs/NeedsScreen').then((m) => m.NeedsScreen));
const VotingScreen = screen(() => import('./ui/needs/VotingScreen').then((m) => m.VotingScreen));
const ResourcesScreen = screen(() => import('./ui/resources/ResourcesScreen').then((m) => m.ResourcesScreen));
const SwotScreen = screen(() => import('./ui/plan/SwotScreen').then((m) => m.SwotScreen));
const ActionPlanScreen = screen(() => import('./ui/plan/ActionPlanScreen').then((m) => m.ActionPlanScreen));
const ActionProgressScreen = screen(() => import('./ui/progress/ActionProgressScreen').then((m) => m.ActionProgressScreen));
const VisitsScreen = screen(() => import('./ui/progress/VisitsScreen').then((m) => m.VisitsScreen));
const AssessmentScreen = screen(() => import('./ui/progress/AssessmentScreen').then((m) => m.AssessmentScreen));
const ProgrammesScreen = screen(() => import('./ui/programmes/ProgrammesScreen').then((m) => m.ProgrammesScreen));
const ProgrammeScreen = screen(() => import('./ui/programmes/ProgrammeScreen').then((m) => m.ProgrammeScreen));
const ProgrammeFormScreen = screen(() => import('./ui/programmes/ProgrammeFormScreen').then((m) => m.ProgrammeFormScreen));
const MeasuresScreen = screen(() => import('./ui/progress/MeasuresScreen').then((m) => m.MeasuresScreen));
const LoginScreen = screen(() => import('./ui/account/LoginScreen').then((m) => m.LoginScreen));
const SetupScreen = screen(() => import('./ui/account/SetupScreen').then((m) => m.SetupScreen));
const UsersScreen = screen(() => import('./ui/account/UsersScreen').then((m) => m.UsersScreen));
const ConflictsScreen = screen(() => import('./ui/conflicts/ConflictsScreen').then((m) => m.ConflictsScreen));
const BinScreen = screen(() => import('./ui/bin/BinScreen').then((m) => m.BinScreen));
const ChangesScreen = screen(() => import('./ui/sync/ChangesScreen').then((m) => m.ChangesScreen));
const OverviewScreen = screen(() => import('./ui/overview/OverviewScreen').then((m) => m.OverviewScreen));
const ExportsScreen = screen(() => import('./ui/reports/ExportsScreen').then((m) => m.ExportsScreen));
const SignInSheetScreen = screen(() => import('./ui/reports/SignInSheetScreen').then((m) => m.SignInSheetScreen));
const WorkshopReportScreen = screen(() => import('./ui/reports/WorkshopReportScreen').then((m) => m.WorkshopReportScreen));
const ParticipantDataScreen = screen(() => import('./ui/privacy/ParticipantDataScreen').then((m) => m.ParticipantDataScreen));
const PeopleScreen = screen(() => import('./ui/people/PeopleScreen').then((m) => m.PeopleScreen));
const MergeScreen = screen(() => import('./ui/people/MergeScreen').then((m) => m.MergeScreen));
const EventsScreen = screen(() => import('./ui/workshops/EventsScreen').then((m) => m.EventsScreen));
const ImportScreen = screen(() => import('./ui/people/ImportScreen').then((m) => m.ImportScreen));
const SettingsScreen = screen(() => import('./ui/settings/SettingsScreen').then((m) => m.SettingsScreen));
const ProgrammeReportScreen = screen(() => import('./ui/programme-report/ProgrammeReportScreen').then((m) => m.ProgrammeReportScreen));
const RegionalSummaryScreen = screen(() => import('./ui/programme-report/RegionalSummaryScreen').then((m) => m.RegionalSummaryScreen));

function NotFound() {
  return <Page title="404"><p>{t('status.notFound')}</p></Page>;
}

export function Routes() {
  return (
    <Router onLoadEnd={markFirstScreenShown}>
      <Route path="/" component={CommunityListScreen} />
      <Route path="/communities/new" component={CommunityFormScreen} />
      <Route path="/communities/:id/edit" component={CommunityFormScreen} />
      <Route path="/communities/:id" component={CommunityScreen} />
      <Route path="/communities/:communityId/workshops/new" component={WorkshopFormScreen} />
      <Route path="/communities/:id/participants" component={ParticipantsScreen} />
      <Route path="/communities/:id/needs" component={NeedsScreen} />
      <Route path="/communities/:id/resources" component={ResourcesScreen} />
      <Route path="/communities/:id/swot" component={SwotScreen} />
      <Route path="/communities/:id/plan" component={ActionPlanScreen} />
      <Route path="/communities/:id/visits" component={VisitsScreen} />
      <Route path="/communities/:id/assessment" component={AssessmentScreen} />
      <Route path="/actions/:id" component={ActionProgressScreen} />
      <Route path="/measures" component={MeasuresScreen} />
      <Route path="/programmes/new" component={ProgrammeFormScreen} />
      <Route path="/programmes/:id/edit" component={ProgrammeFormScreen} />
      <Route path="/programmes/:id" component={ProgrammeScreen} />
      <Route path="/programmes" component={ProgrammesScreen} />
      <Route path="/workshops/:id/edit" component={WorkshopFormScreen} />
      <Route path="/workshops/:id/checkin" component={CheckInScreen} />
      <Route path="/workshops/:id/voting" component={VotingScreen} />
      <Route path="/workshops/:id/sign-in-sheet" component={SignInSheetScreen} />
      <Route path="/workshops/:id/report" component={WorkshopReportScreen} />
      <Route path="/workshops/:id" component={WorkshopScreen} />
      <Route path="/events/new" component={WorkshopFormScreen} />
      <Route path="/events" component={EventsScreen} />
      <Route path="/people/merge/:a/:b" component={MergeScreen} />
      <Route path="/people" component={PeopleScreen} />
      <Route path="/overview" component={OverviewScreen} />
      <Route path="/exports" component={ExportsScreen} />
      <Route path="/programmes/:id/report" component={ProgrammeReportScreen} />
      <Route path="/programmes/:id/summary" component={RegionalSummaryScreen} />
      <Route path="/participants/:id/data" component={ParticipantDataScreen} />
      <Route path="/people/import" component={ImportScreen} />
      <Route path="/settings" component={SettingsScreen} />
      <Route path="/login" component={LoginScreen} />
      <Route path="/setup" component={SetupScreen} />
      <Route path="/users" component={UsersScreen} />
      <Route path="/conflicts" component={ConflictsScreen} />
      <Route path="/changes" component={ChangesScreen} />
      <Route path="/bin" component={BinScreen} />
      <Route default component={NotFound} />
    </Router>
  );
}

async function openServices(): Promise<AppServices> {
  const [deviceId] = await Promise.all([loadDeviceId(), loadLanguage(), loadSession()]);
  const db = new TalkaDatabase();
  await db.open();
  // Changes are authored by the signed-in user, or by the device before anyone signs in.
  const notebook = new Notebook({ db, deviceId, author: () => session.value?.user.id ?? deviceId });
  return { db, notebook };
}

export function App() {
  const [services, setServices] = useState<AppServices | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  usePersistenceOnceThereIsData(services?.db);
  useEffect(() => {
    openServices().then(setServices, setFailure);
  }, []);
  useEffect(() => {
    if (!services) return;
    markFirstScreenShownLater();
    // The engine, the record schemas and the keeping of later screens offline load after the first screen, and only
    // once someone is signed in: signed out there is nothing to sync, and a first visit fetches none of it.
    let stop: (() => void) | null = null;
    let stopWaiting: (() => void) | null = null;
    let cancelled = false;
    let started = false;
    const start = async () => {
      started = true;
      void loadRecordChecks().catch(() => undefined);
      const [{ warmLaterScreens }, { startSyncRuntime }] = await Promise.all([import('./pwa/later-screens'), import('./sync/runtime')]);
      if (cancelled) return;
      // Once someone is signed in and a sync has succeeded, the later screens are fetched: never in front of a first pull.
      const stopWarming = effect(() => {
        const status = syncStatus.value;
        if (session.value && status && !status.running && status.lastSyncAt !== null && status.lastFailure === null) warmLaterScreens();
      });
      const stopSync = startSyncRuntime({ db: services.db, deviceId: services.notebook.deviceId, newId: () => services.notebook.newId() });
      stop = () => { stopWarming(); stopSync(); };
    };
    void afterFirstScreen().then(() => {
      if (cancelled) return;
      stopWaiting = effect(() => {
        if (session.value !== null && !started) void start();
      });
    });
    return () => {
      cancelled = true;
      stopWaiting?.();
      stop?.();
    };
  }, [services]);

  if (failure) return <p class="notice" role="alert">{String(failure)}</p>;
  if (!services) return null;
  return (
    <AppContext.Provider value={services}>
      <LocationProvider>
        <ErrorBoundary>
          <Layout>
            <SessionGate>
              <Routes />
            </SessionGate>
          </Layout>
        </ErrorBoundary>
      </LocationProvider>
    </AppContext.Provider>
  );
}
