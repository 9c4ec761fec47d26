// One tap "Decroly is full": the report is kept on the phone first, counts in its own view at
// once, and reaches a real relay on 127.0.0.1 when the network allows — never twice.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aggregateRoomFullness } from '../../src/domain/crowd';
import { withOwnReports } from '../../src/domain/crowd-local';
import { openPlanBDb } from '../../src/storage/db';
import { getReport, listReports, putReport } from '../../src/storage/reports-repo';
import type { PlanBDb } from '../../src/storage/schema';
import {
  createReportOutbox,
  REPORT_KEPT_MS,
  REPORT_SYNC_TAG,
  REPORT_USEFUL_MS,
  type ReportOutbox,
  type ReportOutboxOptions,
  replayForBackgroundSync,
  TOO_OLD_TO_SEND,
} from '../../src/sync/report-outbox';
import { OWNER_TOKEN, type RunningRelay, startRelay } from '../server/support';

let dbCount = 0;
const open: Array<{ close(): void }> = [];
const stops: Array<() => unknown> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  for (const db of open.splice(0)) db.close();
});

async function setup(relayOptions: Parameters<typeof startRelay>[0] = {}) {
  const relay = await startRelay({ adminToken: OWNER_TOKEN, ...relayOptions });
  stops.push(relay.close);
  const db = await openPlanBDb(`outbox-${++dbCount}`);
  open.push(db);
  return { relay, db };
}

function outbox(db: PlanBDb, relay: RunningRelay, extra: Partial<ReportOutboxOptions> = {}) {
  const box = createReportOutbox({ db, fetch, relayUrl: relay.base, ...extra });
  stops.push(() => box.stop());
  return box;
}

async function relayIds(relay: RunningRelay): Promise<string[]> {
  const owner = { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } };
  const page = await (await fetch(`${relay.base}/api/reports`, owner)).json();
  return page.reports.map((r: { id: string }) => r.id);
}

describe('the crowd-report outbox', () => {
  it('offline: the report is saved and counts at once; it is sent when the phone comes online', async () => {
    const { relay, db } = await setup();
    let online = false;
    const window = new EventTarget();
    const box = outbox(db, relay, { isOnline: () => online, events: window });
    await box.start();
    const record = await box.report('ud2208', 'full');
    expect((await getReport(db, record.id))?.sentAt).toBeUndefined();
    // This phone's view shows it although the relay knows nothing yet.
    const view = withOwnReports(new Map(), await box.ownReports(), Date.now());
    expect(view.get('ud2208')).toMatchObject({ level: 'full', reports: 1 });
    expect(await relayIds(relay)).toEqual([]);

    online = true;
    window.dispatchEvent(new Event('online'));
    await expect.poll(async () => (await getReport(db, record.id))?.sentAt).toBeDefined();
    expect(await relayIds(relay)).toEqual([record.id]);
  });

  it('replays at start-up what an earlier session could not send', async () => {
    const { relay, db } = await setup();
    const offlineSession = outbox(db, relay, { isOnline: () => false });
    const record = await offlineSession.report('janson', 'standing');
    offlineSession.stop();

    const nextSession = outbox(db, relay, { isOnline: () => true });
    expect(await nextSession.start()).toMatchObject({ sent: 1, remaining: 0 });
    expect(await relayIds(relay)).toEqual([record.id]);
  });

  it('retries with backoff while the relay is unreachable, and sends once it answers', async () => {
    const { relay, db } = await setup();
    let failures = 2;
    const flaky: typeof fetch = (input, init) =>
      failures-- > 0 ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init);
    const box = outbox(db, relay, { fetch: flaky, isOnline: () => true, firstRetryMs: 30 });
    const record = await box.report('ud2208', 'queue');
    await expect
      .poll(async () => (await getReport(db, record.id))?.sentAt, { timeout: 5000 })
      .toBeDefined();
    expect((await getReport(db, record.id))?.attempts).toBe(2);
    expect(await relayIds(relay)).toEqual([record.id]);
  });

  it('a report whose answer was lost is resent and stored once (idempotent on its id)', async () => {
    const { relay, db } = await setup();
    let loseAnswer = true;
    const lossy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (loseAnswer) {
        loseAnswer = false;
        throw new TypeError('network lost after sending');
      }
      return res;
    };
    const box = outbox(db, relay, { fetch: lossy, isOnline: () => true, firstRetryMs: 30 });
    const record = await box.report('ud2208', 'full');
    await expect.poll(async () => (await getReport(db, record.id))?.sentAt).toBeDefined();
    expect(await relayIds(relay)).toEqual([record.id]);
    expect(relay.relay.store.count).toBe(1);
  });

  it('never sends a report older than two hours, but keeps it a month for the write-up', async () => {
    const { relay, db } = await setup();
    let clock = Date.now();
    const box = outbox(db, relay, { now: () => clock, isOnline: () => false });
    const record = await box.report('ud2208', 'full');
    await box.flush(); // offline: kept to send later
    clock += REPORT_USEFUL_MS + 60_000;
    const online = outbox(db, relay, { now: () => clock, isOnline: () => true });
    expect(await online.flush()).toMatchObject({ dropped: 1, sent: 0, remaining: 0 });
    expect(await relayIds(relay)).toEqual([]);
    // "What I missed" still knows the Decroly room was full when the attendee got there.
    expect(await listReports(db)).toEqual([{ ...record, rejected: TOO_OLD_TO_SEND }]);
    expect(await online.ownReports()).toEqual([]);
    clock += REPORT_KEPT_MS;
    await online.flush();
    expect(await listReports(db)).toEqual([]);
  });

  it('keeps the reason and stops retrying when the relay refuses a report (unknown room)', async () => {
    const { relay, db } = await setup();
    const box = outbox(db, relay, { isOnline: () => true });
    const record = await box.report('atlantis', 'full');
    await expect.poll(async () => (await getReport(db, record.id))?.rejected).toMatch(/not a room/);
    expect(await box.flush()).toMatchObject({ sent: 0, remaining: 0 });
    expect(await box.ownReports()).toEqual([]);
  });

  it('waits as long as Retry-After says when rate-limited', async () => {
    const { relay, db } = await setup({ rateLimits: { device: { perMinute: 1, burst: 1 } } });
    const box = outbox(db, relay, { isOnline: () => true });
    await box.report('ud2208', 'full');
    await box.flush();
    const second = await box.report('janson', 'seats');
    const result = await box.flush();
    expect(result.remaining).toBe(1);
    const stored = await getReport(db, second.id);
    expect(stored?.nextAttemptAt).toBeGreaterThan(Date.now() + 30_000);
  });

  it('hands retries to Background Sync when the browser has it', async () => {
    const { relay, db } = await setup();
    const register = vi.fn(async (_tag: string) => {});
    const box = outbox(db, relay, { isOnline: () => false, registration: { sync: { register } } });
    await box.report('ud2208', 'full');
    await box.flush();
    expect(register).toHaveBeenCalledWith(REPORT_SYNC_TAG);
    // The service worker's sync handler fails while reports remain, so the browser retries.
    await expect(replayForBackgroundSync(box)).rejects.toThrow(/1 crowd reports still to send/);
  });

  it('asks for Background Sync before report() resolves (the app may be closed right after)', async () => {
    const { relay, db } = await setup();
    let registered = false;
    const register = async () => {
      await new Promise((done) => setTimeout(done, 20));
      registered = true;
    };
    const box = outbox(db, relay, { isOnline: () => false, registration: { sync: { register } } });
    await box.report('ud2208', 'full');
    expect(registered).toBe(true);
  });

  it("the relay's view and this phone's reports agree once sent", async () => {
    // Three phones on three networks, named by the relay's own proxy (one address is one phone).
    const { relay, db } = await setup({ rooms: { throttleMs: 10 }, trustProxy: 1 });
    const phones: ReportOutbox[] = [];
    for (let i = 0; i < 3; i++) {
      const phoneDb = await openPlanBDb(`outbox-phone-${++dbCount}`);
      open.push(phoneDb);
      const viaProxy: typeof fetch = (url, init) =>
        fetch(url, {
          ...init,
          headers: {
            ...(init?.headers as Record<string, string>),
            'X-Forwarded-For': `192.0.2.${i + 1}`,
          },
        });
      phones.push(outbox(phoneDb, relay, { isOnline: () => true, fetch: viaProxy }));
    }
    for (const phone of phones) await phone.report('ud2208', 'full');
    await Promise.all(phones.map((p) => p.flush()));
    relay.relay.view.rebuild();
    const listing = await (await fetch(`${relay.base}/api/rooms`)).json();
    expect(listing.find((r: { slug: string }) => r.slug === 'ud2208')).toMatchObject({
      state: '1',
      level: 'full',
      reports: 3,
    });
    // A stored record from an older app version with an unknown level number reads as seats.
    await putReport(db, {
      id: 'legacy-1',
      room: 'janson',
      level: 9,
      at: Date.now(),
      device: 'old',
    });
    const own = aggregateRoomFullness(await outbox(db, relay).ownReports(), [], Date.now());
    expect(own.get('janson')?.level).toBe('seats');
  });
});
