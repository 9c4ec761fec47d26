/**
 * The relay's HTTP handler: the built app (static, single-page fallback) and the API.
 * Plan B works without it; the relay adds what one phone cannot know alone.
 *
 * API: GET /api/health · GET /api/schedule · GET /api/rooms · GET /api/rooms/events (SSE) ·
 * POST /api/reports · GET /api/reports?after=&limit= (owner only) · GET /api/push/key ·
 * PUT/DELETE /api/push/subscription (reminders, api-push.ts). What the API reads out may
 * be read by any origin (no credentials are involved), so an app served elsewhere can show this
 * relay's rooms; reports are accepted from browsers of the app's own origin only, unless
 * `corsOrigins` names others. Every answer carries the headers of security-headers.ts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Agent } from 'node:https';
import { join } from 'node:path';
import Negotiator from 'negotiator';
import { CROWD_DEFAULTS, type CrowdOptions, type OfficialRoomState } from '../domain/crowd';
import { COMPACT_MEDIA_TYPE, COMPACT_VERSION } from '../domain/schedule/compact';
import {
  DEFAULT_MAX_SUBSCRIPTIONS,
  DEFAULT_PUSH_RATE,
  handlePush,
  PUSH_PATHS,
  type PushApi,
} from './api-push';
import { handleReports, type ReportsApi } from './api-reports';
import { parseVenueNetworks, venueSourceKey } from './client-source';
import { DB_FILE, openRelayDb, type RelayDb, sourceSalt } from './db';
import { inlineWriter, workerWriter } from './db-writer';
import { chooseEncoding, SUFFIX } from './encoding';
import { etagMatches, methodNotAllowed, sendJson } from './http';
import { OfficialFeed, type OfficialFeedOptions } from './official-feed';
import { loadVapidKeys } from './push-keys';
import { PushScheduler, type PushSender, webPushSender } from './push-scheduler';
import { PushStore } from './push-store';
import { type RateLimit, RateLimiter } from './rate-limit';
import { ReportStore } from './reports';
import { checkRange, parseRequestTarget } from './request-target';
import { RoomDirectory } from './rooms';
import { RoomsView } from './rooms-view';
import type { ScheduleSource } from './schedule-source';
import { originAllowed, setSecurityHeaders } from './security-headers';
import { SseHub, type SseOptions } from './sse';
import { staticFiles } from './static-files';

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
  /**
   * Reverse proxies of your own in front of the relay: the client address is the one the
   * nearest of them appended to X-Forwarded-For (true: one proxy; a number: that many).
   */
  trustProxy?: boolean | number;
  /** Networks (CIDR) behind which many phones share an address: the venue's NAT or Wi-Fi. */
  venueNetworks?: string;
  /** How many phones' weight a venue network's reports may have together (default 2). */
  venueSourceWeight?: number;
  /** Browser origins besides the app's own that may POST reports ("*": any). */
  corsOrigins?: readonly string[];
  /** Opens GET /api/reports to `Authorization: Bearer <token>`; unset → closed. */
  adminToken?: string;
  /** Serve *.map files of the build (default false). */
  sourceMaps?: boolean;
  crowd?: CrowdOptions;
  /** Listing rebuild timing (see RoomsView). */
  rooms?: { refreshMs?: number; throttleMs?: number };
  sse?: SseOptions;
  /** Reminders by Web Push (see PushOptions). */
  push?: PushOptions;
  now?: () => number;
}

/** Reminders by Web Push: how the relay signs and sends them. All optional. */
export interface PushOptions {
  /** VAPID subject: a mailto: or https: contact for push services (default DEFAULT_PUSH_SUBJECT). */
  subject?: string;
  /** How often due reminders are sent (default 10 s). */
  intervalMs?: number;
  /** Most phones with reminders (default 100,000). */
  maxSubscriptions?: number;
  /** Accept http: and IP-address endpoints (tests with a local push service only). */
  allowLocalEndpoints?: boolean;
  /** HTTPS agent for sending (tests: one that trusts the local push service). */
  agent?: Agent;
  /** Replaces web-push as the sender (tests). */
  send?: PushSender;
}

/** The VAPID subject when PUSH_SUBJECT is not set. */
export const DEFAULT_PUSH_SUBJECT = 'mailto:planb-relay@example.org';

/** A running relay: the handler plus what tests and main.ts need to inspect or stop it. */
export interface Relay {
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** The schedule being served. */
  schedule: ScheduleSource;
  store: ReportStore;
  view: RoomsView;
  directory: RoomDirectory;
  feed: OfficialFeed | undefined;
  /** Reminder subscriptions and their sending. */
  push: { store: PushStore; scheduler: PushScheduler; publicKey: string };
  /** Stops timers and streams, commits pending reports, closes the database. */
  close(): Promise<void>;
}

/** How many phones' weight a venue network's reports may have together in one room. */
export const DEFAULT_VENUE_SOURCE_WEIGHT = 2;

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

/** Paths a browser writes to: only from the app's own origin and CORS_ORIGINS. */
function isWrite(path: string, method: string): boolean {
  if (path === '/api/reports') return method === 'POST' || method === 'OPTIONS';
  return path === '/api/push/subscription';
}

/** Builds the relay without listening: pass `relay.handle` to http.createServer. */
export function createRelay(options: RelayOptions): Relay {
  const now = options.now ?? Date.now;
  const db: RelayDb = openRelayDb(options.dataDir);
  const venues = parseVenueNetworks(options.venueNetworks);
  const venueWeight = options.venueSourceWeight ?? DEFAULT_VENUE_SOURCE_WEIGHT;
  const crowd = {
    ...CROWD_DEFAULTS,
    ...options.crowd,
    sourceWeights: new Map(venues.map((n) => [venueSourceKey(n), venueWeight])),
  };
  const proxyHops = Number(options.trustProxy ?? 0);
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
  const vapid = loadVapidKeys(options.dataDir);
  const pushStore = new PushStore(db);
  const pushScheduler = new PushScheduler({
    store: pushStore,
    send:
      options.push?.send ??
      webPushSender(vapid, options.push?.subject ?? DEFAULT_PUSH_SUBJECT, options.push?.agent),
    now,
    ...(options.push?.intervalMs ? { intervalMs: options.push.intervalMs } : {}),
  });
  pushScheduler.start();
  const pushApi: PushApi = {
    store: pushStore,
    publicKey: vapid.publicKey,
    limiter: new RateLimiter(DEFAULT_PUSH_RATE),
    now,
    proxyHops,
    venues,
    allowLocalEndpoints: options.push?.allowLocalEndpoints ?? false,
    maxSubscriptions: options.push?.maxSubscriptions ?? DEFAULT_MAX_SUBSCRIPTIONS,
  };
  const api: ReportsApi = {
    store,
    directory,
    deviceLimiter: new RateLimiter(options.rateLimits?.device ?? DEFAULT_RATE_LIMITS.device),
    addressLimiter: new RateLimiter(options.rateLimits?.address ?? DEFAULT_RATE_LIMITS.address),
    now,
    proxyHops,
    venues,
    salt: sourceSalt(db),
    ...(options.adminToken ? { adminToken: options.adminToken } : {}),
    maxAgeMs: crowd.windowMs,
    skewMs: crowd.futureSkewMs,
  };
  const corsOrigins = options.corsOrigins ?? [];
  const serveStatic = options.distDir
    ? staticFiles(options.distDir, {
        exclude: options.dataDir ? [options.dataDir] : [],
        sourceMaps: options.sourceMaps ?? false,
      })
    : undefined;

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
        compressed: Object.keys(s.compact.compressed),
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
      reminders: { phones: pushStore.subscriptions, waiting: pushStore.waiting },
      official: feed
        ? { ...feed.status, unmatched: unmatchedOfficialRooms(feed, directory) }
        : null,
    });
  };

  const handleApi = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const method = req.method ?? 'GET';
    const path = url.pathname;
    // Reading is open to any origin; writing (POST /api/reports) to the app's own and the
    // configured ones. A browser on another origin gets no CORS grant and a 403.
    const mayWrite = originAllowed(req, corsOrigins, proxyHops > 0);
    const origin = req.headers.origin;
    const writesHere = isWrite(path, method);
    if (!writesHere) res.setHeader('Access-Control-Allow-Origin', '*');
    else if (origin && mayWrite) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After, Content-Length');
    if (method === 'OPTIONS') {
      if (writesHere && !mayWrite) return void res.writeHead(204).end();
      res.writeHead(204, {
        'Access-Control-Allow-Methods': !writesHere
          ? 'GET, HEAD'
          : path === '/api/reports'
            ? 'POST'
            : 'PUT, DELETE',
        'Access-Control-Allow-Headers': 'Content-Type, If-None-Match, Last-Event-ID',
        'Access-Control-Max-Age': '86400',
      });
      res.end();
      return;
    }
    if (path === '/api/reports') {
      if (method === 'POST' && !mayWrite) {
        req.resume();
        return sendJson(res, 403, {
          error: `Reports are accepted from this relay's own app; ${origin} is not allowed (CORS_ORIGINS).`,
        });
      }
      handleReports(req, res, api, url).catch((e) => failRequest(req, res, e));
      return;
    }
    if (PUSH_PATHS.has(path)) {
      if (writesHere && !mayWrite) {
        req.resume();
        return sendJson(res, 403, {
          error: `Reminders are set from this relay's own app; ${origin} is not allowed (CORS_ORIGINS).`,
        });
      }
      handlePush(req, res, pushApi, path).catch((e) => failRequest(req, res, e));
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
    const api = url?.pathname.startsWith('/api/') ?? true;
    setSecurityHeaders(res, api);
    if (!url) return sendJson(res, 400, { error: 'The request target is not a path we can read.' });
    if (api) return handleApi(req, res, url);
    if (!serveStatic)
      return sendJson(res, 404, {
        error: 'The app is not built: run `npm run build` (npm start does it for you).',
      });
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      return methodNotAllowed(res, 'GET, HEAD');
    }
    const range = checkRange(req.headers.range);
    if (range.kind === 'invalid')
      return sendJson(res, 416, { error: 'The Range header is not a byte range we can serve.' });
    serveStatic(req, res, url.pathname, range).then(
      (served) => {
        if (!served) sendJson(res, 404, { error: 'Not found.' });
      },
      (e) => failRequest(req, res, e),
    );
  };

  return {
    handle(req, res) {
      try {
        route(req, res);
      } catch (e) {
        failRequest(req, res, e);
      }
    },
    schedule: options.schedule,
    store,
    view: rooms,
    directory,
    feed,
    push: { store: pushStore, scheduler: pushScheduler, publicKey: vapid.publicKey },
    async close() {
      feed?.stop();
      await pushScheduler.stop();
      hub.close();
      rooms.close();
      await store.flush();
      await writer.close();
      db.close();
    },
  };
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

/**
 * GET /api/schedule: the file as read, or (Accept: the compact media type) the normalized model
 * for phones; each precompressed (brotli, gzip) by Accept-Encoding. Each representation and
 * encoding has its own ETag ("<version>", "<version>.c1.br"…); If-None-Match naming any tag of
 * the current version gets a 304, since the phone already holds this version's talks.
 */
function schedule(req: IncomingMessage, res: ServerResponse, source: ScheduleSource): void {
  const s = source.current;
  const wantsCompact =
    new Negotiator(req).mediaType([s.contentType.split(';')[0]!, COMPACT_MEDIA_TYPE]) ===
    COMPACT_MEDIA_TYPE;
  const representation = wantsCompact ? s.compact : s.original;
  const encoding = chooseEncoding(
    req,
    (['br', 'gzip'] as const).filter((e) => representation.compressed[e]),
  );
  const version = s.etag.slice(1, -1);
  const tag = [
    version,
    ...(wantsCompact ? [`c${COMPACT_VERSION}`] : []),
    ...(encoding ? [SUFFIX[encoding].slice(1)] : []),
  ];
  const headers: Record<string, string | number> = {
    ETag: `"${tag.join('.')}"`,
    'Last-Modified': s.lastModified,
    'Cache-Control': 'no-cache',
    Vary: 'Accept, Accept-Encoding',
  };
  if (sameVersion(req, version)) return void res.writeHead(304, headers).end();
  const body = encoding ? representation.compressed[encoding]! : representation.body;
  if (encoding) headers['Content-Encoding'] = encoding;
  res.writeHead(200, {
    ...headers,
    'Content-Type': wantsCompact ? `${COMPACT_MEDIA_TYPE}; charset=utf-8` : s.contentType,
    'Content-Length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** If-None-Match names a tag of this schedule version (any representation), or "*". */
function sameVersion(req: IncomingMessage, version: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag.slice(1, -1).split('.')[0] === version;
  });
}
