// Routes and top-level wiring. Screens load on demand so a facilitator's first
// load carries only the shell and the screen they open.
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { useEffect, useState } from 'preact/hooks';
import { Notebook, TalkaDatabase, loadDeviceId } from './db';
import { loadLanguage, t } from './i18n';
import { usePersistenceOnceThereIsData } from './pwa/storage';
import { loadSession, session } from './sync/session';
import { AppContext, type AppServices } from './ui/app-context';
import { Layout } from './ui/Layout';
import { Page } from './ui/components/page';

const CommunityListScreen = lazy(() => import('./ui/communities/CommunityListScreen').then((m) => m.CommunityListScreen));
const CommunityFormScreen = lazy(() => import('./ui/communities/CommunityFormScreen').then((m) => m.CommunityFormScreen));
const CommunityScreen = lazy(() => import('./ui/communities/CommunityScreen').then((m) => m.CommunityScreen));
const WorkshopFormScreen = lazy(() => import('./ui/workshops/WorkshopFormScreen').then((m) => m.WorkshopFormScreen));
const WorkshopScreen = lazy(() => import('./ui/workshops/WorkshopScreen').then((m) => m.WorkshopScreen));
const CheckInScreen = lazy(() => import('./ui/checkin/CheckInScreen').then((m) => m.CheckInScreen));
const ParticipantsScreen = lazy(() => import('./ui/checkin/ParticipantsScreen').then((m) => m.ParticipantsScreen));
const NeedsScreen = lazy(() => import('./ui/needs/NeedsScreen').then((m) => m.NeedsScreen));
const VotingScreen = lazy(() => import('./ui/needs/VotingScreen').then((m) => m.VotingScreen));
const ResourcesScreen = lazy(() => import('./ui/resources/ResourcesScreen').then((m) => m.ResourcesScreen));
const SwotScreen = lazy(() => import('./ui/plan/SwotScreen').then((m) => m.SwotScreen));
const ActionPlanScreen = lazy(() => import('./ui/plan/ActionPlanScreen').then((m) => m.ActionPlanScreen));
const LoginScreen = lazy(() => import('./ui/account/LoginScreen').then((m) => m.LoginScreen));
const SetupScreen = lazy(() => import('./ui/account/SetupScreen').then((m) => m.SetupScreen));
const UsersScreen = lazy(() => import('./ui/account/UsersScreen').then((m) => m.UsersScreen));
const ConflictsScreen = lazy(() => import('./ui/conflicts/ConflictsScreen').then((m) => m.ConflictsScreen));
const ChangesScreen = lazy(() => import('./ui/sync/ChangesScreen').then((m) => m.ChangesScreen));
const OverviewScreen = lazy(() => import('./ui/overview/OverviewScreen').then((m) => m.OverviewScreen));
const ExportsScreen = lazy(() => import('./ui/reports/ExportsScreen').then((m) => m.ExportsScreen));
const SignInSheetScreen = lazy(() => import('./ui/reports/SignInSheetScreen').then((m) => m.SignInSheetScreen));
const WorkshopReportScreen = lazy(() => import('./ui/reports/WorkshopReportScreen').then((m) => m.WorkshopReportScreen));
const ParticipantDataScreen = lazy(() => import('./ui/privacy/ParticipantDataScreen').then((m) => m.ParticipantDataScreen));
const SettingsScreen = lazy(() => import('./ui/settings/SettingsScreen').then((m) => m.SettingsScreen));

function NotFound() {
  return <Page title="404"><p>{t('status.notFound')}</p></Page>;
}

export function Routes() {
  return (
    <Router>
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
      <Route path="/workshops/:id/edit" component={WorkshopFormScreen} />
      <Route path="/workshops/:id/checkin" component={CheckInScreen} />
      <Route path="/workshops/:id/voting" component={VotingScreen} />
      <Route path="/workshops/:id/sign-in-sheet" component={SignInSheetScreen} />
      <Route path="/workshops/:id/report" component={WorkshopReportScreen} />
      <Route path="/workshops/:id" component={WorkshopScreen} />
      <Route path="/overview" component={OverviewScreen} />
      <Route path="/exports" component={ExportsScreen} />
      <Route path="/participants/:id/data" component={ParticipantDataScreen} />
      <Route path="/settings" component={SettingsScreen} />
      <Route path="/login" component={LoginScreen} />
      <Route path="/setup" component={SetupScreen} />
      <Route path="/users" component={UsersScreen} />
      <Route path="/conflicts" component={ConflictsScreen} />
      <Route path="/changes" component={ChangesScreen} />
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
    // The engine loads after the first screen: nothing on it needs sync to show.
    let stop: (() => void) | null = null;
    let cancelled = false;
    void import('./sync/runtime').then(({ startSyncRuntime }) => {
      if (!cancelled) stop = startSyncRuntime({ db: services.db, deviceId: services.notebook.deviceId, newId: () => services.notebook.newId() });
    });
    return () => {
      cancelled = true;
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
            <Routes />
          </Layout>
        </ErrorBoundary>
      </LocationProvider>
    </AppContext.Provider>
  );
}
