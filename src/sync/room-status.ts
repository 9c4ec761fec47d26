/**
 * Room fullness from the relay, kept current: Server-Sent Events (GET /api/rooms/events) when
 * they work, else ETag polling of GET /api/rooms every ~30 s, back to events now and then. The
 * last listing is remembered with when it arrived and when the relay last confirmed it, so an
 * offline phone shows "last known, 12 min ago" — `live` is true only while the relay answers.
 */
import { fullnessFromStatus, parseRoomStatus, type RoomStatusEntry } from '../domain/crowd-api';
import type { RoomFullness } from '../domain/fullness';
import type { SavedRoomStatus } from '../storage/reports-repo';

/** What the UI gets on each change. */
export interface RoomStatusSnapshot {
  rooms: RoomStatusEntry[];
  /** When this listing arrived (entry ages are relative to it), phone clock. */
  receivedAt: number;
  /** When the relay last confirmed it was current (a 304, a ping, a new listing). */
  fetchedAt: number;
  /** True only while the relay is reachable; false means "last known". */
  live: boolean;
  via: 'events' | 'poll' | 'saved';
}

/** The part of the browser's EventSource the client uses. */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((event: unknown) => void) | null;
  addEventListener(
    type: string,
    listener: (event: { data: string; lastEventId?: string }) => void,
  ): void;
  close(): void;
}

/** Options; `EventSource` absent → polling only. */
export interface RoomStatusClientOptions {
  relayUrl: string;
  fetch: typeof fetch;
  EventSource?: new (url: string) => EventSourceLike;
  onUpdate: (snapshot: RoomStatusSnapshot) => void;
  now?: () => number;
  /** Between polls (default 30 s). */
  pollMs?: number;
  /** Event-stream silence (no listing, no ping) after which it is given up (default 45 s). */
  staleMs?: number;
  /** Time on polling before events are tried again (default 5 min). */
  eventsRetryMs?: number;
  /** Where the last listing survives a reload (see reports-repo's load/saveRoomStatus). */
  saved?: { load(): Promise<SavedRoomStatus | undefined>; save(s: SavedRoomStatus): Promise<void> };
  /** Where `online`/`offline` events come from (window). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

/** The running client. */
export interface RoomStatusClient {
  start(): Promise<void>;
  stop(): void;
  /** The latest snapshot, if any listing is known. */
  current(): RoomStatusSnapshot | undefined;
  /** The latest listing as RoomFullness by slug (empty when none is known). */
  fullness(): Map<string, RoomFullness>;
}

/** Makes the client; call start(). */
export function createRoomStatusClient(o: RoomStatusClientOptions): RoomStatusClient {
  const now = o.now ?? Date.now;
  const pollMs = o.pollMs ?? 30_000;
  const staleMs = o.staleMs ?? 45_000;
  const base = o.relayUrl.replace(/\/$/, '');
  let snapshot: RoomStatusSnapshot | undefined;
  let etag: string | undefined;
  let mode: 'events' | 'poll' | 'stopped' = 'stopped';
  let source: EventSourceLike | undefined;
  let errors = 0;
  let lastEventAt = 0;
  let eventsFailedAt = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setInterval> | undefined;

  const emit = (save: boolean) => {
    if (!snapshot) return;
    o.onUpdate(snapshot);
    if (save && o.saved) {
      const { rooms, receivedAt, fetchedAt } = snapshot;
      void o.saved
        .save({ rooms, receivedAt, fetchedAt, ...(etag ? { etag } : {}) })
        .catch(() => {});
    }
  };
  const listing = (rooms: RoomStatusEntry[], via: 'events' | 'poll') => {
    const t = now();
    snapshot = { rooms, receivedAt: t, fetchedAt: t, live: true, via };
    emit(true);
  };
  const confirmed = (via: 'events' | 'poll') => {
    if (!snapshot) return;
    const wasLive = snapshot.live;
    snapshot = { ...snapshot, fetchedAt: now(), live: true, via };
    if (!wasLive) emit(false);
  };
  const lost = () => {
    if (!snapshot?.live) return;
    snapshot = { ...snapshot, live: false };
    emit(true);
  };

  const poll = async () => {
    clearTimeout(pollTimer);
    if (mode !== 'poll') return;
    try {
      const res = await o.fetch(`${base}/api/rooms`, {
        headers: etag ? { 'If-None-Match': etag } : {},
        cache: 'no-store',
      });
      if (res.status === 304) confirmed('poll');
      else if (res.ok) {
        const rooms = parseRoomStatus(await res.json());
        etag = res.headers.get('etag') ?? undefined;
        listing(rooms, 'poll');
      } else lost();
      if (o.EventSource && now() - eventsFailedAt >= (o.eventsRetryMs ?? 5 * 60_000)) {
        return connectEvents();
      }
    } catch {
      lost();
    }
    if (mode === 'poll') pollTimer = setTimeout(() => void poll(), pollMs);
  };

  const toPolling = () => {
    source?.close();
    source = undefined;
    clearInterval(watchdog);
    eventsFailedAt = now();
    mode = 'poll';
    lost();
    void poll();
  };

  const connectEvents = () => {
    const EventSourceImpl = o.EventSource;
    if (!EventSourceImpl) return toPolling();
    mode = 'events';
    errors = 0;
    lastEventAt = now();
    const es = new EventSourceImpl(`${base}/api/rooms/events`);
    source = es;
    es.addEventListener('rooms', (e) => {
      try {
        const rooms = parseRoomStatus(JSON.parse(e.data));
        if (e.lastEventId) etag = e.lastEventId;
        errors = 0;
        lastEventAt = now();
        listing(rooms, 'events');
      } catch {
        /* a broken message: the next one replaces it */
      }
    });
    es.addEventListener('ping', () => {
      errors = 0;
      lastEventAt = now();
      confirmed('events');
    });
    es.onerror = () => {
      lost();
      // CLOSED (2): the browser gave up (HTTP error); two failed reconnects: the relay is
      // unreachable or the stream is blocked on the way. Polling works through more proxies.
      if (es.readyState === 2 || ++errors >= 2) toPolling();
    };
    clearInterval(watchdog);
    watchdog = setInterval(
      () => {
        if (mode === 'events' && now() - lastEventAt > staleMs) toPolling();
      },
      Math.max(50, staleMs / 3),
    );
  };

  const onOnline = () => {
    if (mode === 'poll') void poll();
    else if (mode === 'events' && (!source || source.readyState === 2)) connectEvents();
  };
  const onOffline = () => lost();

  return {
    async start() {
      const saved = await o.saved?.load().catch(() => undefined);
      if (saved && !snapshot) {
        etag = saved.etag;
        snapshot = { ...saved, live: false, via: 'saved' };
        emit(false);
      }
      o.events?.addEventListener('online', onOnline);
      o.events?.addEventListener('offline', onOffline);
      if (o.EventSource) connectEvents();
      else {
        mode = 'poll';
        await poll();
      }
    },
    stop() {
      mode = 'stopped';
      source?.close();
      clearTimeout(pollTimer);
      clearInterval(watchdog);
      o.events?.removeEventListener('online', onOnline);
      o.events?.removeEventListener('offline', onOffline);
    },
    current: () => snapshot,
    fullness: () =>
      snapshot ? fullnessFromStatus(snapshot.rooms, snapshot.receivedAt) : new Map(),
  };
}
