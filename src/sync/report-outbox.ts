/**
 * The crowd-report outbox: one tap saves the report in IndexedDB first (it counts in this
 * phone's view at once), then it is sent to the relay when there is a network, retried with
 * exponential backoff, replayed at start-up and on the `online` event, and no longer sent once
 * it is older than its usefulness window (2 hours). The phone keeps its reports for a month:
 * the write-up's "What I missed" says which rooms were full when the attendee got there. With Background Sync the browser wakes the service
 * worker (tag "planb-reports") to replay it — the worker calls `replayForBackgroundSync`;
 * without it, timers in the page do.
 */

import type { CrowdReport } from '../domain/crowd';
import { REPORT_USEFUL_MS } from '../domain/crowd';
import type { FullnessLevel } from '../domain/fullness';
import {
  deviceId,
  dropReportsBefore,
  expireUnsentBefore,
  levelNumber,
  listReports,
  putReport,
  reportsDue,
  toCrowdReport,
  updateReport,
} from '../storage/reports-repo';
import type { CrowdReportRecord, PlanBDb } from '../storage/schema';

/** The Background Sync tag the service worker listens for. */
export const REPORT_SYNC_TAG = 'planb-reports';

export { REPORT_USEFUL_MS };

/** How long the phone keeps its own reports (sent or not) for the write-up, then deletes them. */
export const REPORT_KEPT_MS = 30 * 24 * 60 * 60_000;

/** The `rejected` reason of a report that was never sent in its usefulness window. */
export const TOO_OLD_TO_SEND = 'not sent: too old to tell the relay anything';

/** What the outbox needs; everything but db, fetch and relayUrl has a browser default. */
export interface ReportOutboxOptions {
  db: PlanBDb;
  fetch: typeof fetch;
  /** The relay's base URL ("" for the same origin as the app). */
  relayUrl: string;
  now?: () => number;
  /** A ServiceWorkerRegistration (or anything with `sync.register`) when there is one. */
  registration?: { sync?: { register(tag: string): Promise<void> } } | null;
  /** Where `online` events come from (window); none in a service worker. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  isOnline?: () => boolean;
  /** First retry delay, doubled per failed attempt up to maxRetryMs (defaults 5 s, 5 min). */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** Called after the outbox changed (a report saved, sent, refused or dropped). */
  onChange?: () => void;
}

/** What one replay did. */
export interface FlushResult {
  sent: number;
  rejected: number;
  /** Reports that were never sent and are now too old to send (kept on the phone). */
  dropped: number;
  /** Reports still waiting (offline, relay down, rate-limited). */
  remaining: number;
}

/** The outbox's actions. */
export interface ReportOutbox {
  /** Saves a report for `room` (its slug) and sends it when it can; resolves once saved. */
  report(room: string, level: FullnessLevel): Promise<CrowdReportRecord>;
  /** Sends what is due now (one replay at a time). */
  flush(): Promise<FlushResult>;
  /** Replays at start-up and listens for `online`. */
  start(): Promise<FlushResult>;
  /** Stops listening and cancels the retry timer. */
  stop(): void;
  /** This phone's reports still inside their usefulness window (for withOwnReports). */
  ownReports(): Promise<CrowdReport[]>;
}

/** Makes the outbox. Call start() once the app is up. */
export function createReportOutbox(options: ReportOutboxOptions): ReportOutbox {
  const now = options.now ?? Date.now;
  const firstRetryMs = options.firstRetryMs ?? 5000;
  const maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
  const isOnline = options.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const sync = options.registration?.sync;
  const endpoint = `${options.relayUrl.replace(/\/$/, '')}/api/reports`;
  let running: Promise<FlushResult> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onOnline = () => void flush();

  const schedule = async () => {
    clearTimeout(timer);
    timer = undefined;
    const waiting = (await listReports(options.db)).filter(
      (r) => r.sentAt === undefined && !r.rejected,
    );
    if (waiting.length === 0) return;
    if (sync) {
      // The browser replays when it has a network, even with the page closed.
      await sync.register(REPORT_SYNC_TAG).catch(() => undefined);
      return;
    }
    if (!isOnline()) return; // the `online` event replays
    const next = Math.min(...waiting.map((r) => r.nextAttemptAt ?? now()));
    timer = setTimeout(onOnline, Math.max(Math.min(1000, firstRetryMs), next - now()));
  };

  const sendOne = async (r: CrowdReportRecord): Promise<'sent' | 'rejected' | 'retry' | 'stop'> => {
    const retry = async (afterMs: number) => {
      const attempts = (r.attempts ?? 0) + 1;
      await updateReport(options.db, r.id, { attempts, nextAttemptAt: now() + afterMs });
    };
    const backoff = () => Math.min(firstRetryMs * 2 ** (r.attempts ?? 0), maxRetryMs);
    let res: Response;
    try {
      res = await options.fetch(endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(toCrowdReport(r)),
      });
    } catch {
      await retry(backoff());
      return 'stop'; // no network: the others would fail the same way
    }
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    if (res.status === 202 || res.status === 200) {
      await updateReport(options.db, r.id, { sentAt: now(), nextAttemptAt: undefined });
      return 'sent';
    }
    if (res.status === 429 || res.status === 503) {
      const retryAfter = Number(res.headers.get('retry-after'));
      await retry(retryAfter > 0 ? retryAfter * 1000 : backoff());
      return 'stop';
    }
    if ([400, 413, 415, 422].includes(res.status)) {
      await updateReport(options.db, r.id, { rejected: body.error ?? `HTTP ${res.status}` });
      return 'rejected';
    }
    await retry(backoff());
    return 'retry';
  };

  const replay = async (): Promise<FlushResult> => {
    const result: FlushResult = { sent: 0, rejected: 0, dropped: 0, remaining: 0 };
    await dropReportsBefore(options.db, now() - REPORT_KEPT_MS);
    result.dropped = await expireUnsentBefore(
      options.db,
      now() - REPORT_USEFUL_MS,
      TOO_OLD_TO_SEND,
    );
    if (isOnline()) {
      for (const r of await reportsDue(options.db, now())) {
        const outcome = await sendOne(r);
        if (outcome === 'sent') result.sent++;
        if (outcome === 'rejected') result.rejected++;
        if (outcome === 'stop') break;
      }
    }
    const all = await listReports(options.db);
    result.remaining = all.filter((r) => r.sentAt === undefined && !r.rejected).length;
    if (result.sent || result.rejected || result.dropped) options.onChange?.();
    await schedule();
    return result;
  };

  const flush = (): Promise<FlushResult> => {
    running ??= replay().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    async report(room, level) {
      const record: CrowdReportRecord = {
        id: randomToken(),
        room,
        level: levelNumber(level),
        at: now(),
        device: await deviceId(options.db, randomToken),
      };
      await putReport(options.db, record);
      // Ask the browser for a replay before saying "will be sent": the app may be closed next.
      if (sync) await sync.register(REPORT_SYNC_TAG).catch(() => undefined);
      options.onChange?.();
      void flush().catch(() => undefined);
      return record;
    },
    flush,
    async start() {
      options.events?.addEventListener('online', onOnline);
      return flush();
    },
    stop() {
      options.events?.removeEventListener('online', onOnline);
      clearTimeout(timer);
    },
    async ownReports() {
      const since = now() - REPORT_USEFUL_MS;
      const all = await listReports(options.db);
      return all.filter((r) => r.at >= since && !r.rejected).map(toCrowdReport);
    },
  };
}

/**
 * For the service worker's `sync` event: replays the outbox and fails while reports remain, so
 * the browser tries again later with its own backoff.
 */
export async function replayForBackgroundSync(outbox: ReportOutbox): Promise<FlushResult> {
  const result = await outbox.flush();
  if (result.remaining > 0) throw new Error(`${result.remaining} crowd reports still to send`);
  return result;
}

/** A random 32-hex-digit id (crypto.randomUUID needs a secure context; this does not). */
export function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
