// Phones follow room fullness live from a real relay on 127.0.0.1: through Server-Sent Events,
// or ETag polling when events do not get through; offline they show the last known state with
// its age, never as live.
import { afterEach, describe, expect, it } from 'vitest';
import { openPlanBDb } from '../../src/storage/db';
import { loadRoomStatus, saveRoomStatus } from '../../src/storage/reports-repo';
import {
  createRoomStatusClient,
  type RoomStatusClientOptions,
  type RoomStatusSnapshot,
} from '../../src/sync/room-status';
import { postReport, reportBody, startRelay } from '../server/support';
import { FetchEventSource } from './fetch-event-source';

const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function relay(options: Parameters<typeof startRelay>[0] = {}) {
  const r = await startRelay({ rooms: { throttleMs: 10 }, ...options });
  stops.push(r.close);
  return r;
}

function client(base: string, extra: Partial<RoomStatusClientOptions> = {}) {
  const updates: RoomStatusSnapshot[] = [];
  const requests: Array<{ status: number; conditional: boolean }> = [];
  const counting: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    const headers = new Headers(init?.headers);
    requests.push({ status: res.status, conditional: headers.has('if-none-match') });
    return res;
  };
  const c = createRoomStatusClient({
    relayUrl: base,
    fetch: counting,
    onUpdate: (s) => updates.push(s),
    ...extra,
  });
  stops.push(() => c.stop());
  const last = () => updates.at(-1);
  const room = (slug: string) => last()?.rooms.find((r) => r.slug === slug);
  return { c, updates, requests, last, room };
}

describe('room status on the phone', () => {
  it('follows the relay live over Server-Sent Events', async () => {
    const { base } = await relay();
    const phone = client(base, { EventSource: FetchEventSource });
    await phone.c.start();
    await expect.poll(() => phone.last()?.via).toBe('events');
    expect(phone.last()?.live).toBe(true);
    await postReport(base, reportBody({ room: 'UD2.208 (Decroly)', level: 'queue' }));
    await expect.poll(() => phone.room('ud2208')?.level).toBe('queue');
    expect(phone.c.fullness().get('ud2208')).toMatchObject({ level: 'queue', reports: 1 });
  });

  it('falls back to ETag polling when the event stream is refused, and gets 304s', async () => {
    const { base } = await relay({ sse: { maxClients: 0 } });
    const phone = client(base, { EventSource: FetchEventSource, pollMs: 50 });
    await phone.c.start();
    await expect.poll(() => phone.last()?.via).toBe('poll');
    expect(phone.last()?.live).toBe(true);
    await expect
      .poll(() => phone.requests.filter((r) => r.status === 304).length)
      .toBeGreaterThan(1);
    expect(phone.requests.slice(1).every((r) => r.conditional)).toBe(true);
    await postReport(base, reportBody({ room: 'janson', level: 'standing' }));
    await expect.poll(() => phone.room('janson')?.level).toBe('standing');
  });

  it('falls back to polling when the stream goes silent (no pings)', async () => {
    const { base } = await relay({ sse: { heartbeatMs: 60_000 } });
    const phone = client(base, { EventSource: FetchEventSource, staleMs: 150, pollMs: 50 });
    await phone.c.start();
    await expect.poll(() => phone.last()?.via).toBe('events');
    await expect.poll(() => phone.last()?.via).toBe('poll');
    expect(phone.last()?.live).toBe(true);
  });

  it('when the relay goes away it keeps the last known listing, with its age, not live', async () => {
    const r = await relay();
    await postReport(r.base, reportBody({ room: 'ud2208', level: 'full' }));
    r.relay.view.rebuild();
    const phone = client(r.base, { pollMs: 50 });
    await phone.c.start();
    const seen = phone.last()!;
    expect(seen).toMatchObject({ live: true, via: 'poll' });
    await r.close();
    await expect.poll(() => phone.last()?.live).toBe(false);
    const offline = phone.last()!;
    expect(offline.rooms).toEqual(seen.rooms);
    expect(offline.fetchedAt).toBeGreaterThanOrEqual(seen.fetchedAt);
    expect(offline.fetchedAt).toBeLessThan(Date.now());
    expect(phone.c.fullness().get('ud2208')?.level).toBe('full');
  });

  it('remembers the last listing across a reload and shows it as "saved", not live, until the relay answers', async () => {
    const r = await relay();
    const db = await openPlanBDb('room-status-saved');
    stops.push(() => db.close());
    const saved = {
      load: () => loadRoomStatus(db),
      save: (s: Parameters<typeof saveRoomStatus>[1]) => saveRoomStatus(db, s),
    };
    const first = client(r.base, { saved });
    await first.c.start();
    await expect.poll(async () => (await loadRoomStatus(db))?.rooms.length).toBeGreaterThan(5);
    first.c.stop();

    const offlineFetch: typeof fetch = () => Promise.reject(new TypeError('offline'));
    const second = client(r.base, { saved, fetch: offlineFetch });
    await second.c.start();
    expect(second.updates[0]).toMatchObject({ live: false, via: 'saved' });
    expect(second.updates[0]!.fetchedAt).toBe((await loadRoomStatus(db))!.fetchedAt);
  });

  it('polls at once when the phone comes back online', async () => {
    const { base } = await relay();
    const window = new EventTarget();
    const phone = client(base, { pollMs: 60_000, events: window });
    await phone.c.start();
    window.dispatchEvent(new Event('offline'));
    expect(phone.last()?.live).toBe(false);
    window.dispatchEvent(new Event('online'));
    await expect.poll(() => phone.last()?.live).toBe(true);
    expect(phone.requests.length).toBe(2);
  });
});
