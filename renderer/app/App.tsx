import { Link, Route, Switch } from 'wouter';
import { MySectionsPage } from '../features/assignments/MySectionsPage';
import { BodiesPage } from '../features/bodies/BodiesPage';
import { BodyPage } from '../features/bodies/BodyPage';
import { BackupPage } from '../features/backup/BackupPage';
import { BriefingEditorPage } from '../features/briefings/BriefingEditorPage';
import { BriefingsPage } from '../features/briefings/BriefingsPage';
import { NewBriefingPage } from '../features/briefings/NewBriefingPage';
import { CalendarPage } from '../features/calendar/CalendarPage';
import { ContactPage } from '../features/contacts/ContactPage';
import { HomePage } from '../features/home/HomePage';
import { SecurityPage } from '../features/lock/SecurityPage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { PackPage } from '../features/packs/PackPage';
import { ChangesPage } from '../features/changes/ChangesPage';
import { PacksPage } from '../features/packs/PacksPage';
import { AnnexPage } from '../papers/annex/AnnexPage';
import { AnnotationsPrintPage } from '../papers/annotations/AnnotationsPrintPage';
import { ComparePage } from '../papers/compare/ComparePage';
import { StoragePage } from '../papers/storage/StoragePage';
import { PaperPage } from '../papers/viewer/PaperPage';
import { SearchPage } from '../features/search/SearchPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Overlays, useAppChrome } from '../features/shortcuts/AppChrome';
import { AppHeader, type NavItem } from '../features/shortcuts/AppHeader';
import { SourcePage } from '../features/sources/SourcePage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { DatasetsPage } from '../features/sync/DatasetsPage';
import { StartupUpdateCheck } from '../features/sync/StartupCheck';
import { FrameworkPage } from '../features/targets/FrameworkPage';
import { TargetPage } from '../features/targets/TargetPage';
import { TargetsPage } from '../features/targets/TargetsPage';
import { useT } from '../i18n/use-t';
import { PageErrorBoundary } from './PageErrorBoundary';
import { useBootstrap } from './use-bootstrap';

const NAV: NavItem[] = [
  { href: '/', match: '/', label: 'nav.home' },
  { href: '/bodies', match: '/bodies/*?', label: 'nav.bodies' },
  { href: '/briefings', match: '/briefings/*?', label: 'nav.briefings' },
  { href: '/meetings', match: '/meetings/*?', label: 'nav.meetings' },
  { href: '/targets', match: '/targets/*?', label: 'nav.targets' },
  { href: '/sources', match: '/sources/*?', label: 'nav.sources' },
  { href: '/calendar', match: '/calendar', label: 'nav.calendar' },
  { href: '/papers', match: '/papers/*?', label: 'nav.papers' },
  { href: '/settings', match: '/settings', label: 'nav.settings' },
];

export function App() {
  const t = useT();
  const { state, retry } = useBootstrap();
  useAppChrome(state.phase === 'ready');
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader nav={NAV} />
      <main id="main" className="app-main">
        {state.phase === 'ready' ? (
          <PageErrorBoundary>
            <Routes />
          </PageErrorBoundary>
        ) : state.phase === 'failed' ? (
          <div role="alert" className="boot-error">
            <p>{t('app.startFailed', { message: state.message })}</p>
            <button type="button" onClick={retry}>
              {t('app.retry')}
            </button>
          </div>
        ) : (
          <p role="status" className="loading">
            {state.phase === 'installing' ? t('app.installing', { percent: state.percent }) : t('app.loading')}
          </p>
        )}
      </main>
      {state.phase === 'ready' && <Overlays />}
      <StartupUpdateCheck ready={state.phase === 'ready'} />
    </div>
  );
}

function Routes() {
  return (
    <Switch>
      <Route path="/" component={HomePage} />
      <Route path="/bodies" component={BodiesPage} />
      <Route path="/bodies/:id">{(p) => <BodyPage id={p.id} />}</Route>
      <Route path="/contacts/:id">{(p) => <ContactPage id={p.id} />}</Route>
      <Route path="/backup" component={BackupPage} />
      <Route path="/briefings" component={BriefingsPage} />
      <Route path="/briefings/new" component={NewBriefingPage} />
      <Route path="/my-sections" component={MySectionsPage} />
      <Route path="/briefings/:id/pack">{(p) => <PackPage id={p.id} />}</Route>
      <Route path="/briefings/:id/changes">{(p) => <ChangesPage id={p.id} />}</Route>
      <Route path="/briefings/:id">{(p) => <BriefingEditorPage id={p.id} />}</Route>
      <Route path="/packs" component={PacksPage} />
      <Route path="/meetings" component={MeetingsPage} />
      <Route path="/meetings/:id">{(p) => <MeetingPage id={p.id} />}</Route>
      <Route path="/targets" component={TargetsPage} />
      <Route path="/targets/:id">{(p) => <TargetPage id={p.id} />}</Route>
      <Route path="/frameworks/:id">{(p) => <FrameworkPage id={p.id} />}</Route>
      <Route path="/papers" component={StoragePage} />
      <Route path="/papers/annex" component={AnnexPage} />
      <Route path="/papers/:id/compare">{(p) => <ComparePage id={p.id} />}</Route>
      <Route path="/papers/:id/annotations">{(p) => <AnnotationsPrintPage id={p.id} />}</Route>
      <Route path="/papers/:id">{(p) => <PaperPage id={p.id} />}</Route>
      <Route path="/sources" component={SourcesPage} />
      <Route path="/search" component={SearchPage} />
      <Route path="/calendar" component={CalendarPage} />
      <Route path="/datasets" component={DatasetsPage} />
      <Route path="/settings" component={SettingsPage} />
      <Route path="/settings/security" component={SecurityPage} />
      <Route path="/sources/:id">{(p) => <SourcePage id={p.id} />}</Route>
      <Route>
        <NotFoundRoute />
      </Route>
    </Switch>
  );
}

function NotFoundRoute() {
  const t = useT();
  return (
    <div className="page">
      <h1>{t('common.notFound', { what: 'page', id: location.pathname })}</h1>
      <Link href="/">{t('common.backHome')}</Link>
    </div>
  );
}
