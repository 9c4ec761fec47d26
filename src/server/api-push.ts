/**
 * Reminder routes: GET /api/push/key (the VAPID public key a phone subscribes with), PUT
 * /api/push/subscription (a subscription and the instants it wants a push at; replaces what the
 * phone sent before) and DELETE /api/push/subscription ({endpoint}: reminders off).
 *
 * Answers: 200 done · 400 not a valid body (reason) · 405 · 413 over 8 KB · 415 not JSON ·
 * 429 too many requests from one source (Retry-After) · 503 the relay holds as many phones as it
 * will (MAX_SUBSCRIPTIONS) or the database refused.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, sourceOf, type VenueNetwork } from './client-source';
import { methodNotAllowed, readJsonBody, sendJson } from './http';
import type { PushStore } from './push-store';
import { validateReminderSync, validateUnsubscribe } from './push-validate';
import type { RateLimiter } from './rate-limit';

/** What the push routes need. */
export interface PushApi {
  store: PushStore;
  publicKey: string;
  limiter: RateLimiter;
  now: () => number;
  proxyHops: number;
  venues: readonly VenueNetwork[];
  /** Accept http: and IP endpoints (tests only). */
  allowLocalEndpoints: boolean;
  /** Most subscriptions kept; a new phone past it gets 503. */
  maxSubscriptions: number;
}

/** Largest accepted body (200 instants and an endpoint fit in 4 KB). */
export const MAX_PUSH_BODY_BYTES = 8 * 1024;
/** Default cap on stored subscriptions. */
export const DEFAULT_MAX_SUBSCRIPTIONS = 100_000;
/** Default rate limit per source, as for reports: a phone resyncs on each bookmark change, and
 * many phones may share an address. */
export const DEFAULT_PUSH_RATE = { perMinute: 600, burst: 300 } as const;

/** The paths this module answers. */
export const PUSH_PATHS = new Set(['/api/push/key', '/api/push/subscription']);

/** Routes /api/push/*. */
export async function handlePush(
  req: IncomingMessage,
  res: ServerResponse,
  api: PushApi,
  path: string,
): Promise<void> {
  const method = req.method ?? 'GET';
  if (path === '/api/push/key') {
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    return sendJson(res, 200, { publicKey: api.publicKey });
  }
  if (method !== 'PUT' && method !== 'DELETE') {
    req.resume();
    return methodNotAllowed(res, 'PUT, DELETE');
  }
  const now = api.now();
  const source = sourceOf(clientAddress(req, api.proxyHops), api.venues);
  // A venue network is many phones behind one address: its phones are not throttled together.
  const allowed = source.startsWith('venue:')
    ? ({ ok: true } as const)
    : api.limiter.take(source, now);
  if (!allowed.ok) {
    req.resume();
    return sendJson(
      res,
      429,
      { error: `Too many reminder updates: try again in ${allowed.retryAfterSeconds} s.` },
      { 'Retry-After': String(allowed.retryAfterSeconds) },
    );
  }
  const parsed = await readJsonBody(req, res, MAX_PUSH_BODY_BYTES, 'reminder update');
  if (!parsed.ok) return;
  if (method === 'DELETE') {
    const checked = validateUnsubscribe(parsed.value);
    if (!checked.ok) return sendJson(res, 400, { error: checked.reason });
    return sendJson(res, 200, { removed: api.store.remove(checked.value) });
  }
  const checked = validateReminderSync(parsed.value, { now, allowLocal: api.allowLocalEndpoints });
  if (!checked.ok) return sendJson(res, 400, { error: checked.reason });
  const { target, times } = checked.value;
  if (api.store.subscriptions >= api.maxSubscriptions && !api.store.has(target.endpoint)) {
    return sendJson(
      res,
      503,
      { error: 'This relay holds as many reminder subscriptions as it can; try later.' },
      { 'Retry-After': '3600' },
    );
  }
  try {
    api.store.save(target, times, now);
  } catch {
    return sendJson(res, 503, { error: 'The reminders could not be stored; try again.' });
  }
  sendJson(res, 200, { times: times.length });
}
