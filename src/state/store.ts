/**
 * The app's state: the current schedule, bookmarks, the clock and what the app is doing, as
 * signals derived from IndexedDB. Components read it through useStore() and change it only
 * through these actions; storage and the network stay behind them (there is no `db` here).
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conference, Talk, TalkKey } from '../domain/model';
import type { SearchIndex } from '../domain/search';
import type { Venue } from '../domain/venue';
import { ImportError } from '../storage/errors';
import { currentVersion, loadCurrentConference } from '../storage/schedule-repo';
import type { Bookmark, ConferenceVersion, PlanBDb } from '../storage/schema';
import { createBookmarks } from './bookmarks';
import { type Clock, createClock } from './clock';
import type { CrowdNetwork, CrowdStore } from './crowd';
import { createHomeScreen, type HomeScreen } from './home-screen';
import type { Importer } from './importer';
import type { NotesStore } from './notes';
import { createNotices, type Notices } from './notices';
import { createPretendTime } from './pretend-time';
import type { PushPlatform, RemindersStore } from './reminders';
import {
  type Activity,
  createScheduleImports,
  type ImportOutcome,
  type ImportRequest,
} from './schedule-imports';
import { searchIndexOf } from './search-index';

export type { Activity, ImportOutcome, ImportProgress, ImportRequest } from './schedule-imports';
export type { Bookmark, ConferenceVersion };

/** How long after the first screen the configured schedule is checked for a new version. */
const REFRESH_AFTER_START_MS = 1500;

/** The store every view reads. */
export interface AppStore {
  conference: ReadonlySignal<Conference | undefined>;
  version: ReadonlySignal<ConferenceVersion | undefined>;
  /** True once IndexedDB has been read (the schedule may still be absent). */
  started: ReadonlySignal<boolean>;
  activity: ReadonlySignal<Activity | null>;
  /** Why the first schedule could not be loaded (no schedule yet and the import failed). */
  startError: ReadonlySignal<string | null>;
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, Bookmark>>;
  talksByKey: ReadonlySignal<ReadonlyMap<TalkKey, Talk>>;
  venue: ReadonlySignal<Venue | undefined>;
  /**
   * The search index of the current schedule: undefined until first read, then built in the
   * background (its code is loaded on demand) once per schedule version.
   */
  searchIndex: ReadonlySignal<SearchIndex | undefined>;
  clock: Clock;
  notices: Notices;
  /** Whether the app runs from the home screen, and the browser's install prompt. */
  homeScreen: HomeScreen;
  /** Notes, attendance, exports and backups (state/notes.ts). */
  notes: NotesStore;
  /** Room fullness, crowd reports and their outbox (state/crowd.ts). */
  crowd: CrowdStore;
  /** Reminders before bookmarked talks: settings, push, the in-app banner (state/reminders.ts). */
  reminders: RemindersStore;
  /** Reads IndexedDB, loads the configured schedule on first run, refreshes it when online. */
  start(): Promise<void>;
  /** Imports a schedule (URL or file text); rejects with a message safe to show. */
  importSchedule(request: ImportRequest): Promise<ImportOutcome>;
  /** Loads the configured schedule again after the first load failed or was cancelled. */
  retryStart(): Promise<void>;
  /** Checks the configured schedule for changes (conditional request). */
  refresh(): Promise<void>;
  toggleBookmark(talk: Talk): Promise<void>;
  /** Removes a bookmark by key (also one whose talk left the schedule). */
  removeBookmark(key: TalkKey): Promise<void>;
  /**
   * Pretend it is `instant` (null: real time); remembered across reloads. The clock is set at
   * once; rejects (StorageFullError…) when remembering it failed.
   */
  setPretendTime(instant: number | null): Promise<void>;
  dispose(): void;
}

/** What the store needs from the outside world. */
export interface AppStoreDeps {
  db: PlanBDb;
  importer: Importer;
  /** The schedule loaded on first run and refreshed: the relay's /api/schedule by default. */
  scheduleUrl: string;
  realNow?: () => number;
  isOnline?: () => boolean;
  /** A `?now=` value from the URL: venue-local "2020-02-01T11:00" or ISO with offset. */
  nowParam?: string | null;
  /** The relay for crowd reports and room status; absent: reports stay on this phone. */
  relayUrl?: string;
  /** The crowd store's network seams (tests). */
  crowdNetwork?: CrowdNetwork;
  /** The home-screen state (tests give their own). */
  homeScreen?: HomeScreen;
  /** The browser's push and notifications (tests: their own, or none). */
  pushPlatform?: PushPlatform;
}

/** Creates the store; call start() once. */
export function createAppStore(deps: AppStoreDeps): AppStore {
  const { db } = deps;
  const conference = signal<Conference | undefined>(undefined);
  const version = signal<ConferenceVersion | undefined>(undefined);
  const started = signal(false);
  const clock = createClock({ ...(deps.realNow ? { realNow: deps.realNow } : {}) });
  const notices = createNotices();
  const homeScreen = deps.homeScreen ?? createHomeScreen();
  const isOnline =
    deps.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  const talksByKey = computed(
    () => new Map((conference.value?.talks ?? []).map((t) => [t.key, t])),
  );
  const bookmarks = createBookmarks({ db, now: clock.now, notices });
  const pretend = createPretendTime({ db, clock, notices, nowParam: deps.nowParam });
  const applyNowParam = () => pretend.applyNowParam(conference.value?.timeZone);
  // The venue model (buildings, rooms, walks) loads beside the database read, off the first-load
  // bundle; it is there before `started`, as every view that walks needs it.
  const venues = signal<typeof import('../domain/venue') | undefined>(undefined);
  const venuesReady = import('../domain/venue').then((m) => {
    venues.value = m;
  });
  const venue = computed(() =>
    conference.value && venues.value
      ? venues.value.venueForConference(conference.value)
      : undefined,
  );
  const lazy = lazyStores(deps, {
    clock,
    conference,
    talksByKey,
    bookmarks,
    notices,
    venue,
    isOnline,
  });

  async function reload(): Promise<void> {
    const [c, v] = await Promise.all([
      loadCurrentConference(db),
      currentVersion(db),
      bookmarks.reload(),
      lazy.notesReady.then((n) => n.refresh()),
    ]);
    batch(() => {
      conference.value = c;
      version.value = v;
    });
  }
  const imports = createScheduleImports({
    importer: deps.importer,
    scheduleUrl: deps.scheduleUrl,
    version,
    bookmarks: bookmarks.bookmarks,
    notices,
    reload,
    showFirstTalks(c) {
      conference.value = c;
      applyNowParam();
    },
  });

  /** The configured schedule, the first time; a failure is shown with a way to retry. */
  async function firstImport(): Promise<void> {
    imports.startError.value = null;
    try {
      await imports.importSchedule({ kind: 'url', url: deps.scheduleUrl });
    } catch (error) {
      // No schedule yet: "your current schedule is unchanged" would make no sense here.
      imports.startError.value =
        error instanceof ImportError ? error.detail : (error as Error).message;
    }
    applyNowParam();
  }

  const store: AppStore = {
    conference,
    version,
    started,
    activity: imports.activity,
    startError: imports.startError,
    bookmarks: bookmarks.bookmarks,
    talksByKey,
    venue,
    searchIndex: searchIndexOf(conference),
    clock,
    notices,
    homeScreen,
    get notes() {
      return lazy.notes();
    },
    get crowd() {
      return lazy.crowd();
    },
    get reminders() {
      return lazy.reminders();
    },
    async start() {
      // Everything the first screen needs, read in parallel: the schedule and user data, the
      // pretend-clock setting, and the crowd store's code.
      const crowdStarted = lazy.crowdReady.then((c) => void c.start());
      const remindersStarted = lazy.remindersReady.then((r) => r.start());
      await Promise.all([pretend.restore(), reload(), crowdStarted, remindersStarted, venuesReady]);
      applyNowParam();
      performance.mark?.('planb:started');
      started.value = true;
      if (!conference.value) {
        await firstImport();
      } else if (isOnline()) {
        // After the first screen is up: checking for a new schedule must not delay it.
        setTimeout(() => void store.refresh(), REFRESH_AFTER_START_MS);
      }
    },
    importSchedule: imports.importSchedule,
    retryStart: firstImport,
    refresh: imports.refresh,
    toggleBookmark: bookmarks.toggle,
    removeBookmark: bookmarks.remove,
    setPretendTime: pretend.set,
    dispose() {
      clock.dispose();
      lazy.dispose();
    },
  };
  return store;
}

/**
 * The notes, crowd and reminders stores load on demand (off the first-load bundle); all are ready before
 * `started`.
 */
function lazyStores(
  deps: AppStoreDeps,
  parts: {
    clock: Clock;
    conference: ReadonlySignal<Conference | undefined>;
    talksByKey: ReadonlySignal<ReadonlyMap<TalkKey, Talk>>;
    bookmarks: ReturnType<typeof createBookmarks>;
    notices: Notices;
    venue: ReadonlySignal<Venue | undefined>;
    isOnline: () => boolean;
  },
) {
  let crowdStore: CrowdStore | undefined;
  let notesStore: NotesStore | undefined;
  let remindersStore: RemindersStore | undefined;
  const remindersReady = import('./reminders').then(({ createReminders, browserPushPlatform }) => {
    remindersStore = createReminders({
      db: deps.db,
      clock: parts.clock,
      bookmarks: parts.bookmarks.bookmarks,
      talksByKey: parts.talksByKey,
      venue: parts.venue,
      notices: parts.notices,
      relayUrl: deps.relayUrl,
      isOnline: parts.isOnline,
      platform: 'pushPlatform' in deps ? deps.pushPlatform : browserPushPlatform(),
      ...(deps.crowdNetwork?.fetch ? { fetch: deps.crowdNetwork.fetch } : {}),
      ...(deps.realNow ? { realNow: deps.realNow } : {}),
    });
    return remindersStore;
  });
  const crowdReady = import('./crowd').then(({ createCrowdStore }) => {
    crowdStore = createCrowdStore({
      db: deps.db,
      clock: parts.clock,
      conference: parts.conference,
      relayUrl: deps.relayUrl,
      ...(deps.realNow ? { realNow: deps.realNow } : {}),
      ...(deps.crowdNetwork ? { network: deps.crowdNetwork } : {}),
    });
    return crowdStore;
  });
  const notesReady = import('./notes').then(({ createNotesStore }) => {
    notesStore = createNotesStore({
      db: deps.db,
      conference: parts.conference,
      talksByKey: parts.talksByKey,
      bookmarks: parts.bookmarks.bookmarks,
      now: parts.clock.now,
      notices: parts.notices,
      reloadBookmarks: parts.bookmarks.reload,
    });
    return notesStore;
  });
  return {
    crowdReady,
    notesReady,
    remindersReady,
    reminders(): RemindersStore {
      if (!remindersStore)
        throw new Error('The reminders store is ready once store.start() has begun.');
      return remindersStore;
    },
    notes(): NotesStore {
      if (!notesStore)
        throw new Error('The notes store is ready once store.start() has read the database.');
      return notesStore;
    },
    crowd(): CrowdStore {
      if (!crowdStore) throw new Error('The crowd store is ready once store.start() has begun.');
      return crowdStore;
    },
    dispose() {
      notesStore?.dispose();
      crowdStore?.dispose();
      remindersStore?.dispose();
    },
  };
}
