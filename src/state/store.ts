/**
 * The app's state: the current schedule, bookmarks, the clock and what the app is doing, as
 * signals derived from IndexedDB. Components read it through useStore() and change it only
 * through these actions, never touching storage themselves.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conference, Talk, TalkKey } from '../domain/model';
import type { SearchIndex } from '../domain/search';
import { parseVenueDateTime } from '../domain/time';
import { type Venue, venueForConference } from '../domain/venue';
import { addBookmark, listBookmarks, removeBookmark } from '../storage/bookmarks-repo';
import { currentVersion, loadCurrentConference } from '../storage/schedule-repo';
import type { Bookmark, ConferenceVersion, PlanBDb } from '../storage/schema';
import type { ImportOutcome, ImportProgress, ImportRequest } from '../sync/schedule-import';
import { type Clock, createClock } from './clock';
import type { CrowdNetwork, CrowdStore } from './crowd';
import type { Importer } from './importer';
import type { NotesStore } from './notes';
import { createNotices, type Notices } from './notices';
import { getSetting, setSetting } from './settings';

/** What the app is busy with, for progress bars; null when idle. */
export interface Activity {
  label: string;
  progress?: ImportProgress;
}

/** The store every view reads. */
export interface AppStore {
  db: PlanBDb;
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
  /** Notes, attendance, exports and backups (state/notes.ts). */
  notes: NotesStore;
  /** Room fullness, crowd reports and their outbox (state/crowd.ts). */
  crowd: CrowdStore;
  /** Reads IndexedDB, loads the configured schedule on first run, refreshes it when online. */
  start(): Promise<void>;
  /** Imports a schedule (URL or file text); rejects with a message safe to show. */
  importSchedule(request: ImportRequest): Promise<ImportOutcome>;
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
}

const PRETEND_OFFSET = 'clock.offset';

/** Creates the store; call start() once. */
export function createAppStore(deps: AppStoreDeps): AppStore {
  const conference = signal<Conference | undefined>(undefined);
  const version = signal<ConferenceVersion | undefined>(undefined);
  const started = signal(false);
  const activity = signal<Activity | null>(null);
  const startError = signal<string | null>(null);
  const bookmarks = signal<ReadonlyMap<TalkKey, Bookmark>>(new Map());
  const clock = createClock({ ...(deps.realNow ? { realNow: deps.realNow } : {}) });
  const notices = createNotices();
  const isOnline =
    deps.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine));

  const talksByKey = computed(
    () => new Map((conference.value?.talks ?? []).map((t) => [t.key, t])),
  );
  const venue = computed(() =>
    conference.value ? venueForConference(conference.value) : undefined,
  );
  const builtIndex = signal<{ for: Conference; index: SearchIndex } | undefined>(undefined);
  let indexing: Conference | undefined;
  const searchIndex = computed(() => {
    const c = conference.value;
    const built = builtIndex.value;
    if (!c) return undefined;
    if (built?.for === c) return built.index;
    if (indexing !== c) {
      indexing = c;
      void import('../domain/search').then(({ buildSearchIndex }) => {
        if (conference.value === c) builtIndex.value = { for: c, index: buildSearchIndex(c) };
      });
    }
    return undefined;
  });

  // The crowd store loads on demand too (off the first-load bundle); ready before `started`.
  let crowdStore: CrowdStore | undefined;
  const crowdReady = import('./crowd').then(({ createCrowdStore }) => {
    crowdStore = createCrowdStore({
      db: deps.db,
      clock,
      conference,
      relayUrl: deps.relayUrl,
      ...(deps.realNow ? { realNow: deps.realNow } : {}),
      ...(deps.crowdNetwork ? { network: deps.crowdNetwork } : {}),
    });
    return crowdStore;
  });

  // The notes store (editor, exports, backups) loads on demand; it is ready before `started`.
  let notesStore: NotesStore | undefined;
  const notesReady = import('./notes').then(({ createNotesStore }) => {
    notesStore = createNotesStore({
      db: deps.db,
      conference,
      talksByKey,
      bookmarks,
      now: clock.now,
      notices,
      async reloadBookmarks() {
        bookmarks.value = new Map((await listBookmarks(deps.db)).map((x) => [x.talk, x]));
      },
    });
    return notesStore;
  });

  async function reload(): Promise<void> {
    const [c, v, b] = await Promise.all([
      loadCurrentConference(deps.db),
      currentVersion(deps.db),
      listBookmarks(deps.db),
      notesReady.then((n) => n.refresh()),
    ]);
    batch(() => {
      conference.value = c;
      version.value = v;
      bookmarks.value = new Map(b.map((x) => [x.talk, x]));
    });
  }

  async function importSchedule(request: ImportRequest): Promise<ImportOutcome> {
    const label = request.kind === 'url' ? 'Loading the schedule' : `Loading ${request.name}`;
    activity.value = { label };
    const started = performance.now();
    try {
      const outcome = await deps.importer(request, (progress) => {
        activity.value = { label, progress };
      });
      if (outcome.status === 'imported') {
        const before = new Set(bookmarks.value.keys());
        await reload();
        // Read by the browser benchmark (bench/browser.ts): download + parse + save + read back.
        performance.measure?.('planb:import', { start: started, end: performance.now() });
        startError.value = null;
        if (outcome.diff) {
          const { affecting, describeDiff } = await import('../domain/diff');
          const mine = affecting(outcome.diff, before);
          const parts = [`Schedule updated: ${describeDiff(outcome.diff.counts)}`];
          if (mine.talks > 0) parts.push(mine.sentence);
          notices.push({ kind: mine.talks > 0 ? 'warning' : 'info', text: parts.join(' ') });
        }
      }
      return outcome;
    } finally {
      activity.value = null;
    }
  }

  const store: AppStore = {
    db: deps.db,
    conference,
    version,
    started,
    activity,
    startError,
    bookmarks,
    talksByKey,
    venue,
    searchIndex,
    clock,
    notices,
    get notes(): NotesStore {
      if (!notesStore)
        throw new Error('The notes store is ready once store.start() has read the database.');
      return notesStore;
    },
    get crowd(): CrowdStore {
      if (!crowdStore) throw new Error('The crowd store is ready once store.start() has begun.');
      return crowdStore;
    },
    async start() {
      // Everything the first screen needs, read in parallel: the schedule and user data, the
      // pretend-clock setting, and the crowd store's code.
      const crowdStarted = crowdReady.then((c) => {
        void c.start();
      });
      const [offset] = await Promise.all([
        getSetting<number>(deps.db, PRETEND_OFFSET),
        reload(),
        crowdStarted,
      ]);
      if (typeof offset === 'number') clock.pretend(clock.now.value + offset);
      applyNowParam();
      performance.mark?.('planb:started');
      started.value = true;
      if (!conference.value) {
        try {
          await importSchedule({ kind: 'url', url: deps.scheduleUrl });
        } catch (error) {
          startError.value = (error as Error).message;
        }
        applyNowParam();
      } else if (isOnline()) {
        // After the first screen is up: checking for a new schedule must not delay it.
        setTimeout(() => void store.refresh(), 1500);
      }
    },
    importSchedule,
    async refresh() {
      // Only the configured schedule is refreshed automatically: a schedule the user loaded from
      // a file or another address is theirs, and is never replaced behind their back.
      const current = version.value;
      if (current && current.source !== deps.scheduleUrl) return;
      try {
        await importSchedule({ kind: 'url', url: deps.scheduleUrl, ifChanged: true });
      } catch (error) {
        // The current schedule stays either way. No network is normal at a venue: stay quiet.
        // A new version that cannot be read is worth saying (the message says nothing changed).
        const message = (error as Error).message;
        if (/^Could not download/.test(message)) return;
        notices.push({ kind: 'warning', text: `The schedule was updated, but ${message}` });
      }
    },
    async toggleBookmark(talk) {
      const next = new Map(bookmarks.value);
      try {
        if (next.has(talk.key)) {
          await removeBookmark(deps.db, talk.key);
          next.delete(talk.key);
        } else {
          next.set(talk.key, await addBookmark(deps.db, talk, clock.now.value));
        }
        bookmarks.value = next;
      } catch (error) {
        notices.push({ kind: 'error', text: (error as Error).message });
      }
    },
    async removeBookmark(key) {
      try {
        await removeBookmark(deps.db, key);
        const next = new Map(bookmarks.value);
        next.delete(key);
        bookmarks.value = next;
      } catch (error) {
        notices.push({ kind: 'error', text: (error as Error).message });
      }
    },
    async setPretendTime(instant) {
      clock.pretend(instant);
      await setSetting(deps.db, PRETEND_OFFSET, clock.offset.value);
    },
    dispose() {
      clock.dispose();
      notesStore?.dispose();
      crowdStore?.dispose();
    },
  };

  let nowParamApplied = false;
  function applyNowParam(): void {
    const param = deps.nowParam?.trim();
    if (!param || !conference.value || nowParamApplied) return;
    nowParamApplied = true;
    const instant = parseVenueDateTime(param, conference.value.timeZone);
    if (instant === undefined) {
      notices.push({
        kind: 'error',
        text: `"now=${param}" is not a date and time (try 2020-02-01T11:00).`,
      });
      return;
    }
    store
      .setPretendTime(instant)
      .catch((error: Error) => notices.push({ kind: 'error', text: error.message }));
  }

  return store;
}
