// The relay serves the configured schedule to phones (no CORS problem, ETag so refreshes are
// cheap) and refuses to start with a schedule it cannot read.
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import { createRelay, type Relay } from '../../src/server/app';
import { ScheduleSource } from '../../src/server/schedule-source';

const root = resolve(import.meta.dirname, '../..');
const demo = resolve(root, 'data/demo/planb-demo.xml');
const servers: Server[] = [];
const relays: Relay[] = [];

async function startRelay(source: ScheduleSource, distDir?: string): Promise<string> {
  const relay = createRelay({ schedule: source, distDir });
  relays.push(relay);
  const server = createServer(relay.handle);
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((done) => s.close(done))));
  await Promise.all(relays.splice(0).map((r) => r.close()));
});

describe('the relay serving a schedule', () => {
  it('serves the demo conference with an ETag, and 304 when the phone already has it', async () => {
    const base = await startRelay(await ScheduleSource.open(demo));
    const first = await fetch(`${base}/api/schedule`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toMatch(/xml/);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const conference = parseSchedule(await first.text());
    expect(conference.talks.length).toBeGreaterThanOrEqual(60);

    const again = await fetch(`${base}/api/schedule`, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  it('says what it serves on /api/health', async () => {
    const base = await startRelay(await ScheduleSource.open(demo));
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health.ok).toBe(true);
    expect(health.schedule.title).toMatch(/Plan B Demo/);
  });

  it('answers unknown API paths and methods with JSON errors', async () => {
    const base = await startRelay(await ScheduleSource.open(demo));
    const missing = await fetch(`${base}/api/nothing`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error).toMatch(/No API/);
    const post = await fetch(`${base}/api/schedule`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('keeps serving the good schedule when the file is replaced by a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-relay-'));
    const file = join(dir, 'schedule.xml');
    copyFileSync(demo, file);
    const source = await ScheduleSource.open(file);
    const before = source.current.etag;
    writeFileSync(file, '<schedule><conference><title>Half');
    // Make sure the modification time differs from the one already served.
    const later = new Date(Date.now() + 5000);
    utimesSync(file, later, later);
    expect(await source.refresh()).toBe(false);
    expect(source.current.etag).toBe(before);
    expect(source.lastError).toMatch(/cut off|ends before/);
  });

  it('fetches a schedule URL server-side and serves it', async () => {
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      res.end(readFileSync(demo, 'utf8'));
    });
    servers.push(upstream);
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/schedule.xml`;
    const base = await startRelay(await ScheduleSource.open(url));
    const served = await fetch(`${base}/api/schedule`);
    expect(parseSchedule(await served.text()).title).toMatch(/Plan B Demo/);
  });
});

describe('the relay serving the app', () => {
  it('serves dist/ as it is now: a redeploy is picked up and a removed file is a 404', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'planb-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Plan B</title>');
    writeFileSync(join(dist, 'assets', 'index-old.js'), 'console.log("old")');
    const base = await startRelay(await ScheduleSource.open(demo), dist);
    expect((await fetch(`${base}/assets/index-old.js`)).status).toBe(200);
    const shell = await fetch(`${base}/#/now`);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(await shell.text()).toContain('<title>Plan B</title>');

    // A new build replaces the hashed files while the relay runs.
    rmSync(join(dist, 'assets', 'index-old.js'));
    writeFileSync(join(dist, 'assets', 'index-new.js'), 'console.log("new")');
    const gone = await fetch(`${base}/assets/index-old.js`);
    expect(gone.status).toBe(404);
    const fresh = await fetch(`${base}/assets/index-new.js`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toMatch(/immutable/);
    expect(await fresh.text()).toBe('console.log("new")');
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
  });
});

describe('npm start with a bad SCHEDULE', () => {
  it('exits with a message naming the schedule and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-start-'));
    const bad = join(dir, 'broken.xml');
    writeFileSync(bad, '<!DOCTYPE html><html><body>Oops</body></html>');
    const tsx = resolve(root, 'node_modules/.bin/tsx');
    const result = await promisify(execFile)(tsx, ['src/server/main.ts'], {
      cwd: root,
      env: { ...process.env, SCHEDULE: bad, PORT: '0' },
    }).catch((e) => e);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot serve SCHEDULE=.*broken\.xml/);
    expect(result.stderr).toMatch(/web page/);
  });
});

describe('refreshing the schedule', () => {
  it('sees a file saved twice within one second (size and mtime in ms)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-same-second-'));
    const file = join(dir, 'schedule.xml');
    const text = readFileSync(demo, 'utf8');
    writeFileSync(file, text);
    const second = Math.floor(Date.now() / 1000) * 1000;
    utimesSync(file, new Date(second + 100), new Date(second + 100));
    const source = await ScheduleSource.open(file);
    const before = source.current.etag;
    // Same length, same second, new title.
    writeFileSync(file, text.replace('Plan B Demo', 'Plan C Demo'));
    utimesSync(file, new Date(second + 700), new Date(second + 700));
    expect(await source.refresh()).toBe(true);
    expect(source.current.etag).not.toBe(before);
    expect(source.current.conference.title).toMatch(/Plan C Demo/);
  });

  it('refuses a download larger than the cap while it streams, and keeps the good schedule', async () => {
    let huge = false;
    const upstream = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/xml' });
      if (!huge) return void res.end(readFileSync(demo, 'utf8'));
      // Chunked, no length to refuse it by: 1 MB pieces until the client gives up.
      const piece = Buffer.alloc(1 << 20, ' ');
      let sent = 0;
      const pump = () => {
        while (sent < 64 && res.write(piece)) sent++;
        if (sent >= 64) res.end();
        else res.once('drain', pump);
      };
      res.on('close', () => {
        sent = 64;
      });
      pump();
    });
    servers.push(upstream);
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/schedule.xml`;
    const source = await ScheduleSource.open(url, { maxBytes: 4 << 20 });
    huge = true;
    expect(await source.refresh()).toBe(false);
    expect(source.lastError).toMatch(/larger than 4 MB/);
    expect(source.current.conference.title).toMatch(/Plan B Demo/);
  });

  it('runs one refresh at a time: calls during a slow download share it', async () => {
    let requests = 0;
    const upstream = createServer((_req, res) => {
      requests++;
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'application/xml' });
        res.end(readFileSync(demo, 'utf8'));
      }, 150);
    });
    servers.push(upstream);
    await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/schedule.xml`;
    const source = await ScheduleSource.open(url);
    requests = 0;
    await Promise.all([source.refresh(), source.refresh(), source.refresh()]);
    expect(requests).toBe(1);
    await source.refresh();
    expect(requests).toBe(2);
  });
});
