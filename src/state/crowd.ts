/**
 * The crowd store: room fullness as this phone knows it (the relay's listing with this phone's
 * own reports laid over it, state/crowd-view.ts), whether that knowledge is live, and one-tap
 * reports that go through the IndexedDB outbox (state/crowd-relay.ts). Views read it as
 * `store.crowd` and never touch the network or storage.
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
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { FullnessLevel, RoomFullness } from '../domain/fullness';
import type { Conference } from '../domain/model';
import { listReports } from '../storage/reports-repo';
import type { CrowdReportRecord, PlanBDb } from '../storage/schema';
import type { ReportOutbox } from '../sync/report-outbox';
import type { RoomStatusClient, RoomStatusSnapshot } from '../sync/room-status';
import type { Clock } from './clock';
import { type CrowdNetwork, openOutbox, openRoomStatus, resolveNetwork } from './crowd-relay';
import {
  type OwnReport,
  onAppClock,
  ownReports,
  type ShownFullness,
  shownFullness,
} from './crowd-view';
import { prebuildPlanBIndex } from './plan-b-prebuild';

export type { CrowdNetwork, SyncRegistration } from './crowd-relay';
export type { OwnReport, ShownFullness } from './crowd-view';
export type { RoomStatusSnapshot };

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
  /** Every report this phone keeps (a month), oldest first: which rooms were full, for "What I missed". */
  reports: ReadonlySignal<readonly CrowdReportRecord[]>;
  /** Saves a report for a room (slug) and sends it when it can; resolves once saved. */
  report(room: string, level: FullnessLevel): Promise<OwnReport | undefined>;
  /** Takes a room listing as if the relay had sent it (the status client's callback; tests). */
  applyListing(snapshot: RoomStatusSnapshot): void;
  /** Loads this phone's reports, the last known listing, and connects to the relay. */
  start(): Promise<void>;
  dispose(): void;
}

/** Creates the crowd store; call start() once the app has read IndexedDB. */
export function createCrowdStore(o: CrowdStoreOptions): CrowdStore {
  const realClock = o.realNow ?? Date.now;
  const net = resolveNetwork(o.network ?? {});
  const hasRelay = o.relayUrl !== undefined;
  const snapshot = signal<RoomStatusSnapshot | undefined>(undefined);
  const records = signal<readonly CrowdReportRecord[]>([]);
  const online = signal(hasRelay ? net.isOnline() : false);
  // The app clock's tick with the pretend offset taken out: real time, refreshed every 15 s,
  // and at once when a listing or a report arrives (so a fresh one never reads as from the future).
  const touched = signal(0);
  const realNow = computed(() =>
    Math.max(o.clock.now.value - (o.clock.offset.value ?? 0), touched.value),
  );
  const fullness = computed(() => shownFullness(snapshot.value, records.value, realNow.value));

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
  const stopPrebuild = prebuildPlanBIndex(o.conference);

  // Resolves once reports can be saved; connecting to the relay goes on in the background (a
  // hanging venue network must never delay a report).
  async function connect(): Promise<void> {
    // Listen first: going offline while the rest starts must not be missed.
    if (hasRelay) {
      net.events?.addEventListener('online', onOnline);
      net.events?.addEventListener('offline', onOffline);
    }
    await refreshMine();
    const relayUrl = o.relayUrl;
    const opened = await openOutbox({
      db: o.db,
      relayUrl,
      net,
      realNow: realClock,
      onChange: () => void refreshMine(),
    });
    if (disposed) return;
    outbox = opened;
    if (relayUrl === undefined) return;
    const onUpdate = (s: RoomStatusSnapshot) => store.applyListing(s);
    client = await openRoomStatus({ db: o.db, relayUrl, net, realNow: realClock, onUpdate });
    if (disposed) return client.stop();
    void outbox.start().catch(() => undefined);
    void client.start().catch(() => undefined);
  }

  const store: CrowdStore = {
    hasRelay,
    fullness,
    forEngine: computed(() => onAppClock(fullness.value, o.clock.offset.value ?? 0)),
    live: computed(() => snapshot.value?.live ?? false),
    fetchedAt: computed(() => snapshot.value?.fetchedAt),
    realNow,
    online,
    mine: computed(() => ownReports(records.value, realNow.value)),
    reports: records,
    async report(room, level) {
      await store.start();
      if (!outbox) return undefined;
      const record = await outbox.report(room, level);
      await refreshMine();
      return { id: record.id, room: record.room, level, at: record.at };
    },
    applyListing(next) {
      batch(() => {
        touched.value = realClock();
        snapshot.value = next;
        // While the phone says it is offline, a listing is no proof that the network is back: a
        // reply in flight or an event on a stream opened before can still arrive. `online` says so.
        if (next.live && hasRelay && net.isOnline()) online.value = true;
      });
      void refreshMine();
    },
    start() {
      started ??= connect();
      return started;
    },
    dispose() {
      disposed = true;
      stopPrebuild();
      outbox?.stop();
      client?.stop();
      net.events?.removeEventListener('online', onOnline);
      net.events?.removeEventListener('offline', onOffline);
    },
  };
  return store;
}
