/**
 * Test helpers: a relay on 127.0.0.1 (port 0) over the demo conference, and small upstream
 * servers that play the official room-status feed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createRelay, type Relay, type RelayOptions } from '../../src/server/app';
import { ScheduleSource } from '../../src/server/schedule-source';

/** The demo conference (UD2.208 (Decroly), Janson, K.1.105 (Demo Hall) …). */
export const DEMO = resolve(import.meta.dirname, '../../data/demo/planb-demo.xml');

/** A relay listening on a free loopback port. */
export interface RunningRelay {
  base: string;
  relay: Relay;
  server: Server;
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1:0 and returns its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes a server, cutting kept-alive and hanging connections. */
export function shut(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

/** A relay over the demo conference with `options` on top. */
export async function startRelay(
  options: Partial<Omit<RelayOptions, 'schedule'>> = {},
): Promise<RunningRelay> {
  const schedule = await ScheduleSource.open(DEMO);
  const relay = createRelay({ schedule, ...options });
  const server = createServer(relay.handle);
  const base = await listen(server);
  return {
    base,
    relay,
    server,
    async close() {
      await shut(server);
      await relay.close();
    },
  };
}

/** An upstream stand-in on 127.0.0.1; `requests` counts what it was asked. */
export async function startUpstream(
  handler: RequestListener,
): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let count = 0;
  const server = createServer((req, res) => {
    count++;
    handler(req, res);
  });
  const base = await listen(server);
  return {
    url: `${base}/roomstatus/v1/listrooms`,
    requests: () => count,
    close: () => shut(server),
  };
}

let counter = 0;
/** A fresh report body for the demo conference (override any field). */
export function reportBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    id: `report-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`,
    room: 'UD2.208 (Decroly)',
    level: 'full',
    at: Date.now(),
    device: `device-${counter}-abc`,
    ...overrides,
  };
}

/** POSTs a report (or any body) as JSON. */
export function postReport(base: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/reports`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** GET /api/rooms as parsed entries. */
export async function rooms(base: string): Promise<Array<Record<string, unknown>>> {
  return (await fetch(`${base}/api/rooms`)).json() as Promise<Array<Record<string, unknown>>>;
}

/** RELAY_ADMIN_TOKEN of relays started by spawnRelayProcess (GET /api/reports). */
export const OWNER_TOKEN = 'test-owner-token';

/**
 * Starts the relay as its own process, `node --import tsx src/server/main.ts` (one process, so a
 * SIGKILL hits the server itself), on a free port over `dataDir`, with the address rate limit
 * off (all traffic comes from 127.0.0.1) and OWNER_TOKEN as RELAY_ADMIN_TOKEN; `env` on top.
 * Resolves once it prints its address.
 */
export function spawnRelayProcess(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
      RELAY_ADMIN_TOKEN: OWNER_TOKEN,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const m = /running at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) done({ child, base: m[1]! });
    });
    child.stderr!.on('data', (chunk) => {
      err += chunk;
    });
    child.on('exit', (code) => fail(new Error(`relay exited (${code}) before listening: ${err}`)));
  });
}
