/**
 * Relay load test with autocannon on loopback. The relay runs as `npm start` does (its own
 * process, SQLite in WAL mode with synchronous=FULL in a fresh data folder, group commit per
 * tick); autocannon runs in this process, so each has one of the two cores.
 *
 * - POST /api/reports: every request a fresh report id and a fresh device id (autocannon's
 *   `[<id>]` replacement) cycling over the demo rooms, so the per-device limit (12/min) never
 *   triggers; the per-address limit is turned off (RATE_LIMIT_ADDRESS_PER_MINUTE=0) because
 *   every connection comes from 127.0.0.1. Every 202 must be in the database afterwards.
 * - GET /api/rooms: pollers that send If-None-Match with the last ETag they saw, as phones do.
 * - GET /api/reports?limit=5000 from 8 connections (a stranger, then the owner with
 *   RELAY_ADMIN_TOKEN), and what it does to GET /api/rooms meanwhile (bench/reports-load.ts).
 *
 * `benchRelay()` returns printable lines for the bench runner; alone:
 * `npx tsx -e "import('./bench/relay.ts').then(async (m) => console.log((await m.benchRelay()).join('\n')))"`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { OWNER_TOKEN, spawnRelayProcess } from '../test/server/support';
import { reportsLoad } from './reports-load';

const ROOMS = ['UD2.208 (Decroly)', 'Janson', 'H.2215 (Ferrer)', 'AW1.126', 'ub2252a', 'k3401'];
const LEVELS = ['seats', 'standing', 'full', 'queue'];
const DURATION_S = Number(process.env.BENCH_RELAY_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_RELAY_CONNECTIONS ?? 32);

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  statuses: Record<string, number>;
  errors: number;
}

async function run(options: autocannon.Options): Promise<Run> {
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_S, ...options });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    statuses[code] = Number(count);
  }
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors + result.timeouts,
  };
}

function postReports(base: string): Promise<Run> {
  const at = Date.now();
  return run({
    url: base,
    idReplacement: true,
    requests: ROOMS.map((room, i) => ({
      method: 'POST' as const,
      path: '/api/reports',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: '[<id>]', room, level: LEVELS[i % 4], at, device: '[<id>]' }),
    })),
  });
}

function pollRooms(base: string): Promise<Run> {
  // Every poller sees the same listing, so one remembered ETag stands for each phone's own
  // (autocannon resets per-connection context after each pass over a one-request list).
  let etag = '';
  return run({
    url: base,
    requests: [
      {
        method: 'GET',
        path: '/api/rooms',
        setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'if-none-match': etag } }),
        onResponse: (_status, _body, _context, headers) => {
          // autocannon keeps the server's header case ("ETag").
          etag = headers?.ETag ?? headers?.etag ?? etag;
        },
      },
    ],
  });
}

const n = (x: number) => Math.round(x).toLocaleString('en-US');
const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Runs both loads against a fresh relay and describes the figures, one line each. */
export async function benchRelay(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planb-bench-relay-'));
  const { child, base } = await spawnRelayProcess(dataDir);
  try {
    const post = await postReports(base);
    const accepted = post.statuses['202'] ?? 0;
    const refused = Object.entries(post.statuses).filter(([code]) => code !== '202');
    await new Promise((done) => setTimeout(done, 1500));
    const health = (await (await fetch(`${base}/api/health`)).json()) as {
      reports: { stored: number };
    };
    const poll = await pollRooms(base);
    const stranger = await reportsLoad(base);
    const owner = await reportsLoad(base, { authorization: `Bearer ${OWNER_TOKEN}` });
    const answers = (r: typeof owner) =>
      Object.entries(r.listStatuses)
        .map(([code, k]) => `${n(k)} × ${code}`)
        .join(', ');
    const total = Object.values(poll.statuses).reduce((a, b) => a + b, 0);
    const share = total ? (100 * (poll.statuses['304'] ?? 0)) / total : 0;
    return [
      `Relay in its own process (SQLite WAL, synchronous=FULL, commits on a worker thread), autocannon with ${CONNECTIONS} connections for ${DURATION_S} s per load, loopback, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
      '',
      '| load | rate | p50 | p99 | answers | target |',
      '|---|---|---|---|---|---|',
      `| POST /api/reports | ${n(post.perSecond)} reports/s | ${post.p50} ms | ${post.p99} ms | ${n(accepted)} × 202${refused.length ? `, ${refused.map(([c, k]) => `${n(k)} × ${c}`).join(', ')}` : ''}, ${post.errors} errors | ≥ 5,000/s, p99 ≤ 50 ms: ${check(post.perSecond >= 5000 && post.p99 <= 50)} |`,
      `| GET /api/rooms + If-None-Match | ${n(poll.perSecond)} polls/s | ${poll.p50} ms | ${poll.p99} ms | ${share.toFixed(2)} % 304 of ${n(total)}, ${poll.errors} errors | ≥ 10,000/s, mostly 304: ${check(poll.perSecond >= 10_000 && share > 90)} |`,
      '',
      '',
      `GET /api/rooms (4 connections, 5 s) alone and while 8 connections ask GET /api/reports?limit=5000 without pause (${n(health.reports.stored)} reports stored):`,
      '',
      '| who asks for the list | its answers | /api/rooms alone p50/p99 | /api/rooms meanwhile p50/p99 |',
      '|---|---|---|---|',
      `| a stranger (no token) | ${answers(stranger)} | ${stranger.alone.p50}/${stranger.alone.p99} ms | ${stranger.loaded.p50}/${stranger.loaded.p99} ms |`,
      `| the owner (RELAY_ADMIN_TOKEN, pages of 1,000) | ${answers(owner)} | ${owner.alone.p50}/${owner.alone.p99} ms | ${owner.loaded.p50}/${owner.loaded.p99} ms |`,
      '',
      // Requests still in flight when autocannon stops are stored but not counted as 202 by it.
      `Stored afterwards: ${n(health.reports.stored)} reports (every 202 on disk: ${check(health.reports.stored >= accepted)}).`,
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
