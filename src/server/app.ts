/**
 * The relay's HTTP handler: the built app (static, single-page fallback) and the API.
 * Plan B works without it; the relay adds what one phone cannot know alone.
 *
 * API: GET /api/health · GET /api/schedule · GET /api/rooms · GET /api/rooms/events (SSE) ·
 * POST /api/reports · GET /api/reports?after=&limit=. Every /api answer allows any origin (no
 * credentials are involved), so an app served elsewhere can use this relay.
 */
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { CROWD_DEFAULTS, type CrowdOptions, type OfficialRoomState } from '../domain/crowd';
import { handleReports, type ReportsApi } from './api-reports';
import { DB_FILE, openRelayDb, type RelayDb } from './db';
import { inlineWriter, workerWriter } from './db-writer';
import { etagMatches, methodNotAllowed, sendJson } from './http';
import { OfficialFeed, type OfficialFeedOptions } from './official-feed';
import { type RateLimit, RateLimiter } from './rate-limit';
import { ReportStore } from './reports';
import { checkRange, parseRequestTarget } from './request-target';
import { RoomDirectory } from './rooms';
import { RoomsView } from './rooms-view';
import type { ScheduleSource } from './schedule-source';
import { SseHub, type SseOptions } from './sse';

export { sendJson } from './http';

/** What the relay serves, and how. Everything but `schedule` has a default. */
export interface RelayOptions {
  schedule: ScheduleSource;
  /** The built app (vite build output); omitted in API-only tests. */
  distDir?: string;
  /** Folder of the SQLite database; omitted → an in-memory database (nothing survives). */
  dataDir?: string;
  /** The venue's feed; omitted → crowd reports only. */
  official?: OfficialFeedOptions;
  /** Reports per minute and burst, per device (default 12/min, burst 6) and per client address
   * (default 600/min, burst 300: a conference NAT puts many phones behind one address). */
  rateLimits?: { device?: RateLimit; address?: RateLimit };
  /** Trust X-Forwarded-For for the client address (only behind your own reverse proxy). */
  trustProxy?: boolean;
  crowd?: CrowdOptions;
  /** Listing rebuild timing (see RoomsView). */
  rooms?: { refreshMs?: number; throttleMs?: number };
  sse?: SseOptions;
  now?: () => number;
}

/** A running relay: the handler plus what tests and main.ts need to inspect or stop it. */
export interface Relay {
  handle(req: IncomingMessage, res: ServerResponse): void;
  store: ReportStore;
  view: RoomsView;
  directory: RoomDirectory;
  feed: OfficialFeed | undefined;
  /** Stops timers and streams, commits pending reports, closes the database. */
  close(): Promise<void>;
}

/** Default rate limits (see RelayOptions.rateLimits). */
export const DEFAULT_RATE_LIMITS = {
  device: { perMinute: 12, burst: 6 },
  address: { perMinute: 600, burst: 300 },
} as const;

const READ_ONLY_PATHS = new Set([
  '/api/health',
  '/api/schedule',
  '/api/rooms',
  '/api/rooms/events',
]);

/** Builds the relay without listening: pass `relay.handle` to http.createServer. */
export function createRelay(options: RelayOptions): Relay {
  const now = options.now ?? Date.now;
  const db: RelayDb = openRelayDb(options.dataDir);
  const crowd = { ...CROWD_DEFAULTS, ...options.crowd };
  const writer = options.dataDir ? workerWriter(join(options.dataDir, DB_FILE)) : inlineWriter(db);
  const store = new ReportStore(db, writer, { now, windowMs: crowd.windowMs });
  const directory = new RoomDirectory(() => options.schedule.current.conference);
  const feed = options.official
    ? new OfficialFeed({ now, ...options.official, onUpdate: () => rooms.markDirty() })
    : undefined;
  const rooms: RoomsView = new RoomsView({
    directory,
    votes: () => store.votesByRoom(),
    official: () => officialStates(feed, directory),
    now,
    crowd,
    ...options.rooms,
  });
  store.onChange(() => rooms.markDirty());
  const hub = new SseHub(rooms, options.sse);
  feed?.start();
  const api: ReportsApi = {
    store,
    directory,
    deviceLimiter: new RateLimiter(options.rateLimits?.device ?? DEFAULT_RATE_LIMITS.device),
    addressLimiter: new RateLimiter(options.rateLimits?.address ?? DEFAULT_RATE_LIMITS.address),
    now,
    trustProxy: options.trustProxy ?? false,
    maxAgeMs: crowd.windowMs,
    skewMs: crowd.futureSkewMs,
  };
  const serveStatic = staticApp(options.distDir);

  const health = (res: ServerResponse) => {
    const s = options.schedule.current;
    const snapshot = rooms.current();
    sendJson(res, 200, {
      ok: true,
      schedule: {
        title: s.conference.title,
        talks: s.conference.talks.length,
        rooms: s.conference.rooms.length,
        format: s.conference.source.format,
        loadedAt: new Date(s.loadedAt).toISOString(),
        ...(options.schedule.lastError ? { lastRefreshError: options.schedule.lastError } : {}),
      },
      reports: {
        stored: store.count,
        pending: store.pending,
        storage: options.dataDir ? 'sqlite' : 'memory',
      },
      rooms: { etag: snapshot.etag, generatedAt: new Date(snapshot.generatedAt).toISOString() },
      liveClients: hub.size,
      official: feed
        ? { ...feed.status, unmatched: unmatchedOfficialRooms(feed, directory) }
        : null,
    });
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, HEAD, POST',
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match, Last-Event-ID',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    if (path === '/api/reports') {
      handleReports(req, res, api, url).catch((e) => failRequest(req, res, e));
      return;
    }
    if (!READ_ONLY_PATHS.has(path)) return sendJson(res, 404, { error: `No API at ${path}.` });
    if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(res, 'GET, HEAD');
    if (path === '/api/health') return health(res);
    if (path === '/api/schedule') return schedule(req, res, options.schedule);
    if (path === '/api/rooms/events') return hub.handle(req, res);
    if (path === '/api/rooms') {
      const snapshot = rooms.current();
      const headers = { ETag: snapshot.etag, 'Cache-Control': 'no-cache' };
      if (etagMatches(req, snapshot.etag)) return void res.writeHead(304, headers).end();
      res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
      res.end(method === 'HEAD' ? undefined : snapshot.body);
    }
  };

  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = parseRequestTarget(req.url);
    if (!url) return sendJson(res, 400, { error: 'The request target is not a path we can read.' });
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url);
    if (!serveStatic)
      return sendJson(res, 404, {
        error: 'The app is not built: run `npm run build` (npm start does it for you).',
      });
    const range = checkRange(req.headers.range);
    if (range.kind === 'invalid')
      return sendJson(res, 416, { error: 'The Range header is not a byte range we can serve.' });
    if (range.kind === 'ignore') delete req.headers.range;
    // The static server reads req.url itself: give it the target as read here (dot segments
    // resolved, no authority), never the raw text that made its own parser throw.
    req.url = `${url.pathname}${url.search}`;
    // The static server pipes a file stream into the answer; a read error there (a file removed
    // mid-request) is this request's failure, not the process's.
    res.on('pipe', (source) => source.on('error', (e) => failRequest(req, res, e)));
    serveStatic(req, res, () => sendJson(res, 404, { error: 'Not found.' }));
  };

  return {
    handle(req, res) {
      try {
        route(req, res);
      } catch (e) {
        failRequest(req, res, e);
      }
    },
    store,
    view: rooms,
    directory,
    feed,
    async close() {
      feed?.stop();
      hub.close();
      rooms.close();
      await store.flush();
      await writer.close();
      db.close();
    },
  };
}

/** The handler alone, for callers that never stop the relay (an in-memory database). */
export function createRelayHandler(
  options: RelayOptions,
): (req: IncomingMessage, res: ServerResponse) => void {
  return createRelay(options).handle;
}

/**
 * The last word on a request that failed unexpectedly: logged with what was asked, answered with
 * a 500 when nothing was sent yet, else the connection is cut. The relay goes on serving.
 */
function failRequest(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`Plan B relay: ${req.method} ${JSON.stringify(req.url)} failed: ${what}`);
  if (!res.headersSent) sendJson(res, 500, { error: 'Unexpected error.' });
  else res.destroy();
}

function officialStates(
  feed: OfficialFeed | undefined,
  directory: RoomDirectory,
): OfficialRoomState[] {
  const latest = feed?.latest;
  if (!latest) return [];
  return latest.entries.flatMap((e) => {
    const room = directory.resolve(e.roomname);
    return room ? [{ room: room.slug, state: e.state, fetchedAt: latest.fetchedAt }] : [];
  });
}

function unmatchedOfficialRooms(feed: OfficialFeed, directory: RoomDirectory): string[] {
  return (feed.latest?.entries ?? [])
    .filter((e) => !directory.resolve(e.roomname))
    .map((e) => e.roomname);
}

function schedule(req: IncomingMessage, res: ServerResponse, source: ScheduleSource): void {
  const s = source.current;
  const headers = { ETag: s.etag, 'Last-Modified': s.lastModified, 'Cache-Control': 'no-cache' };
  if (etagMatches(req, s.etag)) return void res.writeHead(304, headers).end();
  res.writeHead(200, { ...headers, 'Content-Type': s.contentType });
  res.end(req.method === 'HEAD' ? undefined : s.text);
}

function staticApp(distDir: string | undefined) {
  if (!distDir || !existsSync(distDir)) return undefined;
  return sirv(distDir, {
    single: true,
    etag: true,
    // Look files up per request (one stat) instead of listing them once at start: a rebuilt or
    // redeployed dist/ is served as it is now, and a file gone since start is a 404 instead of
    // a read error that takes the relay down.
    dev: true,
    setHeaders(res, pathname) {
      // The service worker and the HTML must always be revalidated so updates are seen.
      if (pathname === '/sw.js' || pathname.endsWith('.html') || pathname === '/') {
        res.setHeader('Cache-Control', 'no-cache');
      } else if (pathname.startsWith('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      }
    },
  });
}
