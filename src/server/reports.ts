/**
 * Crowd reports on the relay: committed to SQLite in batches (group commit), and kept in memory
 * as the latest vote per device per room for aggregation.
 *
 * What a 202 promises: the report is in a committed, fsynced transaction (WAL,
 * synchronous=FULL). Reports that arrive while a batch is being committed wait for the next
 * batch, and every request is answered only after its batch's commit returned, so neither a
 * SIGKILL nor a power cut after a 202 can lose the report; a crash before the commit loses only
 * reports that were never acknowledged, and phones resend those (the id makes it idempotent).
 */
import { CROWD_DEFAULTS, type CrowdReport } from '../domain/crowd';
import type { FullnessLevel } from '../domain/fullness';
import type { RelayDb } from './db';
import type { ReportRow, ReportWriter } from './db-writer';

/** A report as the relay keeps it: with its arrival order and time. */
export interface StoredReport extends CrowdReport {
  seq: number;
  receivedAt: number;
}

/** What happened to a submitted report: newly stored, or already there (same id). */
export type StoreOutcome = 'stored' | 'duplicate';

/** The outcome, with the room the stored report names (a replay's own room may differ). */
export interface StoreResult {
  outcome: StoreOutcome;
  room: string;
}

interface Pending {
  report: CrowdReport;
  receivedAt: number;
  done(result: StoreResult): void;
  fail(error: unknown): void;
}

/** The relay's report store; one per database. */
export class ReportStore {
  readonly #db: RelayDb;
  readonly #writer: ReportWriter;
  readonly #now: () => number;
  readonly #windowMs: number;
  /** room → device → that device's latest report for the room. */
  readonly #votes = new Map<string, Map<string, CrowdReport>>();
  readonly #listeners = new Set<() => void>();
  #pending: Pending[] = [];
  #inFlight: Promise<void> | undefined;
  #scheduled = false;
  #count: number;

  constructor(
    db: RelayDb,
    writer: ReportWriter,
    options: { now?: () => number; windowMs?: number } = {},
  ) {
    this.#db = db;
    this.#writer = writer;
    this.#now = options.now ?? Date.now;
    this.#windowMs = options.windowMs ?? CROWD_DEFAULTS.windowMs;
    const since = this.#now() - this.#windowMs;
    const recent = db
      .prepare('SELECT id, room, level, at, device, source FROM reports WHERE at >= ? ORDER BY at')
      .all(since) as (CrowdReport & { source: string | null })[];
    for (const { source, ...r } of recent) this.#remember(source === null ? r : { ...r, source });
    this.#count = (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }

  /**
   * Stores a report; resolves once it is committed to disk, or found already stored under its id
   * (then with the stored report's room: a replay never moves a report to another room).
   */
  submit(report: CrowdReport, receivedAt: number = this.#now()): Promise<StoreResult> {
    return new Promise((done, fail) => {
      this.#pending.push({ report, receivedAt, done, fail });
      if (!this.#scheduled && !this.#inFlight) {
        this.#scheduled = true;
        setImmediate(() => {
          this.#scheduled = false;
          void this.#commitNext();
        });
      }
    });
  }

  /** Commits what is pending, one batch at a time, until nothing is left. */
  async #commitNext(): Promise<void> {
    if (this.#inFlight || this.#pending.length === 0) return this.#inFlight;
    const batch = this.#pending;
    this.#pending = [];
    const rows = batch.map(
      ({ report: r, receivedAt }): ReportRow => [
        r.id,
        r.room,
        r.level,
        r.at,
        r.device,
        receivedAt,
        r.source ?? null,
      ],
    );
    this.#inFlight = this.#writer.write(rows).then(
      (inserted) => this.#settle(batch, inserted),
      (error) => {
        for (const p of batch) p.fail(error);
      },
    );
    await this.#inFlight;
    this.#inFlight = undefined;
    return this.#commitNext();
  }

  #settle(batch: Pending[], inserted: boolean[]): void {
    let changed = false;
    batch.forEach((p, i) => {
      if (inserted[i]) {
        this.#count++;
        changed = this.#remember(p.report) || changed;
        p.done({ outcome: 'stored', room: p.report.room });
      } else {
        p.done({ outcome: 'duplicate', room: this.#storedRoom(p.report.id) ?? p.report.room });
      }
    });
    if (changed) for (const listener of this.#listeners) listener();
  }

  /** Commits everything pending and waits for it (before shutting down). */
  async flush(): Promise<void> {
    while (this.#inFlight || this.#pending.length > 0) await (this.#inFlight ?? this.#commitNext());
  }

  #storedRoom(id: string): string | undefined {
    const row = this.#db.prepare('SELECT room FROM reports WHERE id = ?').get(id) as
      | { room: string }
      | undefined;
    return row?.room;
  }

  #remember(r: CrowdReport): boolean {
    let room = this.#votes.get(r.room);
    if (!room) {
      room = new Map();
      this.#votes.set(r.room, room);
    }
    const seen = room.get(r.device);
    if (seen && seen.at > r.at) return false;
    const { id, level, at, device, source } = r;
    room.set(device, { id, room: r.room, level, at, device, ...(source ? { source } : {}) });
    return true;
  }

  /** The latest vote of each device, by room, inside the window; older ones are forgotten. */
  votesByRoom(): Map<string, Iterable<CrowdReport>> {
    const since = this.#now() - this.#windowMs;
    const out = new Map<string, Iterable<CrowdReport>>();
    for (const [slug, room] of this.#votes) {
      for (const [device, v] of room) if (v.at < since) room.delete(device);
      if (room.size === 0) this.#votes.delete(slug);
      else out.set(slug, room.values());
    }
    return out;
  }

  /** Calls `listener` after each batch that changed a vote; returns the unsubscribe. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Reports stored after `afterSeq`, oldest first, without device ids or sources (votes' keys). */
  list(afterSeq: number, limit: number): Omit<StoredReport, 'device'>[] {
    const rows = this.#db
      .prepare(
        'SELECT seq, id, room, level, at, received_at AS receivedAt FROM reports WHERE seq > ? ORDER BY seq LIMIT ?',
      )
      .all(afterSeq, limit) as (Omit<StoredReport, 'device' | 'level'> & { level: string })[];
    return rows.map((r) => ({ ...r, level: r.level as FullnessLevel }));
  }

  /** How many reports the database holds. */
  get count(): number {
    return this.#count;
  }

  /** Reports waiting for a commit. */
  get pending(): number {
    return this.#pending.length;
  }
}
