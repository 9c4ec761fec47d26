// Issue 10, tried as an attacker would: one address inventing device ids, a client writing its
// own X-Forwarded-For, a stranger paging through every report, another site posting reports,
// dotfiles and source maps in dist/, and a replayed report id naming another room. Each is
// answered the way the README says, and the relay goes on serving.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clientAddress, parseVenueNetworks, sourceOf } from '../../src/server/client-source';
import { postReport, type RunningRelay, reportBody, rooms, startRelay } from './support';

const running: RunningRelay[] = [];
async function relay(options: Parameters<typeof startRelay>[0] = {}) {
  const r = await startRelay({ rooms: { throttleMs: 10 }, ...options });
  running.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

const ROOMS = ['UD2.208 (Decroly)', 'Janson', 'K.1.105', 'H.2215 (Ferrer)', 'AW1.120'];

describe('one address inventing devices', () => {
  it('27 POSTs with 3 fake devices per room turn no room full', async () => {
    const { base, relay: r } = await relay();
    for (const [i, room] of ROOMS.entries()) {
      for (let d = 0; d < 3; d++) {
        const body = reportBody({ room, level: 'queue', device: `fake-${i}-${d}-device` });
        expect((await postReport(base, body)).status).toBe(202);
      }
    }
    r.view.rebuild();
    for (const entry of (await rooms(base)).filter((e) => e.reports)) {
      expect(entry.state, String(entry.roomname)).toBe('0');
      expect(entry.confidence).toBeLessThanOrEqual(0.34);
    }
  });

  it('three addresses agreeing do turn the room full; one IPv6 /64 counts as one address', async () => {
    const { base, relay: r } = await relay({ trustProxy: 1 });
    const decroly = async () => {
      r.view.rebuild();
      return (await rooms(base)).find((e) => e.slug === 'ud2208')!;
    };
    for (const host of ['a', 'b', 'c']) {
      const from = { 'X-Forwarded-For': `2001:db8:1:2::${host}` };
      expect((await postReport(base, reportBody({ level: 'full' }), from)).status).toBe(202);
    }
    expect(await decroly()).toMatchObject({ state: '0', reports: 3 });
    for (const ip of ['192.0.2.1', '198.51.100.2']) {
      const from = { 'X-Forwarded-For': ip };
      expect((await postReport(base, reportBody({ level: 'full' }), from)).status).toBe(202);
    }
    expect(await decroly()).toMatchObject({ state: '1', level: 'full', confidence: 1 });
  });

  it('the venue network (many phones behind one NAT) counts as two phones', async () => {
    const { base, relay: r } = await relay({ trustProxy: 1, venueNetworks: '203.0.113.0/24' });
    for (let i = 0; i < 10; i++) {
      const from = { 'X-Forwarded-For': '203.0.113.7' };
      expect((await postReport(base, reportBody(), from)).status).toBe(202);
    }
    r.view.rebuild();
    const decroly = (await rooms(base)).find((e) => e.slug === 'ud2208')!;
    expect(decroly).toMatchObject({ state: '1', confidence: 0.67 });
  });
});

describe('the client address behind a trusted proxy', () => {
  const req = (xff: string | undefined, socket = '10.0.0.1') =>
    ({
      headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
      socket: { remoteAddress: socket },
    }) as never;

  it('is the entry the proxy appended, not the one the client wrote', () => {
    expect(clientAddress(req('6.6.6.6, 198.51.100.9'), 1)).toBe('198.51.100.9');
    expect(clientAddress(req('6.6.6.6, 198.51.100.9, 10.0.0.2'), 2)).toBe('198.51.100.9');
    expect(clientAddress(req('6.6.6.6, 198.51.100.9'), 0)).toBe('10.0.0.1');
    expect(clientAddress(req(undefined), 1)).toBe('10.0.0.1');
    expect(clientAddress(req('not-an-address'), 1)).toBe('10.0.0.1');
  });

  it('groups IPv6 by /64 and venue networks as one source', () => {
    expect(sourceOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(sourceOf('2001:db8:1::1')).toBe('2001:db8:1:0::/64');
    expect(sourceOf('::ffff:192.0.2.1')).toBe('192.0.2.1');
    const venues = parseVenueNetworks('203.0.113.0/24, 2001:db8:f00::/48');
    expect(sourceOf('203.0.113.99', venues)).toBe('venue:203.0.113.0/24');
    expect(sourceOf('2001:db8:f00:1::5', venues)).toBe('venue:2001:db8:f00::/48');
    expect(() => parseVenueNetworks('venue wifi')).toThrow(/VENUE_NETWORKS/);
  });

  it('a client rotating the X-Forwarded-For it writes is still rate-limited', async () => {
    const { base } = await relay({
      trustProxy: 1,
      rateLimits: { address: { perMinute: 2, burst: 2 } },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const from = { 'X-Forwarded-For': `6.6.6.${i}, 198.51.100.9` };
      statuses.push((await postReport(base, reportBody(), from)).status);
    }
    expect(statuses).toEqual([202, 202, 429]);
  });
});

describe('GET /api/reports', () => {
  it('is closed without RELAY_ADMIN_TOKEN, 401 without the token, pages of 1,000 at most', async () => {
    const closed = await relay();
    expect((await fetch(`${closed.base}/api/reports?limit=5000`)).status).toBe(403);
    const { base } = await relay({ adminToken: 'owner-token-3' });
    expect((await fetch(`${base}/api/reports?limit=5000`)).status).toBe(401);
    const wrong = { headers: { Authorization: 'Bearer owner-token-4' } };
    expect((await fetch(`${base}/api/reports`, wrong)).status).toBe(401);
    const owner = { headers: { Authorization: 'Bearer owner-token-3' } };
    const page = await fetch(`${base}/api/reports?limit=5000`, owner);
    expect(page.status).toBe(200);
    expect((await page.json()).reports).toEqual([]);
  });
});

describe('a replayed report id', () => {
  it('answers with the room of the report stored under that id', async () => {
    const { base } = await relay();
    const body = reportBody({ room: 'Janson' });
    expect((await postReport(base, body)).status).toBe(202);
    const replay = await postReport(base, { ...body, room: 'UD2.208 (Decroly)' });
    expect(replay.status).toBe(200);
    expect(await replay.json()).toMatchObject({ outcome: 'duplicate', room: 'janson' });
  });
});

describe('reports from another site', () => {
  it("are refused from a foreign origin unless configured; the app's own origin is fine", async () => {
    const { base } = await relay();
    const evil = await postReport(base, reportBody(), { Origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${base}/api/reports`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const own = await postReport(base, reportBody(), { Origin: base });
    expect(own.status).toBe(202);
    expect(own.headers.get('access-control-allow-origin')).toBe(base);
    // Reading stays open to any origin.
    const read = await fetch(`${base}/api/rooms`, { headers: { Origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBe('*');

    const { base: open } = await relay({ corsOrigins: ['https://planb.example'] });
    const configured = await postReport(open, reportBody(), { Origin: 'https://planb.example' });
    expect(configured.status).toBe(202);
  });
});

describe('what dist/ and the data folder never give away', () => {
  function dist(): string {
    const dir = mkdtempSync(join(tmpdir(), 'planb-hard-dist-'));
    mkdirSync(join(dir, 'assets'));
    mkdirSync(join(dir, '.git'));
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Plan B</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)\n//# sourceMappingURL=app.js.map');
    writeFileSync(join(dir, 'assets', 'app.js.map'), '{"sourcesContent":["secret"]}');
    writeFileSync(join(dir, '.env'), 'RELAY_ADMIN_TOKEN=secret');
    writeFileSync(join(dir, '.git', 'config'), '[core]');
    writeFileSync(join(dir, 'assets', '.secret'), 'secret');
    writeFileSync(join(dir, 'data', 'notes.txt'), 'secret');
    return dir;
  }

  it('dotfiles, dot folders, the data folder and source maps are 404s', async () => {
    const dir = dist();
    const { base } = await relay({ distDir: dir, dataDir: join(dir, 'data') });
    for (const path of [
      '/.env',
      '/.git/config',
      '/assets/.secret',
      '/%2eenv',
      '/assets/%2Esecret',
      '/data/planb-relay.sqlite',
      '/data/planb-relay.sqlite-wal',
      '/data/notes.txt',
      '/data/',
      '/assets/app.js.map',
    ]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text()).not.toMatch(/secret|SQLite|core/);
    }
    expect((await fetch(`${base}/assets/app.js`)).status).toBe(200);
  });

  it('source maps are served when allowed (SOURCE_MAPS=1)', async () => {
    const { base } = await relay({ distDir: dist(), sourceMaps: true });
    expect((await fetch(`${base}/assets/app.js.map`)).status).toBe(200);
  });

  it('every answer carries the security headers; the app gets its CSP', async () => {
    const { base } = await relay({ distDir: dist() });
    const answers = await Promise.all(
      ['/', '/assets/app.js', '/api/rooms', '/api/nothing', '/.env', '/missing.js'].map((p) =>
        fetch(`${base}${p}`),
      ),
    );
    for (const res of answers) {
      expect(res.headers.get('x-content-type-options'), res.url).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), res.url).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), res.url).toBe('DENY');
      expect(res.headers.get('permissions-policy'), res.url).toMatch(/camera=\(\)/);
      expect(res.headers.get('content-security-policy'), res.url).toMatch(/frame-ancestors 'none'/);
    }
    const csp = answers[0]!.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(answers[2]!.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
  });
});
