/**
 * The app shell: top bar (conference, clock, network), the current view, the tab bar and
 * notices. Views are loaded on demand; the shell itself stays small.
 */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { StoreContext, useStore } from '../state/context';
import type { AppStore } from '../state/store';
import { ActivityBar } from './components/ActivityBar';
import { ClockBadge } from './components/ClockBadge';
import { NoticeList } from './components/NoticeList';
import { lazyView } from './lazy';
import { href, route } from './router';

const Now = lazyView(() => import('./views/Now/Now'));
const Schedule = lazyView(() => import('./views/Schedule/Schedule'));
const TalkView = lazyView<{ talkKey: string }>(() => import('./views/Talk/Talk'));
const MyDay = lazyView(() => import('./views/MyDay/MyDay'));
const MapView = lazyView<{ roomSlug?: string }>(() => import('./views/Map/Map'));
const Search = lazyView(() => import('./views/Search/Search'));
const Settings = lazyView(() => import('./views/Settings/Settings'));
const Notes = lazyView(() => import('./views/Notes/Notes'));
const Picks = lazyView<{ token: string }>(() => import('./views/Picks/Picks'));
const Tracks = lazyView(() => import('./views/Tracks/Tracks'));
const TrackPage = lazyView<{ trackId: string }>(() => import('./views/Tracks/TrackPage'));
const Grid = lazyView(() => import('./views/Grid/Grid'));

const TABS = [
  { id: 'now', label: 'Now', icon: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z' },
  { id: 'schedule', label: 'Schedule', icon: 'M4 6h16M4 12h16M4 18h10' },
  { id: 'search', label: 'Search', icon: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zM20 20l-4-4' },
  {
    id: 'my-day',
    label: 'My day',
    icon: 'M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z',
  },
  { id: 'map', label: 'Map', icon: 'M9 4l-5 2v14l5-2 6 2 5-2V4l-5 2-6-2zM9 4v14M15 6v14' },
  { id: 'notes', label: 'Notes', icon: 'M6 3h9l4 4v14H6zM14 3v5h5M9 12h7M9 16h5' },
] as const;

/** Starts fetching the code of the view the app opens on, while IndexedDB is read. */
export function preloadInitialView(): void {
  const views: Record<string, { preload(): void }> = {
    now: Now,
    schedule: Schedule,
    talk: TalkView,
    'my-day': MyDay,
    map: MapView,
    search: Search,
    settings: Settings,
    notes: Notes,
    picks: Picks,
    tracks: Tracks,
    track: TrackPage,
    grid: Grid,
  };
  (views[route.value.path[0] ?? 'now'] ?? Now).preload();
}

/** The whole app for a store. */
export function App({ store }: { store: AppStore }) {
  return (
    <StoreContext.Provider value={store}>
      <Shell />
    </StoreContext.Provider>
  );
}

function useOnline(): boolean {
  const [online, setOnline] = useState(typeof navigator === 'undefined' ? true : navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

function Shell() {
  const store = useStore();
  const online = useOnline();
  const { path } = route.value;
  const section = path[0] ?? 'now';
  const conference = store.conference.value;
  useEffect(() => {
    window.scrollTo({ top: 0 });
    document.getElementById('main')?.focus({ preventScroll: true });
  }, [section, path[1]]);
  const activeTab =
    section === 'talk'
      ? undefined
      : section === 'tracks' || section === 'track' || section === 'grid'
        ? 'schedule'
        : section;

  return (
    <div class="app">
      <button
        type="button"
        class="skip-link"
        onClick={() => document.getElementById('main')?.focus()}
      >
        Skip to content
      </button>
      <header class="topbar">
        <a class="brand" href={href(['now'])} aria-label="Plan B, what is on now">
          <Logo />
          <span class="brand-name">Plan B</span>
        </a>
        <span class="conf-title" title={conference?.title}>
          {conference?.title ?? ''}
        </span>
        {!online && (
          <span class="badge badge-offline" role="status">
            Offline
          </span>
        )}
        <ClockBadge />
        <a
          class="icon-button"
          href={href(['settings'])}
          aria-current={section === 'settings' ? 'page' : undefined}
        >
          <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path
              d="M12 8.5a3.5 3.5 0 1 0 0 7 3.5 3.5 0 0 0 0-7zM19.4 13a7.6 7.6 0 0 0 0-2l2-1.6-2-3.4-2.4 1a7.4 7.4 0 0 0-1.7-1L15 3.5h-4L10.6 6a7.4 7.4 0 0 0-1.7 1l-2.4-1-2 3.4 2 1.6a7.6 7.6 0 0 0 0 2l-2 1.6 2 3.4 2.4-1a7.4 7.4 0 0 0 1.7 1l.4 2.5h4l.4-2.5a7.4 7.4 0 0 0 1.7-1l2.4 1 2-3.4z"
              fill="none"
              stroke="currentColor"
              stroke-width="1.6"
            />
          </svg>
          <span class="visually-hidden">Settings</span>
        </a>
      </header>
      <ActivityBar />
      {store.started.value && <LazyReminderBanner />}
      <main id="main" tabIndex={-1}>
        <Content section={section} path={path} />
      </main>
      <nav class="tabbar" aria-label="Sections">
        {TABS.map((tab) => (
          <a
            key={tab.id}
            href={href([tab.id])}
            aria-current={activeTab === tab.id ? 'page' : undefined}
          >
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
              <path
                d={tab.icon}
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linecap="round"
                stroke-linejoin="round"
              />
            </svg>
            <span>{tab.label}</span>
          </a>
        ))}
      </nav>
      <NoticeList />
    </div>
  );
}

function Content({ section, path }: { section: string; path: string[] }) {
  const store = useStore();
  if (section === 'settings') return <Settings />;
  if (!store.started.value) {
    return (
      <p class="empty" aria-busy="true">
        Opening your schedule…
      </p>
    );
  }
  if (!store.conference.value) {
    return <NoSchedule />;
  }
  switch (section) {
    case 'schedule':
      return <Schedule />;
    case 'talk':
      return <TalkView talkKey={path[1] ?? ''} />;
    case 'my-day':
      return <MyDay />;
    case 'map':
      return path[1] === 'room' && path[2] ? <MapView roomSlug={path[2]} /> : <MapView />;
    case 'search':
      return <Search />;
    case 'notes':
      return <Notes />;
    case 'picks':
      return <Picks token={path[1] ?? ''} />;
    case 'tracks':
      return <Tracks />;
    case 'track':
      return <TrackPage trackId={path[1] ?? ''} />;
    case 'grid':
      return <Grid />;
    default:
      return <Now />;
  }
}

function NoSchedule() {
  const store = useStore();
  const error = store.startError.value;
  if (store.activity.value) {
    return (
      <p class="empty" aria-busy="true">
        Loading the schedule for the first time…
      </p>
    );
  }
  return (
    <section class="empty-state">
      <h1>No schedule yet</h1>
      {error ? (
        <p role="alert">{error}</p>
      ) : (
        <p>Plan B keeps the whole schedule on your phone so it works without a network.</p>
      )}
      <p class="row">
        {error && (
          <button type="button" class="button" onClick={() => void store.retryStart()}>
            Retry
          </button>
        )}
        <a class={error ? 'button button-quiet' : 'button'} href={href(['settings'])}>
          Load a schedule
        </a>
      </p>
    </section>
  );
}

/** The logo, inline: an <img> of an SVG costs the browser a document of its own at start-up. */
function Logo() {
  return (
    <svg viewBox="0 0 512 512" width="28" height="28" aria-hidden="true">
      <rect width="512" height="512" rx="96" fill="#0f4c5c" />
      <path
        d="M112 400 V250 a40 40 0 0 1 40 -40 H160"
        fill="none"
        stroke="#8fd3c7"
        stroke-width="28"
        stroke-linecap="round"
        stroke-dasharray="2 52"
      />
      <circle cx="186" cy="210" r="18" fill="#f28c6b" />
      <path
        d="M232 120 h92 a62 62 0 0 1 0 124 h-92 z M232 244 h108 a70 70 0 0 1 0 140 h-108 z"
        fill="none"
        stroke="#ffffff"
        stroke-width="40"
        stroke-linejoin="round"
      />
    </svg>
  );
}

/** The reminder banner: its code (and the reminder rules) loads once the first screen is up. */
function LazyReminderBanner() {
  const [Banner, setBanner] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    let live = true;
    void import('./components/ReminderBanner').then((m) => {
      if (live) setBanner(() => m.ReminderBanner);
    });
    return () => {
      live = false;
    };
  }, []);
  return Banner ? <Banner /> : null;
}
