import { Link, Route, Switch } from 'wouter';
import { BodiesPage } from '../features/bodies/BodiesPage';
import { BodyPage } from '../features/bodies/BodyPage';
import { BriefingEditorPage } from '../features/briefings/BriefingEditorPage';
import { BriefingsPage } from '../features/briefings/BriefingsPage';
import { HomePage } from '../features/home/HomePage';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { MeetingsPage } from '../features/meetings/MeetingsPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { Overlays, useAppChrome } from '../features/shortcuts/AppChrome';
import { AppHeader, type NavItem } from '../features/shortcuts/AppHeader';
import { SourcePage } from '../features/sources/SourcePage';
import { SourcesPage } from '../features/sources/SourcesPage';
import { StartupUpdateCheck } from '../features/sync/StartupCheck';
import { FrameworkPage } from '../features/targets/FrameworkPage';
import { TargetPage } from '../features/targets/TargetPage';
import { TargetsPage } from '../features/targets/TargetsPage';
import { useT } from '../i18n/use-t';
import { lazyPage, PageSuspense } from './lazy-page';
import { useBootstrap } from './use-bootstrap';

// Pages the first screen does not show load as their own chunks (renderer/app/lazy-page.tsx), so the
// first paint does not wait for the code of the packs, papers (pdf-lib), datasets or calendar pages. The briefing
// editor, the delegate's main screen, stays in the first chunk: it opens at once from a link or an address.
const MySectionsPage = lazyPage(() => import('../features/assignments/MySectionsPage'), 'MySectionsPage');
const BackupPage = lazyPage(() => import('../features/backup/BackupPage'), 'BackupPage');
const NewBriefingPage = lazyPage(() => import('../features/briefings/NewBriefingPage'), 'NewBriefingPage');
const CalendarPage = lazyPage(() => import('../features/calendar/CalendarPage'), 'CalendarPage');
const SecurityPage = lazyPage(() => import('../features/lock/SecurityPage'), 'SecurityPage');
const PackPage = lazyPage(() => import('../features/packs/PackPage'), 'PackPage');
const ChangesPage = lazyPage(() => import('../features/changes/ChangesPage'), 'ChangesPage');
const PacksPage = lazyPage(() => import('../features/packs/PacksPage'), 'PacksPage');
const AnnexPage = lazyPage(() => import('../papers/annex/AnnexPage'), 'AnnexPage');
const AnnotationsPrintPage = lazyPage(() => import('../papers/annotations/AnnotationsPrintPage'), 'AnnotationsPrintPage');
const ComparePage = lazyPage(() => import('../papers/compare/ComparePage'), 'ComparePage');
const StoragePage = lazyPage(() => import('../papers/storage/StoragePage'), 'StoragePage');
const PaperPage = lazyPage(() => import('../papers/viewer/PaperPage'), 'PaperPage');
const SearchPage = lazyPage(() => import('../features/search/SearchPage'), 'SearchPage');
const DatasetsPage = lazyPage(() => import('../features/sync/DatasetsPage'), 'DatasetsPage');

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
          <PageSuspense>
            <Routes />
          </PageSuspense>
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
