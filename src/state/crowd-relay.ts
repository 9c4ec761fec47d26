/**
 * The crowd store's link to the network: the report outbox (IndexedDB, retried, Background Sync
 * when there is a service worker) and the room-status client (Server-Sent Events or polling).
 * Both load on demand: the first screen does not wait for them.
 */
import { loadRoomStatus, saveRoomStatus } from '../storage/reports-repo';
import type { PlanBDb } from '../storage/schema';
import type { ReportOutbox } from '../sync/report-outbox';
import type { EventSourceLike, RoomStatusClient, RoomStatusSnapshot } from '../sync/room-status';

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

/** How long to wait for the service worker before retrying reports with timers instead. */
const REGISTRATION_TIMEOUT_MS = 1000;

/** The network seams with their browser defaults filled in. */
export function resolveNetwork(net: CrowdNetwork) {
  const browserOnline = () => (typeof navigator === 'undefined' ? true : navigator.onLine);
  const events =
    net.events === null
      ? undefined
      : (net.events ?? (typeof window === 'undefined' ? undefined : window));
  const EventSourceImpl =
    net.EventSource === null
      ? undefined
      : (net.EventSource ??
        (typeof EventSource === 'undefined'
          ? undefined
          : (EventSource as unknown as new (
              url: string,
            ) => EventSourceLike)));
  return {
    fetch: net.fetch ?? ((input, init) => fetch(input, init)),
    isOnline: net.isOnline ?? browserOnline,
    events,
    EventSource: EventSourceImpl,
    registration: net.registration ?? defaultRegistration,
  } satisfies CrowdNetwork & { fetch: typeof fetch };
}

/** Opens the outbox; without a relay it only keeps reports (they count on this phone). */
export async function openOutbox(o: {
  db: PlanBDb;
  relayUrl: string | undefined;
  net: ReturnType<typeof resolveNetwork>;
  /** Real time, never the pretend clock: the relay refuses reports more than 2 h old. */
  realNow: () => number;
  onChange: () => void;
}): Promise<ReportOutbox> {
  const hasRelay = o.relayUrl !== undefined;
  const registration = hasRelay ? await o.net.registration().catch(() => null) : null;
  const { createReportOutbox } = await import('../sync/report-outbox');
  return createReportOutbox({
    db: o.db,
    fetch: o.net.fetch,
    relayUrl: o.relayUrl ?? '',
    now: o.realNow,
    registration,
    ...(hasRelay && o.net.events ? { events: o.net.events } : {}),
    isOnline: hasRelay ? o.net.isOnline : () => false,
    onChange: o.onChange,
  });
}

/** The room-status client, remembering the last listing in IndexedDB. */
export async function openRoomStatus(o: {
  db: PlanBDb;
  relayUrl: string;
  net: ReturnType<typeof resolveNetwork>;
  realNow: () => number;
  onUpdate: (snapshot: RoomStatusSnapshot) => void;
}): Promise<RoomStatusClient> {
  const { createRoomStatusClient } = await import('../sync/room-status');
  return createRoomStatusClient({
    relayUrl: o.relayUrl,
    fetch: o.net.fetch,
    ...(o.net.EventSource ? { EventSource: o.net.EventSource } : {}),
    now: o.realNow,
    onUpdate: o.onUpdate,
    saved: {
      load: () => loadRoomStatus(o.db),
      save: (s) => saveRoomStatus(o.db, s),
    },
    ...(o.net.events ? { events: o.net.events } : {}),
  });
}

/**
 * The service worker's registration when this page is controlled and the browser has
 * Background Sync; null otherwise (then the outbox retries with timers in the page).
 */
async function defaultRegistration(): Promise<SyncRegistration | null> {
  if (typeof navigator === 'undefined' || !navigator.serviceWorker?.controller) return null;
  if (typeof window === 'undefined' || !('SyncManager' in window)) return null;
  const timeout = new Promise<null>((done) =>
    setTimeout(() => done(null), REGISTRATION_TIMEOUT_MS),
  );
  const ready = navigator.serviceWorker.ready.then((r) => r as unknown as SyncRegistration);
  return Promise.race([ready, timeout]).catch(() => null);
}
