/**
 * POST /api/reports (one crowd report, idempotent on its id) and GET /api/reports?after=&limit=
 * (stored reports in arrival order, without device ids: for owners, tests and backups).
 *
 * POST answers: 202 stored · 200 already stored (same id) · 400 not a report (reason) ·
 * 413 body over 1 KB · 415 not JSON · 422 unknown room or unusable time (reason) ·
 * 429 rate-limited (Retry-After) · 503 the database refused (retry later).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, methodNotAllowed, readBody, sendJson } from './http';
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
  trustProxy: boolean;
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
  if (req.method === 'GET' || req.method === 'HEAD') return listReports(res, api, url);
  if (req.method !== 'POST') return methodNotAllowed(res, 'GET, HEAD, POST');
  const now = api.now();
  const byAddress = api.addressLimiter.take(clientAddress(req, api.trustProxy), now);
  if (!byAddress.ok) return tooMany(req, res, byAddress.retryAfterSeconds, 'this address');
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    req.resume();
    return sendJson(res, 415, { error: 'Send the report as Content-Type: application/json.' });
  }
  const body = await readBody(req, MAX_REPORT_BYTES);
  if (!body.ok) {
    return sendJson(
      res,
      413,
      { error: `A report is at most ${MAX_REPORT_BYTES} bytes.` },
      { Connection: 'close' },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch {
    return sendJson(res, 400, { error: 'The body is not valid JSON.' });
  }
  const checked = validateReport(parsed);
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
    const outcome = await api.store.submit({ ...report, room: room.slug }, now);
    sendJson(res, outcome === 'stored' ? 202 : 200, { id: report.id, room: room.slug, outcome });
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

function listReports(res: ServerResponse, api: ReportsApi, url: URL): void {
  const after = Number(url.searchParams.get('after') ?? 0);
  const limit = Number(url.searchParams.get('limit') ?? 1000);
  if (!Number.isSafeInteger(after) || after < 0 || !Number.isSafeInteger(limit) || limit < 1) {
    sendJson(res, 400, { error: '"after" and "limit" must be whole numbers.' });
    return;
  }
  const reports = api.store.list(after, Math.min(limit, 5000));
  sendJson(res, 200, { reports, next: reports.at(-1)?.seq ?? after, total: api.store.count });
}
