// The venue's own room status (FOSDEM listrooms) polled by the relay from a real HTTP server on
// 127.0.0.1 that plays upstream: one that answers, one that fails, one that hangs.
import { afterEach, describe, expect, it } from 'vitest';
import { OfficialFeed, parseListrooms } from '../../src/server/official-feed';
import {
  postReport,
  type RunningRelay,
  reportBody,
  rooms,
  startRelay,
  startUpstream,
} from './support';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((c) => c()));
});

/** Upstream answering FOSDEM-style: states as strings and numbers, names with and without nickname. */
const LISTROOMS = JSON.stringify([
  { roomname: 'UD2.208 (Decroly)', state: '1' },
  { roomname: 'Janson', state: 0 },
  { roomname: 'K.1.105', state: 2 },
  { roomname: 'H.9999 (Nowhere)', state: '1' },
  { roomname: 'AW1.120', state: '7' },
]);

async function upstream(handler: Parameters<typeof startUpstream>[0]) {
  const u = await startUpstream(handler);
  cleanup.push(u.close);
  return u;
}
async function relay(options: Parameters<typeof startRelay>[0]): Promise<RunningRelay> {
  const r = await startRelay({ rooms: { throttleMs: 20 }, ...options });
  cleanup.push(r.close);
  return r;
}
const good = () =>
  upstream((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(LISTROOMS);
  });
const health = async (base: string) => (await fetch(`${base}/api/health`)).json();

describe('reading listrooms', () => {
  it('accepts state as a string or a number and skips unknown states and junk', () => {
    expect(
      parseListrooms([
        { roomname: 'Janson', state: '1' },
        { roomname: 'K.3.401', state: 2 },
        { roomname: ' UB2.252A (Lameere) ', state: ' 0 ' },
        { roomname: 'H.2215', state: '3' },
        { roomname: 'H.2214' },
        null,
        'Janson',
        { roomname: '', state: '1' },
      ]),
    ).toEqual([
      { roomname: 'Janson', state: 'full' },
      { roomname: 'K.3.401', state: 'emergency' },
      { roomname: 'UB2.252A (Lameere)', state: 'open' },
    ]);
    expect(() => parseListrooms({ rooms: [] })).toThrow(/not a JSON array/);
  });

  it('backs off after failures: 2×, 4×… the interval, capped', async () => {
    const feed = new OfficialFeed({
      url: 'http://127.0.0.1:9/never',
      intervalMs: 1000,
      maxBackoffMs: 5000,
      timeoutMs: 200,
    });
    expect(feed.nextDelay()).toBe(1000);
    await feed.poll();
    expect(feed.nextDelay()).toBe(2000);
    await feed.poll();
    expect(feed.nextDelay()).toBe(4000);
    await feed.poll();
    expect(feed.nextDelay()).toBe(5000);
    expect(feed.status.failures).toBe(3);
  });
});

describe('the relay with OFFICIAL_STATUS_URL', () => {
  it('shows the official state for each matched room, with listrooms codes', async () => {
    const up = await good();
    const { base } = await relay({ official: { url: up.url, intervalMs: 60_000 } });
    await expect
      .poll(async () => (await rooms(base)).find((r) => r.slug === 'ud2208')?.source)
      .toBe('official');
    const list = await rooms(base);
    const bySlug = (slug: string) => list.find((r) => r.slug === slug)!;
    expect(bySlug('ud2208')).toMatchObject({ state: '1', level: 'full', official: 'full' });
    expect(bySlug('janson')).toMatchObject({ state: '0', level: 'seats', official: 'open' });
    // "K.1.105" upstream is "K.1.105 (Demo Hall)" in the schedule: matched by slug.
    expect(bySlug('k1105')).toMatchObject({ state: '2', official: 'emergency' });
    expect(bySlug('aw1120').source).toBe('none');
    const h = await health(base);
    expect(h.official).toMatchObject({ failures: 0, lastError: null, rooms: 4 });
    expect(h.official.unmatched).toEqual(['H.9999 (Nowhere)']);
  });

  it('the official state wins over attendees, and turns stale after 6 minutes', async () => {
    let clock = Date.now();
    const up = await good();
    const { base } = await relay({
      official: { url: up.url, intervalMs: 60 * 60_000 },
      now: () => clock,
    });
    for (const device of ['phone-anna', 'phone-bert', 'phone-cleo']) {
      await postReport(base, reportBody({ device, level: 'seats', at: clock }));
    }
    await expect
      .poll(async () => (await rooms(base)).find((r) => r.slug === 'ud2208')?.level)
      .toBe('full');
    clock += 5 * 60_000;
    let decroly = (await rooms(base)).find((r) => r.slug === 'ud2208')!;
    expect(decroly).toMatchObject({ source: 'official', level: 'full', reports: 3, age: 300 });
    clock += 2 * 60_000; // 7 minutes after the fetch, no newer answer: never shown as current.
    decroly = (await rooms(base)).find((r) => r.slug === 'ud2208')!;
    expect(decroly.source).toBe('crowd');
    expect(decroly.official).toBeUndefined();
    expect(decroly.level).toBe('seats');
  });

  it('an upstream answering 500 is retried with backoff; the relay carries on with the crowd', async () => {
    const up = await upstream((_req, res) => {
      res.writeHead(500).end('oops');
    });
    const started = Date.now();
    const { base } = await relay({ official: { url: up.url, intervalMs: 25 } });
    // Waits for the fourth failure. Without backoff, 25 ms polls get there in ~75 ms; doubling
    // after each failure (50, 100, 200 ms) takes at least 350 ms.
    await expect
      .poll(async () => (await health(base)).official.failures, { timeout: 5000 })
      .toBeGreaterThanOrEqual(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const h = await health(base);
    expect(h.official.lastError).toBe('HTTP 500');
    expect(up.requests()).toBeLessThanOrEqual(h.official.failures + 1);
    expect((await postReport(base, reportBody())).status).toBe(202);
    expect((await rooms(base)).every((r) => r.source !== 'official')).toBe(true);
  });

  it('an upstream that never answers does not hold the relay up, and times out', async () => {
    let asked = 0;
    const up = await upstream(() => {
      asked++; // hang: never answer
    });
    const { base } = await relay({
      official: { url: up.url, intervalMs: 10_000, timeoutMs: 1500 },
    });
    // While the poll hangs, phones are answered (no time limit here: answered at all is the point).
    await expect.poll(() => asked).toBeGreaterThan(0);
    expect((await fetch(`${base}/api/rooms`)).status).toBe(200);
    expect((await health(base)).official.lastError).toBeNull();
    await expect
      .poll(async () => (await health(base)).official.lastError, { timeout: 10_000 })
      .toMatch(/no answer within 1500 ms/);
    expect((await fetch(`${base}/api/rooms`)).status).toBe(200);
  });

  it('an upstream answering garbage is a failure, and a later good answer clears it', async () => {
    let broken = true;
    const up = await upstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(broken ? '<html>maintenance</html>' : LISTROOMS);
    });
    const { base, relay: r } = await relay({ official: { url: up.url, intervalMs: 60_000 } });
    await expect.poll(async () => (await health(base)).official.failures).toBe(1);
    broken = false;
    expect(await r.feed!.poll()).toBe(true);
    const h = await health(base);
    expect(h.official).toMatchObject({ failures: 0, lastError: null });
  });

  it('an answer with no usable entry is a failed poll: the last good states stay', async () => {
    let answer = LISTROOMS;
    const up = await upstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(answer);
    });
    const { base, relay: r } = await relay({ official: { url: up.url, intervalMs: 60_000 } });
    await expect.poll(async () => (await health(base)).official.rooms).toBe(4);
    for (const empty of ['[]', '[{"roomname":"Janson","state":"9"}]']) {
      answer = empty;
      expect(await r.feed!.poll()).toBe(false);
      r.view.rebuild();
      expect((await rooms(base)).find((x) => x.slug === 'ud2208')).toMatchObject({
        source: 'official',
        state: '1',
      });
      expect((await health(base)).official.lastError).toMatch(/no room with a known state/);
    }
  });
});
