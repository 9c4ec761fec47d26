// Attendees report how full a room is; the relay stores each report once and every phone sees
// the room's fullness through GET /api/rooms (with ETag) or the live event stream.
import { afterEach, describe, expect, it } from 'vitest';
import { FetchEventSource } from '../sync/fetch-event-source';
import { postReport, type RunningRelay, reportBody, rooms, startRelay } from './support';

const running: RunningRelay[] = [];
async function relay(options: Parameters<typeof startRelay>[0] = {}) {
  const r = await startRelay(options);
  running.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.close()));
});

describe('POST /api/reports', () => {
  it('stores a report once: 202 the first time, 200 "duplicate" when the phone resends it', async () => {
    const { base, relay: r } = await relay();
    const body = reportBody();
    const first = await postReport(base, body);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ id: body.id, room: 'ud2208', outcome: 'stored' });
    const again = await postReport(base, body);
    expect(again.status).toBe(200);
    expect((await again.json()).outcome).toBe('duplicate');
    expect(r.store.count).toBe(1);
  });

  it('finds the room by full name, by name without nickname, or by slug', async () => {
    const { base } = await relay();
    for (const room of ['UD2.208 (Decroly)', 'UD2.208', 'ud2208', 'janson', 'K.1.105']) {
      const res = await postReport(base, reportBody({ room }));
      expect(res.status, room).toBe(202);
    }
  });

  it('refuses a room the schedule does not have, with the reason (422)', async () => {
    const { base } = await relay();
    const res = await postReport(base, reportBody({ room: 'H.9999 (Nowhere)' }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/H\.9999 \(Nowhere\)" is not a room/);
  });

  it('refuses a time more than a minute ahead or more than two hours old (422)', async () => {
    const { base } = await relay();
    const future = await postReport(base, reportBody({ at: Date.now() + 5 * 60_000 }));
    expect(future.status).toBe(422);
    expect((await future.json()).error).toMatch(/future.*clock/);
    const old = await postReport(base, reportBody({ at: Date.now() - 3 * 60 * 60_000 }));
    expect(old.status).toBe(422);
    expect((await old.json()).error).toMatch(/120 minutes old/);
    const skewed = await postReport(base, reportBody({ at: Date.now() + 30_000 }));
    expect(skewed.status).toBe(202);
  });

  it('limits reports per device: the 7th quick report gets 429 with Retry-After', async () => {
    const { base } = await relay();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 7; i++) {
      const res = await postReport(base, reportBody({ device: 'eager-phone-1' }));
      statuses.push(res.status);
      retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    // Another phone is not affected.
    expect((await postReport(base, reportBody({ device: 'calm-phone-2' }))).status).toBe(202);
  });

  it('limits reports per address too (configurable)', async () => {
    const { base } = await relay({ rateLimits: { address: { perMinute: 60, burst: 3 } } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await postReport(base, reportBody())).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
  });

  it('lists stored reports in arrival order, without device ids or sources, for the owner', async () => {
    const { base } = await relay({ adminToken: 'owner-secret-1' });
    const owner = { headers: { Authorization: 'Bearer owner-secret-1' } };
    const a = reportBody();
    const b = reportBody({ room: 'janson', level: 'seats' });
    await postReport(base, a);
    await postReport(base, b);
    const page = await (await fetch(`${base}/api/reports?after=0&limit=1`, owner)).json();
    expect(page.reports).toHaveLength(1);
    expect(page.reports[0]).toMatchObject({ id: a.id, room: 'ud2208', level: 'full' });
    expect(page.reports[0].device).toBeUndefined();
    expect(page.reports[0].source).toBeUndefined();
    const rest = await (await fetch(`${base}/api/reports?after=${page.next}`, owner)).json();
    expect(rest.reports.map((r: { id: string }) => r.id)).toEqual([b.id]);
    expect(rest.total).toBe(2);
  });
});

describe('GET /api/rooms', () => {
  it('is FOSDEM listrooms-compatible and says "unknown" for rooms nobody reported', async () => {
    const { base } = await relay();
    const list = await rooms(base);
    expect(list.length).toBeGreaterThanOrEqual(9);
    const decroly = list.find((r) => r.roomname === 'UD2.208 (Decroly)');
    expect(decroly).toEqual({
      roomname: 'UD2.208 (Decroly)',
      state: '0',
      slug: 'ud2208',
      building: 'U',
      level: 'unknown',
      confidence: 0,
      reports: 0,
      age: null,
      updatedAt: null,
      source: 'none',
    });
  });

  it('three phones report Decroly full: the listing says state "1", full, 3 reports', async () => {
    // Three phones on three networks (behind the relay's own proxy, which names them).
    const { base, relay: r } = await relay({ trustProxy: 1 });
    const at = Date.now() - 60_000;
    for (const [i, device] of ['phone-anna', 'phone-bert', 'phone-cleo'].entries()) {
      const from = { 'X-Forwarded-For': `192.0.2.${i + 1}` };
      expect((await postReport(base, reportBody({ device, at }), from)).status).toBe(202);
    }
    r.view.rebuild();
    const decroly = (await rooms(base)).find((x) => x.slug === 'ud2208')!;
    expect(decroly).toMatchObject({ state: '1', level: 'full', reports: 3, source: 'crowd' });
    expect(decroly.confidence).toBeGreaterThan(0.9);
    expect(decroly.age).toBeGreaterThanOrEqual(59);
  });

  it('answers 304 to a poller that has the current listing, 200 once it changed', async () => {
    const { base, relay: r } = await relay();
    const first = await fetch(`${base}/api/rooms`);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const same = await fetch(`${base}/api/rooms`, { headers: { 'If-None-Match': etag } });
    expect(same.status).toBe(304);
    await postReport(base, reportBody());
    r.view.rebuild();
    const changed = await fetch(`${base}/api/rooms`, { headers: { 'If-None-Match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
  });

  it('rebuilds the listing on its own shortly after a report (throttled)', async () => {
    const { base } = await relay({ rooms: { throttleMs: 50 } });
    await postReport(base, reportBody());
    await new Promise((done) => setTimeout(done, 150));
    const decroly = (await rooms(base)).find((x) => x.slug === 'ud2208')!;
    expect(decroly.reports).toBe(1);
  });
});

describe('GET /api/rooms/events', () => {
  it('pushes the listing at once, then each change, and pings while idle', async () => {
    const { base } = await relay({ rooms: { throttleMs: 20 }, sse: { heartbeatMs: 50 } });
    const source = new FetchEventSource(`${base}/api/rooms/events`);
    const listings: Array<Array<Record<string, unknown>>> = [];
    let pings = 0;
    source.addEventListener('rooms', (e) => listings.push(JSON.parse(e.data)));
    source.addEventListener('ping', () => pings++);
    try {
      await expect.poll(() => listings.length).toBe(1);
      await postReport(base, reportBody({ room: 'janson', level: 'standing' }));
      await expect.poll(() => listings.length).toBe(2);
      const janson = listings[1]!.find((x) => x.slug === 'janson')!;
      expect(janson).toMatchObject({ level: 'standing', reports: 1 });
      await expect.poll(() => pings).toBeGreaterThanOrEqual(2);
      const health = await (await fetch(`${base}/api/health`)).json();
      expect(health.liveClients).toBe(1);
    } finally {
      source.close();
    }
  });
});

describe('GET /api/rooms/events after a reconnect', () => {
  it('skips the listing a client already has (Last-Event-ID is the ETag)', async () => {
    const { base } = await relay();
    const etag = (await fetch(`${base}/api/rooms`)).headers.get('etag')!;
    const abort = new AbortController();
    const res = await fetch(`${base}/api/rooms/events`, {
      headers: { 'Last-Event-ID': etag },
      signal: abort.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toBe('retry: 5000\n\n');
    const next = await Promise.race([
      reader.read().then(() => 'data'),
      new Promise((done) => setTimeout(() => done('quiet'), 200)),
    ]);
    expect(next).toBe('quiet');
    abort.abort();
  });
});

describe('GET /api/health', () => {
  it('tells what the relay holds', async () => {
    const { base } = await relay();
    await postReport(base, reportBody());
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({
      ok: true,
      reports: { stored: 1, pending: 0, storage: 'memory' },
      official: null,
    });
    expect(health.rooms.etag).toMatch(/^"/);
  });
});
