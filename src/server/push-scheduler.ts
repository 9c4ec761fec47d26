/**
 * Sends reminder pushes when they are due. Every round (default every 10 s) it takes the due
 * reminders from the PushStore and sends each as an encrypted Web Push (web-push: VAPID,
 * aes128gcm) whose payload is only `{"type":"reminder","at":<ms>}`; the phone's service worker
 * finds the talks for that instant in its own IndexedDB.
 *
 * A reminder is sent once: it is deleted when the push service accepted it, when the service
 * refused it for good (4xx), or when it is more than `lateMs` (10 min) overdue (a reminder for a
 * talk that has begun is noise). A subscription the service says is gone (404, 410) is
 * forgotten, and so is one whose endpoint resolves to a private address (push-lookup.ts). Other
 * failures (network, 429, 5xx) are tried again next round, up to 3 tries.
 */
import type { Agent } from 'node:https';
import type { VapidKeys } from './push-keys';
import { PRIVATE_ENDPOINT, publicPushAgent } from './push-lookup';
import type { DueReminder, PushStore, PushTarget } from './push-store';

/** Sends one push; resolves on acceptance, rejects with { statusCode? } otherwise. */
export type PushSender = (target: PushTarget, payload: string, ttlSeconds: number) => Promise<void>;

/**
 * A sender through the web-push library, signing with the relay's VAPID keys. `agent`: the
 * HTTPS agent to send with; by default one that connects only to public addresses (see
 * push-lookup.ts; tests pass one trusting their local push service's certificate).
 */
export function webPushSender(
  keys: VapidKeys,
  subject: string,
  agent: Agent = publicPushAgent(),
): PushSender {
  return async (target, payload, ttlSeconds) => {
    // Loaded on the first reminder, not at start-up (it brings asn1.js, jws and a proxy agent).
    const { default: webpush } = await import('web-push');
    await webpush.sendNotification(target, payload, {
      vapidDetails: { subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
      TTL: ttlSeconds,
      urgency: 'high',
      timeout: 10_000,
      agent,
    });
  };
}

/** What one round did. */
export interface RoundResult {
  sent: number;
  /** Tried again next round. */
  retrying: number;
  /** Given up: refused for good, too late, or out of tries. */
  dropped: number;
  /** Subscriptions forgotten because the push service said they are gone. */
  gone: number;
}

/** Scheduler tuning. */
export interface PushSchedulerOptions {
  store: PushStore;
  send: PushSender;
  now: () => number;
  /** How often due reminders are looked for (default 10 s). */
  intervalMs?: number;
  /** A reminder later than this is dropped unsent (default 10 min). */
  lateMs?: number;
  /** Tries per reminder (default 3). */
  maxAttempts?: number;
  /** Pushes in flight at once (default 32). */
  concurrency?: number;
  /** Told about each failed send (default: console.warn). */
  onError?: (error: unknown) => void;
}

/** Reminders read from the database at a time. */
const BATCH = 500;

/** Due reminders → pushes. start() begins the rounds; round() runs one now (tests). */
export class PushScheduler {
  readonly #o: Required<PushSchedulerOptions>;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<RoundResult> | undefined;

  constructor(options: PushSchedulerOptions) {
    this.#o = {
      intervalMs: 10_000,
      lateMs: 10 * 60_000,
      maxAttempts: 3,
      concurrency: 32,
      onError: (e) =>
        console.warn(`Plan B relay: a reminder push failed: ${(e as Error).message ?? e}`),
      ...options,
    };
  }

  start(): void {
    this.#timer ??= setInterval(() => void this.round(), this.#o.intervalMs);
    this.#timer.unref();
  }

  /** Stops the rounds and waits for one in progress. */
  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /** Sends what is due now; a round already in progress is waited for, not doubled. */
  round(): Promise<RoundResult> {
    this.#running ??= this.#round().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #round(): Promise<RoundResult> {
    const { store, concurrency } = this.#o;
    const result: RoundResult = { sent: 0, retrying: 0, dropped: 0, gone: 0 };
    const now = this.#o.now();
    const gone = new Set<number>();
    // Batches until everything due has been tried once: a reminder to retry stays due, so the
    // rows tried this round are skipped (and asked for on top of the batch).
    const tried = new Set<string>();
    for (;;) {
      const due = store
        .due(now, BATCH + tried.size)
        .filter((r) => !tried.has(`${r.subscription}@${r.at}`));
      if (due.length === 0) break;
      for (const r of due) tried.add(`${r.subscription}@${r.at}`);
      let next = 0;
      const worker = async () => {
        while (next < due.length) {
          const r = due[next++]!;
          if (gone.has(r.subscription)) continue;
          await this.#send(r, now, gone, result);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
    }
    return result;
  }

  /** Sends one due reminder and books the outcome. */
  async #send(r: DueReminder, now: number, gone: Set<number>, result: RoundResult): Promise<void> {
    const { store, send, lateMs, maxAttempts } = this.#o;
    if (now - r.at > lateMs) {
      store.done(r.subscription, r.at);
      result.dropped++;
      return;
    }
    // Worth delivering until a few minutes after it was due, not later.
    const ttl = Math.max(60, Math.round((r.at + lateMs - now) / 1000));
    try {
      await send(r.target, JSON.stringify({ type: 'reminder', at: r.at }), ttl);
      store.done(r.subscription, r.at);
      result.sent++;
    } catch (error) {
      const { statusCode: status, code } = error as { statusCode?: number; code?: string };
      if (status === 404 || status === 410 || code === PRIVATE_ENDPOINT) {
        if (code === PRIVATE_ENDPOINT) this.#o.onError(error);
        gone.add(r.subscription);
        store.forget(r.subscription);
        result.gone++;
        return;
      }
      this.#o.onError(error);
      const final =
        (status !== undefined && status >= 400 && status < 500 && status !== 429) ||
        r.attempts + 1 >= maxAttempts;
      if (final) {
        store.done(r.subscription, r.at);
        result.dropped++;
      } else {
        store.failed(r.subscription, r.at);
        result.retrying++;
      }
    }
  }
}
