// Two attendees' phones at FOSDEM 2020 against one relay: A reports "UD2.208 (Decroly)" full and
// B sees it within 5 s; A reports again in airplane mode, the report waits in A's outbox and
// reaches the relay (and B) once A is back online. Crowd reports are real time: the pages
// pretend it is Saturday 11:00 (?now=) for the schedule, while the reports carry the real clock
// (the relay refuses reports more than 2 h old).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, crowdSkipReason, ownerFetch, startCrowdRelay } from './crowd-support';
import {
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  serviceWorkerOf,
} from './harness';

const skip = crowdSkipReason();
const ROOM_PAGE = '?now=2020-02-01T11:00#/map/room/ud2208';

interface StoredReport {
  room: string;
  level: string;
  at: number;
}

async function relayReports(relay: Relay): Promise<StoredReport[]> {
  const res = await ownerFetch(relay, '/api/reports');
  return ((await res.json()) as { reports: StoredReport[] }).reports;
}

/** The room page's fullness badge text. */
function badge(page: Page) {
  return page.locator('.room-crowd .fullness').first();
}

describe.skipIf(skip)(
  `crowd reports between two phones${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      relay = await startCrowdRelay();
      browser = await launchChromium();
    });
    afterAll(() => closeAll(contexts, browser, relay));

    it('A reports UD2.208 full and B sees it within 5 s; offline, A’s report waits and arrives when online', async () => {
      const a = await phoneContext(browser);
      const b = await phoneContext(browser);
      contexts.push(a, b);
      const pageA = await a.newPage();
      const pageB = await b.newPage();
      await openControlled(pageA, `${relay.url}/${ROOM_PAGE}`);
      await openControlled(pageB, `${relay.url}/${ROOM_PAGE}`);
      await pageB.getByText('Room fullness is live.').waitFor({ timeout: 15_000 });
      expect(await badge(pageB).textContent()).toMatch(/no reports/);

      // A at the door: one tap.
      const groupA = pageA.getByRole('group', { name: /I'm at UD2\.208 \(Decroly\)/ });
      const tapped = Date.now();
      await groupA.getByRole('button', { name: 'Full', exact: true }).click();
      await pageA.getByText('Reported “full”, thanks. Shared with everyone.').waitFor();
      // B, on another phone, without reloading.
      await expect
        .poll(() => badge(pageB).textContent(), { timeout: 5000, interval: 100 })
        .toMatch(/^Room: full \(unconfirmed\) · 1 report · just now$/);
      const seenAfterMs = Date.now() - tapped;
      console.info(`[crowd e2e] B saw A's report ${seenAfterMs} ms after the tap`);
      expect(seenAfterMs).toBeLessThan(5000);
      const stored = await relayReports(relay);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({ room: 'ud2208', level: 'full' });
      // Stamped with the real clock, not 1 February 2020.
      expect(Math.abs(stored[0]!.at - tapped)).toBeLessThan(60_000);

      // A in airplane mode: the report is kept and counts on A at once.
      await a.setOffline(true);
      await pageA.getByText(/Offline: room fullness as last known/).waitFor();
      await groupA.getByRole('button', { name: 'Door closed + queue' }).click();
      await pageA
        .getByText(
          'Reported “door closed + queue”, thanks. It counts on this phone now and will be sent when online.',
        )
        .waitFor();
      expect(await badge(pageA).textContent()).toMatch(
        /door closed, queue · your report · just now/,
      );
      await pageA.waitForTimeout(1500);
      expect(await relayReports(relay)).toHaveLength(1);

      // Back online: the outbox replays, the relay has it, and B sees it.
      await a.setOffline(false);
      await expect
        .poll(async () => (await relayReports(relay)).length, { timeout: 10_000, interval: 200 })
        .toBe(2);
      expect((await relayReports(relay))[1]).toMatchObject({ room: 'ud2208', level: 'queue' });
      await pageA
        .getByText('Reported “door closed + queue”, thanks. Shared with everyone.')
        .waitFor();
      await expect
        .poll(() => badge(pageB).textContent(), { timeout: 5000, interval: 100 })
        .toMatch(/door closed, queue/);
      const rooms = (await (await fetch(`${relay.url}/api/rooms`)).json()) as {
        slug: string;
        level: string;
        reports: number;
      }[];
      expect(rooms.find((r) => r.slug === 'ud2208')).toMatchObject({ level: 'queue', reports: 1 });
    });

    it('with the app closed, the service worker sends a queued report (Background Sync)', async () => {
      const context = await phoneContext(browser);
      contexts.push(context);
      const app = await context.newPage();
      await openControlled(app, `${relay.url}/${ROOM_PAGE}`);
      const hasSync = await app.evaluate(() => 'SyncManager' in window);
      expect(hasSync).toBe(true);
      await context.setOffline(true);
      await app.getByRole('button', { name: 'Seats', exact: true }).click();
      await app.getByText(/will be sent when online/).waitFor();
      const tags = await app.evaluate(async () => {
        const r = (await navigator.serviceWorker.ready) as unknown as {
          sync: { getTags(): Promise<string[]> };
        };
        return r.sync.getTags();
      });
      expect(tags).toContain('planb-reports');
      const before = (await relayReports(relay)).length;

      // Another tab of the same browser drives the service worker once the app is closed.
      const other = await context.newPage();
      const { cdp, registrationId } = await serviceWorkerOf(context, other, relay.url);
      await app.close();
      await context.setOffline(false);
      // The browser retries a sync that failed (the worker may still see the network as down
      // for a moment after it returns); CDP's event does not, so the test retries it the same way.
      const arrived = async () => (await relayReports(relay)).length === before + 1;
      for (let attempt = 0; attempt < 5 && !(await arrived()); attempt++) {
        await cdp.send('ServiceWorker.dispatchSyncEvent', {
          origin: relay.url,
          registrationId,
          tag: 'planb-reports',
          lastChance: attempt === 4,
        });
        await expect
          .poll(arrived, { timeout: 4_000, interval: 200 })
          .toBe(true)
          .catch(() => undefined);
      }
      expect((await relayReports(relay)).length).toBe(before + 1);
      expect((await relayReports(relay)).at(-1)).toMatchObject({
        room: 'ud2208',
        level: 'seats',
      });
    });
  },
);
