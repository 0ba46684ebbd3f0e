import { useEffect, useMemo } from 'preact/hooks';
import { ErrorBoundary, LocationProvider, Route, Router, lazy } from 'preact-iso';
import { CaptureScreen } from '../capture/CaptureScreen';
import { AppStateContext, createAppState, reportProblem } from './app-state';
import { Banners } from './Banners';
import { Header } from './Header';
import { NotFound } from './NotFound';
import { afterFirstInput } from './boot-gate';
import { announceScreen } from './route-focus';
import { screens } from './screens';
import { ToastArea } from './ToastArea';

const WeekScreen = lazy(screens.week);
const SettingsScreen = lazy(screens.settings);
const ComposeScreen = lazy(screens.write);
const ArchiveScreen = lazy(screens.archive);
const BlogSignedIn = lazy(screens.blogSignedIn);

/** The app shell: header, banners, the current screen and the toast area. */
export function App() {
  const state = useMemo(createAppState, []);
  // Storage, sync and the service worker start once capture has what it needs (boot-gate.ts).
  useEffect(() => {
    void afterFirstInput()
      .then(() => import('./start'))
      .then((m) => m.startApp(state))
      .catch((err: unknown) => reportProblem(state, err));
  }, [state]);
  useEffect(() => announceScreen(location.pathname, true), []);

  return (
    <AppStateContext.Provider value={state}>
      <LocationProvider>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Header />
        <Banners />
        <main id="main" tabIndex={-1}>
          <ErrorBoundary>
            <Router onRouteChange={(url) => announceScreen(url)}>
              <Route path="/" component={CaptureScreen} />
              <Route path="/share" component={CaptureScreen} />
              <Route path="/week" component={WeekScreen} />
              <Route path="/week/:start" component={WeekScreen} />
              <Route path="/write" component={ComposeScreen} />
              <Route path="/write/:start" component={ComposeScreen} />
              <Route path="/archive" component={ArchiveScreen} />
              <Route path="/settings" component={SettingsScreen} />
              <Route path="/settings/blog-signed-in" component={BlogSignedIn} />
              <Route default component={NotFound} />
            </Router>
          </ErrorBoundary>
        </main>
        <ToastArea />
      </LocationProvider>
    </AppStateContext.Provider>
  );
}
