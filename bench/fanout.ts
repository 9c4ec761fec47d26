/**
 * FOSDEM scale: 10,000 phones hold GET /api/rooms/events open on one relay (its own process, as
 * `npm start` runs it), and a room change must reach all of them within 1 s at p99. The phones
 * are raw sockets in a second process (bench/sse-clients.ts) on 127.0.0.1; that process posts
 * each change itself and times every socket on its own clock, so a figure is "report sent →
 * this phone has the new listing", through the relay's commit, its listing rebuild and the
 * broadcast. Then, with the streams still open, pollers ask GET /api/rooms with the ETag they
 * have (the fallback). Memory per connection is the relay's resident memory with the phones
 * minus before them, divided by their number.
 *
 * BENCH_FANOUT_CLIENTS (10,000) and BENCH_FANOUT_CHANGES (5) size it; `ulimit -n` must allow
 * the clients in each process.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { spawnRelayProcess } from '../test/server/support';
import { median, percentile, SHARED } from './parse';
import type { FromClients, ToClients } from './sse-clients';

const CLIENTS = Number(process.env.BENCH_FANOUT_CLIENTS ?? 10_000);
const CHANGES = Number(process.env.BENCH_FANOUT_CHANGES ?? 5);
const ROOMS = ['UD2.208 (Decroly)', 'Janson', 'K.1.105', 'H.2215 (Ferrer)', 'AW1.120'];
/** FOSDEM 2020's 35 rooms make the listing each phone gets (~8 KB); else the demo's. */
const FOSDEM = join(SHARED, 'fosdem-2020-schedule.xml');
const LEVELS = ['seats', 'standing', 'full', 'queue'];

/** Resident memory of a process, in bytes (Linux /proc). */
function rss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

function ask(child: ChildProcess, message: ToClients): Promise<FromClients> {
  return new Promise((done, fail) => {
    const onExit = () => fail(new Error('the load generator stopped'));
    child.once('exit', onExit);
    child.once('message', (reply: FromClients) => {
      child.off('exit', onExit);
      done(reply);
    });
    child.send(message);
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const n = (x: number) => Math.round(x).toLocaleString('en-US');
const check = (ok: boolean) => (ok ? 'ok' : 'MISSED');

/** Runs the fan-out bench and describes it, one line each. */
export async function benchFanout(): Promise<string[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planb-bench-fanout-'));
  const { child: relay, base } = await spawnRelayProcess(dataDir, {
    SSE_MAX_CLIENTS: String(CLIENTS + 100),
    RATE_LIMIT_DEVICE_PER_MINUTE: '0',
    ...(existsSync(FOSDEM) ? { SCHEDULE: FOSDEM } : {}),
  });
  const port = Number(new URL(base).port);
  const clients = fork(resolve(import.meta.dirname, 'sse-clients.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  try {
    // Warm the relay up (listing built, JIT) before measuring its memory.
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/rooms`).then((r) => r.arrayBuffer());
    await sleep(300);
    const before = rss(relay.pid!);
    const connected = await ask(clients, { type: 'connect', port, count: CLIENTS });
    if (connected.type !== 'connected') throw new Error('unexpected answer');
    await sleep(1000);
    const after = rss(relay.pid!);
    const perConnection = (after - before) / Math.max(1, connected.open);

    const samples: number[] = [];
    let missed = 0;
    const perChange: string[] = [];
    let warmUp = '';
    const commits: number[] = [];
    // Change 0 warms up both processes (their first broadcast and parse); it is shown, not counted.
    for (let i = 0; i <= CHANGES; i++) {
      // More than the listing's 1 s throttle apart, so each change is rebuilt at once.
      await sleep(1500);
      const body = JSON.stringify({
        id: `fanout-${Date.now()}-${i}`,
        room: ROOMS[i % ROOMS.length],
        level: LEVELS[i % LEVELS.length],
        at: Date.now(),
        device: `fanout-device-${i}`,
      });
      const reply = await ask(clients, { type: 'change', port, body, timeoutMs: 10_000 });
      if (reply.type !== 'changed') throw new Error('unexpected answer');
      const figures = `${n(percentile(reply.latencies, 50))}/${n(percentile(reply.latencies, 99))}`;
      if (i === 0) {
        warmUp = `${figures}, ${reply.missed} missed`;
        continue;
      }
      samples.push(...reply.latencies);
      missed += reply.missed;
      commits.push(reply.postMs);
      perChange.push(figures);
    }

    // The fallback while the streams stay open: pollers with the ETag they have.
    let etag = '';
    const poll = await autocannon({
      url: base,
      connections: 32,
      duration: 5,
      requests: [
        {
          method: 'GET',
          path: '/api/rooms',
          setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'if-none-match': etag } }),
          onResponse: (_status, _body, _context, headers) => {
            etag = headers?.ETag ?? headers?.etag ?? etag;
          },
        },
      ],
    });
    const polls = Object.values(poll.statusCodeStats ?? {}).reduce((a, b) => a + b.count, 0);
    const notModified = poll.statusCodeStats?.['304']?.count ?? 0;

    const p50 = percentile(samples, 50);
    const p99 = percentile(samples, 99);
    const expected = connected.open * CHANGES;
    return [
      `Relay in its own process (as npm start runs it) serving ${existsSync(FOSDEM) ? 'FOSDEM 2020 (35 rooms)' : 'the demo conference'}; ${n(CLIENTS)} phones as raw sockets on 127.0.0.1 in a second process, which posts each change and times each socket on its own clock (report sent → new listing read); ${CHANGES} changes 1.5 s apart.`,
      '',
      '| figure | value | target |',
      '|---|---|---|',
      `| SSE clients held | ${n(connected.open)} of ${n(CLIENTS)} (${connected.failed} refused), connected in ${(connected.ms / 1000).toFixed(1)} s | 10,000: ${check(connected.open >= 10_000)} |`,
      `| fan-out latency, report → every phone | p50 ${n(p50)} ms · p99 ${n(p99)} ms · max ${n(Math.max(...samples))} ms (${n(samples.length)} deliveries, ${n(missed)} missed) | p99 ≤ 1,000 ms, none missed: ${check(p99 <= 1000 && missed === 0 && samples.length === expected)} |`,
      `| per change, p50/p99 ms | ${perChange.join(' · ')} (warm-up change, not counted: ${warmUp}) | |`,
      `| the report's own answer (202, committed to disk) | median ${n(median(commits))} ms | |`,
      `| relay memory per connection | ${(perConnection / 1024).toFixed(1)} KB (RSS ${n(before / 1048576)} MB → ${n(after / 1048576)} MB) | |`,
      `| GET /api/rooms + If-None-Match meanwhile | ${n(poll.requests.average)} polls/s, p50 ${poll.latency.p50} ms, p99 ${poll.latency.p99} ms, ${polls ? ((100 * notModified) / polls).toFixed(1) : 0} % 304 | mostly 304: ${check(polls > 0 && notModified / polls > 0.9)} |`,
      '',
      `(median delivery ${n(median(samples))} ms)`,
    ];
  } finally {
    if (clients.connected) clients.send({ type: 'stop' } satisfies ToClients);
    clients.kill('SIGTERM');
    relay.kill('SIGTERM');
    await new Promise((done) => relay.once('exit', done));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
