/**
 * The crowd store: room fullness as this phone knows it (the relay's listing with this phone's
 * own reports laid over it), whether that knowledge is live, and one-tap reports that go through
 * the IndexedDB outbox. Views read it as `store.crowd` and never touch the network or storage.
 *
 * Two clocks, on purpose:
 * - Crowd reports are ALWAYS real time. A report is stamped with the real clock when the
 *   attendee taps (the relay refuses reports more than 2 h old or in the future), and every age
 *   the UI shows ("4 min ago", "last known … 12 min ago") is measured against the real clock,
 *   whatever the pretend clock ("time travel", `?now=`) says.
 * - The schedule runs on the app's clock, which may be pretend. The suggestion engine compares
 *   report times with its `now`, so `forEngine` moves every time onto the app's clock by the
 *   pretend offset: a report made 4 real minutes ago reads as 4 minutes before the pretend now.
 *
 * Without a relay URL (component tests, or an app served without the relay) nothing touches
 * the network: reports are kept in the outbox and count on this phone only.
 */
import { batch, computed, effect, type ReadonlySignal, signal } from '@preact/signals';
import { CROWD_DEFAULTS, decayWeight, REPORT_USEFUL_MS } from '../domain/crowd';
import { fullnessFromStatus } from '../domain/crowd-api';
import { withOwnReports } from '../domain/crowd-local';
import type { FullnessLevel, OfficialState, RoomFullness } from '../domain/fullness';
import type { Conference } from '../domain/model';
import {
  levelOfRecord,
  listReports,
  loadRoomStatus,
  saveRoomStatus,
  toCrowdReport,
} from '../storage/reports-repo';
import type { CrowdReportRecord, PlanBDb } from '../storage/schema';
import type { ReportOutbox } from '../sync/report-outbox';
import type { EventSourceLike, RoomStatusClient, RoomStatusSnapshot } from '../sync/room-status';
import type { Clock } from './clock';

/** A room's fullness as the UI shows it: the shared model plus where it stands. */
export interface ShownFullness extends RoomFullness {
  /** True when the relay no longer confirms it (offline, relay unreachable): "last known". */
  lastKnown: boolean;
  /** This phone's own report is among what is shown (or is all of it). */
  mine: boolean;
  /** The venue's last state when it is too old to count as current (only while last known). */
  lastOfficial?: OfficialState;
}

/** One of this phone's reports, as the report buttons show it. */
export interface OwnReport {
  id: string;
  /** Room slug. */
  room: string;
  level: FullnessLevel;
  /** Real time of the tap, UTC ms. */
  at: number;
  /** When the relay accepted it; undefined while queued. */
  sentAt?: number;
  /** The relay's reason when it refused it. */
  rejected?: string;
}

/** What the outbox needs of a ServiceWorkerRegistration. */
export type SyncRegistration = { sync?: { register(tag: string): Promise<void> } };

/** Network seams; every one has a browser default (tests pass their own). */
export interface CrowdNetwork {
  fetch?: typeof fetch;
  /** null: no Server-Sent Events, poll only. */
  EventSource?: (new (url: string) => EventSourceLike) | null;
  isOnline?: () => boolean;
  /** Where `online`/`offline` come from (window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** The service worker registration for Background Sync, when there is one. */
  registration?: () => Promise<SyncRegistration | null>;
}

/** What the crowd store needs. */
export interface CrowdStoreOptions {
  db: PlanBDb;
  clock: Clock;
  conference: ReadonlySignal<Conference | undefined>;
  /** The relay's base URL ("" or an origin); undefined: no relay, local only. */
  relayUrl?: string | undefined;
  /** The real clock (tests); reports are stamped with it. */
  realNow?: () => number;
  network?: CrowdNetwork;
}

/** The crowd store. */
export interface CrowdStore {
  /** True when reports are shared through a relay; false: they stay on this phone. */
  hasRelay: boolean;
  /** Fullness by room slug, for display (ages against `realNow`). */
  fullness: ReadonlySignal<ReadonlyMap<string, ShownFullness>>;
  /** The same with times moved onto the app's clock, for planB / likelyFull / stayOrGo. */
  forEngine: ReadonlySignal<ReadonlyMap<string, RoomFullness>>;
  /** True only while the relay confirms the listing; false means "last known". */
  live: ReadonlySignal<boolean>;
  /** When the relay last confirmed the listing (real time), if ever. */
  fetchedAt: ReadonlySignal<number | undefined>;
  /** The real clock, ticking with the app clock: what report ages are measured against. */
  realNow: ReadonlySignal<number>;
  /** Whether the browser says it is online. */
  online: ReadonlySignal<boolean>;
  /** This phone's reports inside their usefulness window (2 h), oldest first. */
  mine: ReadonlySignal<readonly OwnReport[]>;
  /** Saves a report for a room (slug) and sends it when it can; resolves once saved. */
  report(room: string, level: FullnessLevel): Promise<OwnReport | undefined>;
  /** Takes a room listing as if the relay had sent it (the status client's callback; tests). */
  applyListing(snapshot: RoomStatusSnapshot): void;
  /** Loads this phone's reports, the last known listing, and connects to the relay. */
  start(): Promise<void>;
  dispose(): void;
}

/** An official state older than this is never current (the relay's rule, CROWD_DEFAULTS). */
const OFFICIAL_MAX_AGE_MS = CROWD_DEFAULTS.officialMaxAgeMs;

/** The Plan B index is built this long after a schedule arrives (then when the phone idles). */
const PREBUILD_AFTER_MS = 2000;

/** Creates the crowd store; call start() once the app has read IndexedDB. */
export function createCrowdStore(o: CrowdStoreOptions): CrowdStore {
  const realClock = o.realNow ?? Date.now;
  const net = o.network ?? {};
  const hasRelay = o.relayUrl !== undefined;
  const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
  const isOnline = net.isOnline ?? browserOnline;
  const events =
    net.events === null
      ? undefined
      : (net.events ?? (typeof window === 'undefined' ? undefined : window));
  const fetchImpl = net.fetch ?? ((input, init) => fetch(input, init));

  const snapshot = signal<RoomStatusSnapshot | undefined>(undefined);
  const records = signal<readonly CrowdReportRecord[]>([]);
  const online = signal(hasRelay ? isOnline() : false);
  // The app clock's tick with the pretend offset taken out: real time, refreshed every 15 s,
  // and at once when a listing or a report arrives (so a fresh one never reads as from the future).
  const touched = signal(0);
  const realNow = computed(() =>
    Math.max(o.clock.now.value - (o.clock.offset.value ?? 0), touched.value),
  );

  const mine = computed<readonly OwnReport[]>(() => {
    const since = realNow.value - REPORT_USEFUL_MS;
    return records.value
      .filter((r) => r.at >= since)
      .map((r) => ({
        id: r.id,
        room: r.room,
        level: levelOfRecord(r),
        at: r.at,
        ...(r.sentAt !== undefined ? { sentAt: r.sentAt } : {}),
        ...(r.rejected ? { rejected: r.rejected } : {}),
      }));
  });

  const fullness = computed<ReadonlyMap<string, ShownFullness>>(() => {
    const now = realNow.value;
    const snap = snapshot.value;
    const relay = snap ? lastKnownView(snap, now) : new Map<string, RoomFullness>();
    // A report the relay accepted before this listing arrived is already in it.
    const own = records.value
      .filter((r) => !r.rejected && (r.sentAt === undefined || !snap || r.sentAt > snap.receivedAt))
      .map(toCrowdReport);
    const merged = withOwnReports(relay, own, now);
    const latestOwn = new Map<string, number>();
    for (const r of records.value)
      if (!r.rejected) latestOwn.set(r.room, Math.max(latestOwn.get(r.room) ?? 0, r.at));
    const shown = new Map<string, ShownFullness>();
    for (const [room, f] of merged) {
      const ownAt = latestOwn.get(room);
      const isMine =
        ownAt !== undefined &&
        now - ownAt <= REPORT_USEFUL_MS &&
        f.source === 'crowd' &&
        f.updatedAt !== undefined &&
        ownAt >= f.updatedAt - 5000;
      const fromRelay = relay.get(room) as ShownFullness | undefined;
      shown.set(room, {
        ...f,
        lastKnown: snap ? !snap.live && f.updatedAt !== ownAt : false,
        mine: isMine,
        ...(fromRelay?.lastOfficial && f.source !== 'official'
          ? { lastOfficial: fromRelay.lastOfficial }
          : {}),
      });
    }
    return shown;
  });

  const forEngine = computed<ReadonlyMap<string, RoomFullness>>(() => {
    const shift = o.clock.offset.value ?? 0;
    const moved = new Map<string, RoomFullness>();
    for (const [room, f] of fullness.value) {
      const { lastKnown: _l, mine: _m, lastOfficial: _o, ...plain } = f;
      moved.set(
        room,
        plain.updatedAt === undefined ? plain : { ...plain, updatedAt: plain.updatedAt + shift },
      );
    }
    return moved;
  });

  let outbox: ReportOutbox | undefined;
  let client: RoomStatusClient | undefined;
  let started: Promise<void> | undefined;
  let disposed = false;
  const refreshMine = async () => {
    try {
      const all = await listReports(o.db);
      if (!disposed)
        batch(() => {
          touched.value = realClock();
          records.value = all;
        });
    } catch {
      /* storage closed (another tab upgraded): keep what we have */
    }
  };
  const onOnline = () => {
    online.value = true;
  };
  const onOffline = () => {
    online.value = false;
  };

  // Plan B answers in one tap: build its per-schedule index while the phone is idle, once the
  // first screen is up (an idle moment during start-up is followed by the first render).
  let idleHandle: number | undefined;
  let prebuildTimer: ReturnType<typeof setTimeout> | undefined;
  const stopPrebuild = effect(() => {
    const c = o.conference.value;
    if (!c) return;
    clearTimeout(prebuildTimer);
    cancelIdle(idleHandle);
    prebuildTimer = setTimeout(() => {
      idleHandle = whenIdle(() => {
        // Loaded on demand: the engine stays out of the first-load bundle.
        void import('../domain/planb').then(({ planBIndex }) => {
          if (o.conference.peek() === c) planBIndex(c);
        });
      });
    }, PREBUILD_AFTER_MS);
  });

  // The outbox and the relay client load on demand: the first screen does not wait for them.
  const makeOutbox = async (registration: SyncRegistration | null) =>
    (await import('../sync/report-outbox')).createReportOutbox({
      db: o.db,
      fetch: fetchImpl,
      relayUrl: o.relayUrl ?? '',
      // Real time, never the pretend clock: the relay refuses reports more than 2 h old.
      now: realClock,
      registration: hasRelay ? registration : null,
      ...(hasRelay && events ? { events } : {}),
      isOnline: hasRelay ? isOnline : () => false,
      onChange: () => void refreshMine(),
    });

  const store: CrowdStore = {
    hasRelay,
    fullness,
    forEngine,
    live: computed(() => snapshot.value?.live ?? false),
    fetchedAt: computed(() => snapshot.value?.fetchedAt),
    realNow,
    online,
    mine,
    async report(room, level) {
      await store.start();
      if (!outbox) return undefined;
      const record = await outbox.report(room, level);
      await refreshMine();
      return {
        id: record.id,
        room: record.room,
        level,
        at: record.at,
      };
    },
    applyListing(next) {
      batch(() => {
        touched.value = realClock();
        snapshot.value = next;
        // While the phone says it is offline, a listing is no proof that the network is back: a
        // reply in flight or an event on a stream opened before can still arrive. `online` says so.
        if (next.live && hasRelay && isOnline()) online.value = true;
      });
      void refreshMine();
    },
    start() {
      // Resolves once reports can be saved; connecting to the relay goes on in the background
      // (a hanging venue network must never delay a report).
      started ??= (async () => {
        // Listen first: going offline while the rest starts must not be missed.
        if (hasRelay) {
          events?.addEventListener('online', onOnline);
          events?.addEventListener('offline', onOffline);
        }
        await refreshMine();
        const registration = hasRelay
          ? await (net.registration ?? defaultRegistration)().catch(() => null)
          : null;
        if (disposed) return;
        outbox = await makeOutbox(registration);
        if (!hasRelay || disposed) return;
        const ES =
          net.EventSource === null
            ? undefined
            : (net.EventSource ??
              (typeof EventSource === 'undefined'
                ? undefined
                : (EventSource as unknown as new (
                    url: string,
                  ) => EventSourceLike)));
        const { createRoomStatusClient } = await import('../sync/room-status');
        if (disposed) return;
        client = createRoomStatusClient({
          relayUrl: o.relayUrl ?? '',
          fetch: fetchImpl,
          ...(ES ? { EventSource: ES } : {}),
          now: realClock,
          onUpdate: (s) => store.applyListing(s),
          saved: {
            load: () => loadRoomStatus(o.db),
            save: (s) => saveRoomStatus(o.db, s),
          },
          ...(events ? { events } : {}),
        });
        void outbox.start().catch(() => undefined);
        void client.start().catch(() => undefined);
      })();
      return started;
    },
    dispose() {
      disposed = true;
      stopPrebuild();
      clearTimeout(prebuildTimer);
      cancelIdle(idleHandle);
      outbox?.stop();
      client?.stop();
      events?.removeEventListener('online', onOnline);
      events?.removeEventListener('offline', onOffline);
    },
  };
  return store;
}

/**
 * The relay's listing as RoomFullness on the real clock. While the relay confirms it, as is.
 * When it no longer does ("last known"): crowd confidence fades with the time since the relay
 * last confirmed it (the same half-life as the relay's decay), entries older than the 2-hour
 * window are dropped, and an official state older than 6 minutes stops being official — it is
 * kept as `lastOfficial` with a confidence that fades from its fetch, so the engine stops
 * trusting it as the relay would.
 */
export function lastKnownView(
  snap: RoomStatusSnapshot,
  realNow: number,
): Map<string, RoomFullness> {
  const relay = fullnessFromStatus(snap.rooms, snap.receivedAt);
  if (snap.live) return relay;
  const quiet = Math.max(0, realNow - snap.fetchedAt);
  const view = new Map<string, RoomFullness>();
  for (const [room, f] of relay) {
    if (f.updatedAt !== undefined && realNow - f.updatedAt > CROWD_DEFAULTS.windowMs) continue;
    if (f.source === 'official' && f.updatedAt !== undefined) {
      const age = realNow - f.updatedAt;
      if (age > OFFICIAL_MAX_AGE_MS) {
        const { official, ...rest } = f;
        view.set(room, {
          ...rest,
          source: 'crowd',
          confidence: decayWeight(age - OFFICIAL_MAX_AGE_MS) * 0.99,
          ...(official ? { lastOfficial: official } : {}),
        } as RoomFullness);
        continue;
      }
      view.set(room, f);
      continue;
    }
    view.set(
      room,
      f.source === 'crowd' ? { ...f, confidence: f.confidence * decayWeight(quiet) } : f,
    );
  }
  return view;
}

/**
 * The service worker's registration when this page is controlled and the browser has
 * Background Sync; null otherwise (then the outbox retries with timers in the page).
 */
async function defaultRegistration(): Promise<SyncRegistration | null> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return null;
  if (typeof window === 'undefined' || !('SyncManager' in window)) return null;
  const timeout = new Promise<null>((done) => setTimeout(() => done(null), 1000));
  const ready = navigator.serviceWorker.ready.then((r) => r as unknown as SyncRegistration);
  return Promise.race([ready, timeout]).catch(() => null);
}

type IdleWindow = {
  requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number;
  cancelIdleCallback?: (h: number) => void;
};

function whenIdle(work: () => void): number {
  const w = globalThis as IdleWindow;
  if (w.requestIdleCallback) return w.requestIdleCallback(work, { timeout: 5000 });
  return setTimeout(work, 300) as unknown as number;
}

function cancelIdle(handle: number | undefined): void {
  if (handle === undefined) return;
  const w = globalThis as IdleWindow;
  if (w.cancelIdleCallback) w.cancelIdleCallback(handle);
  else clearTimeout(handle);
}
