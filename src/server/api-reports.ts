/**
 * POST /api/reports (one crowd report, idempotent on its id) and GET /api/reports?after=&limit=
 * (stored reports in arrival order, without device ids or sources: for the relay's owner, with
 * `Authorization: Bearer <RELAY_ADMIN_TOKEN>`; closed when no token is configured).
 *
 * POST answers: 202 stored · 200 already stored (same id; the stored report's room) · 400 not a
 * report (reason) · 413 body over 1 KB · 415 not JSON · 422 unknown room or unusable time
 * (reason) · 429 rate-limited (Retry-After) · 503 the database refused (retry later).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, sourceOf, storedSource, type VenueNetwork } from './client-source';
import { methodNotAllowed, readJsonBody, sendJson } from './http';
import type { RateLimiter } from './rate-limit';
import type { ReportStore } from './reports';
import type { RoomDirectory } from './rooms';
import { checkReportTime, validateReport } from './validate';

/** What the report routes need. */
export interface ReportsApi {
  store: ReportStore;
  directory: RoomDirectory;
  deviceLimiter: RateLimiter;
  addressLimiter: RateLimiter;
  now: () => number;
  /** Reverse proxies of your own in front of the relay (0: take the socket's address). */
  proxyHops: number;
  /** Networks whose addresses are one source (the venue's NAT and Wi-Fi prefixes). */
  venues: readonly VenueNetwork[];
  /** The database's salt for stored sources. */
  salt: string;
  /** Opens GET /api/reports to `Authorization: Bearer <token>`; unset → the list is closed. */
  adminToken?: string;
  /** Oldest acceptable report (default 2 h). */
  maxAgeMs: number;
  /** Tolerated clock skew into the future (default 1 min). */
  skewMs: number;
}

/** Largest accepted POST body. */
export const MAX_REPORT_BYTES = 1024;

/** Routes /api/reports. */
export async function handleReports(
  req: IncomingMessage,
  res: ServerResponse,
  api: ReportsApi,
  url: URL,
): Promise<void> {
  if (req.method === 'GET' || req.method === 'HEAD') return listReports(req, res, api, url);
  if (req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const now = api.now();
  const source = sourceOf(clientAddress(req, api.proxyHops), api.venues);
  // One bucket per source: an IPv6 client cannot escape it by rotating addresses in its /64. A
  // venue network is many phones behind one address: only the per-device limit applies there.
  const byAddress = source.startsWith('venue:')
    ? ({ ok: true } as const)
    : api.addressLimiter.take(source, now);
  if (!byAddress.ok) return tooMany(req, res, byAddress.retryAfterSeconds, 'this address');
  const parsed = await readJsonBody(req, res, MAX_REPORT_BYTES, 'report');
  if (!parsed.ok) return;
  const checked = validateReport(parsed.value);
  if (!checked.ok) return sendJson(res, 400, { error: checked.reason });
  const report = checked.value;
  const byDevice = api.deviceLimiter.take(report.device, now);
  if (!byDevice.ok) return tooMany(req, res, byDevice.retryAfterSeconds, 'this device');
  const room = api.directory.resolve(report.room);
  if (!room) {
    return sendJson(res, 422, {
      error: `"${report.room.slice(0, 100)}" is not a room of this conference's schedule.`,
    });
  }
  const late = checkReportTime(report.at, now, api.maxAgeMs, api.skewMs);
  if (late) return sendJson(res, 422, { error: late });
  try {
    const stored = await api.store.submit(
      { ...report, room: room.slug, source: storedSource(source, api.salt) },
      now,
    );
    sendJson(res, stored.outcome === 'stored' ? 202 : 200, { id: report.id, ...stored });
  } catch {
    sendJson(
      res,
      503,
      { error: 'The report could not be stored; try again.' },
      { 'Retry-After': '5' },
    );
  }
}

function tooMany(req: IncomingMessage, res: ServerResponse, seconds: number, who: string): void {
  req.resume();
  sendJson(
    res,
    429,
    { error: `Too many reports from ${who}: try again in ${seconds} s.` },
    { 'Retry-After': String(seconds) },
  );
}

/** Largest page of GET /api/reports. */
export const MAX_LIST_PAGE = 1000;

function listReports(req: IncomingMessage, res: ServerResponse, api: ReportsApi, url: URL): void {
  if (!api.adminToken) {
    sendJson(res, 403, {
      error: 'The report list is for the relay owner: start the relay with RELAY_ADMIN_TOKEN.',
    });
    return;
  }
  if (!bearerMatches(req.headers.authorization, api.adminToken)) {
    sendJson(
      res,
      401,
      { error: 'Send Authorization: Bearer <RELAY_ADMIN_TOKEN> to list reports.' },
      { 'WWW-Authenticate': 'Bearer realm="planb-relay"' },
    );
    return;
  }
  const after = Number(url.searchParams.get('after') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? MAX_LIST_PAGE);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    sendJson(res, 400, { error: '"after" and "limit" must be whole numbers.' });
    return;
  }
  const reports = api.store.list(after, Math.min(limit, MAX_LIST_PAGE));
  sendJson(res, 200, { reports, next: reports.at(-1)?.seq ?? after, total: api.store.count });
}

/** Compares a bearer token in constant time (hashes first, so lengths do not leak). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}
