/**
 * Reminder subscriptions in the relay's SQLite database: each phone's push subscription and the
 * instants (UTC ms) it wants a push at. The relay never learns which talks they stand for. Writes
 * are rare (a phone resyncs when its bookmarks change) and run on the main connection.
 */
import type { RelayDb } from './db';

/** A browser's push subscription as PushSubscription.toJSON() gives it (the parts we keep). */
export interface PushTarget {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** One reminder to send: to whom, for which instant, and how many tries failed so far. */
export interface DueReminder {
  subscription: number;
  at: number;
  attempts: number;
  target: PushTarget;
}

interface DueRow {
  subscription: number;
  at: number;
  attempts: number;
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** The push tables (schema step 3 of db.ts). */
export class PushStore {
  readonly #db: RelayDb;
  readonly #save: (target: PushTarget, times: readonly number[], now: number) => void;
  readonly #remove: (endpoint: string) => boolean;
  readonly #forget: (id: number) => void;

  constructor(db: RelayDb) {
    this.#db = db;
    const upsert = db.prepare(
      `INSERT INTO push_subscriptions (endpoint, p256dh, auth, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (endpoint) DO UPDATE SET p256dh = excluded.p256dh, auth = excluded.auth,
         updated_at = excluded.updated_at
       RETURNING id`,
    );
    const clear = db.prepare('DELETE FROM push_reminders WHERE subscription = ?');
    const insert = db.prepare(
      'INSERT OR IGNORE INTO push_reminders (subscription, at) VALUES (?, ?)',
    );
    const byEndpoint = db.prepare('SELECT id FROM push_subscriptions WHERE endpoint = ?');
    const drop = db.prepare('DELETE FROM push_subscriptions WHERE id = ?');
    this.#save = db.transaction((target: PushTarget, times: readonly number[], now: number) => {
      const { id } = upsert.get(target.endpoint, target.keys.p256dh, target.keys.auth, now) as {
        id: number;
      };
      clear.run(id);
      for (const at of times) insert.run(id, at);
    });
    this.#forget = db.transaction((id: number) => {
      clear.run(id);
      drop.run(id);
    });
    this.#remove = db.transaction((endpoint: string) => {
      const row = byEndpoint.get(endpoint) as { id: number } | undefined;
      if (row) this.#forget(row.id);
      return row !== undefined;
    });
  }

  /** Replaces the instants of a subscription (creating it, or refreshing its keys). */
  save(target: PushTarget, times: readonly number[], now: number): void {
    this.#save(target, times, now);
  }

  /** Forgets a subscription and its reminders (the phone turned reminders off). */
  remove(endpoint: string): boolean {
    return this.#remove(endpoint);
  }

  /** Forgets a subscription the push service says is gone (404/410). */
  forget(subscription: number): void {
    this.#forget(subscription);
  }

  /** True when the endpoint is known (a new phone past the cap is refused, a known one not). */
  has(endpoint: string): boolean {
    return (
      this.#db.prepare('SELECT 1 FROM push_subscriptions WHERE endpoint = ?').get(endpoint) !==
      undefined
    );
  }

  /** Reminders due at or before `now`, earliest first. */
  due(now: number, limit: number): DueReminder[] {
    const rows = this.#db
      .prepare(
        `SELECT r.subscription, r.at, r.attempts, s.endpoint, s.p256dh, s.auth
         FROM push_reminders r JOIN push_subscriptions s ON s.id = r.subscription
         WHERE r.at <= ? ORDER BY r.at LIMIT ?`,
      )
      .all(now, limit) as DueRow[];
    return rows.map((r) => ({
      subscription: r.subscription,
      at: r.at,
      attempts: r.attempts,
      target: { endpoint: r.endpoint, keys: { p256dh: r.p256dh, auth: r.auth } },
    }));
  }

  /** A reminder is sent (or given up on): it goes. */
  done(subscription: number, at: number): void {
    this.#db
      .prepare('DELETE FROM push_reminders WHERE subscription = ? AND at = ?')
      .run(subscription, at);
  }

  /** A send failed for a reason that may pass: counted, tried again on the next round. */
  failed(subscription: number, at: number): void {
    this.#db
      .prepare(
        'UPDATE push_reminders SET attempts = attempts + 1 WHERE subscription = ? AND at = ?',
      )
      .run(subscription, at);
  }

  /** Subscriptions stored. */
  get subscriptions(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM push_subscriptions').get() as { n: number })
      .n;
  }

  /** Reminders waiting to be sent. */
  get waiting(): number {
    return (this.#db.prepare('SELECT count(*) AS n FROM push_reminders').get() as { n: number }).n;
  }
}
