/**
 * The GET /api/rooms body, computed once and shared by every poller and SSE client: rebuilt
 * at most once per `throttleMs` after a change (new reports, an official poll), and every
 * `refreshMs` so decay and ages move on, and the moment an official state turns stale. Its
 * ETag is a hash of the body, so pollers get 304 until something they would see changes.
 */
import { createHash } from 'node:crypto';
import {
  aggregateVotes,
  CROWD_DEFAULTS,
  type CrowdOptions,
  type CrowdReport,
  type OfficialRoomState,
} from '../domain/crowd';
import { type RoomDirectory, roomStatusEntry } from './rooms';

/** One computed listing. */
export interface RoomsSnapshot {
  body: string;
  etag: string;
  generatedAt: number;
  /** After this instant the snapshot must be rebuilt before it is served. */
  validUntil: number;
}

/** Where the view gets its inputs, and how often it moves on. */
export interface RoomsViewOptions {
  directory: RoomDirectory;
  /** One vote per device per room (room slug → votes). */
  votes: () => ReadonlyMap<string, Iterable<CrowdReport>>;
  official: () => Iterable<OfficialRoomState>;
  now?: () => number;
  crowd?: CrowdOptions;
  /** Rebuild at least this often (default 30 s). */
  refreshMs?: number;
  /** Rebuild at most this often after changes (default 1 s). */
  throttleMs?: number;
}

/** The shared, cached room listing. */
export class RoomsView {
  readonly #o: Required<Omit<RoomsViewOptions, 'crowd'>> & { crowd: CrowdOptions };
  readonly #listeners = new Set<(s: RoomsSnapshot) => void>();
  #snapshot: RoomsSnapshot;
  #timer: NodeJS.Timeout | undefined;
  #dirty = false;

  constructor(options: RoomsViewOptions) {
    this.#o = { now: Date.now, crowd: {}, refreshMs: 30_000, throttleMs: 1000, ...options };
    this.#snapshot = this.#build();
    this.#schedule(this.#snapshot.validUntil);
  }

  /** The listing to serve now (rebuilt first when it has expired). */
  current(): RoomsSnapshot {
    if (this.#o.now() >= this.#snapshot.validUntil) this.rebuild();
    return this.#snapshot;
  }

  /** Something changed: rebuild soon, but not more often than throttleMs. */
  markDirty(): void {
    if (this.#dirty) return;
    this.#dirty = true;
    this.#schedule(this.#snapshot.generatedAt + this.#o.throttleMs);
  }

  /** Rebuilds now; listeners hear about it when the body changed. */
  rebuild(): RoomsSnapshot {
    this.#dirty = false;
    const previous = this.#snapshot;
    this.#snapshot = this.#build();
    this.#schedule(this.#snapshot.validUntil);
    if (this.#snapshot.etag !== previous.etag) {
      for (const listener of this.#listeners) listener(this.#snapshot);
    }
    return this.#snapshot;
  }

  /** Calls `listener` with each changed listing; returns the unsubscribe. */
  onChange(listener: (s: RoomsSnapshot) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops the timers. */
  close(): void {
    clearTimeout(this.#timer);
    this.#listeners.clear();
  }

  #schedule(at: number): void {
    clearTimeout(this.#timer);
    const due = this.#dirty ? Math.min(at, this.#snapshot.generatedAt + this.#o.throttleMs) : at;
    this.#timer = setTimeout(() => this.rebuild(), Math.max(0, due - this.#o.now()));
    this.#timer.unref();
  }

  #build(): RoomsSnapshot {
    const now = this.#o.now();
    const rooms = this.#o.directory.rooms();
    const official = [...this.#o.official()];
    const fullness = aggregateVotes(this.#o.votes(), official, now, {
      ...this.#o.crowd,
      rooms: rooms.map((r) => r.slug),
    });
    const entries = rooms.map((room) => roomStatusEntry(room, fullness.get(room.slug)!, now));
    const body = JSON.stringify(entries);
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    const maxAge = this.#o.crowd.officialMaxAgeMs ?? CROWD_DEFAULTS.officialMaxAgeMs;
    let validUntil = now + this.#o.refreshMs;
    for (const s of official) {
      const expires = s.fetchedAt + maxAge + 1;
      if (expires > now) validUntil = Math.min(validUntil, expires);
    }
    return { body, etag, generatedAt: now, validUntil };
  }
}
