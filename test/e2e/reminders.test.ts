// Reminders in Debian's Chromium at 390×844, on the demo conference. (1) With notifications
// allowed and the app closed, a reminder push (delivered to the service worker through CDP, as a
// push service would) shows a notification for the bookmarked talk, found in IndexedDB from the
// instant alone. (2) With notifications not allowed, the reminder appears inside the open app at
// its time. Screenshots of the banner and of Settings → Reminders, light and dark, pass axe-core.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import {
  axeViolations,
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  ROOT,
  screenshot,
  serviceWorkerOf,
  startRelay,
} from './harness';

const DIST = process.env.PLANB_E2E_DIST;
const skip = DIST ? undefined : browserSkipReason();
const DEMO_FILE = resolve(ROOT, 'data/demo/planb-demo.xml');
const DEMO = parseSchedule(readFileSync(DEMO_FILE, 'utf8'));
const CALDAV = DEMO.talks.find((t) => t.slug === 'collab_caldav_2027')!;
const talkPage = (relay: Relay, query = '') =>
  `${relay.url}/${query}#/talk/${encodeURIComponent(CALDAV.key)}`;

/** Bookmarks the talk shown and waits until IndexedDB has it. */
async function bookmark(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add to My day' }).click();
  await page.getByRole('button', { name: 'On My day', pressed: true }).waitFor();
}

describe.skipIf(skip)(`reminders in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let relay: Relay;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    relay = await startRelay({
      schedule: DEMO_FILE,
      ...(DIST ? { distDir: resolve(DIST) } : {}),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await relay?.stop();
  });

  it('with the app closed, a push naming only a time shows the bookmarked talk’s notification', async () => {
    const context = await phoneContext(browser);
    contexts.push(context);
    await context.grantPermissions(['notifications'], { origin: relay.url });
    const app = await context.newPage();
    await openControlled(app, talkPage(relay));
    await bookmark(app);
    await app.close();

    // Another page of the origin (not the app) drives the service worker and reads what it shows.
    const other = await context.newPage();
    await other.goto(`${relay.url}/api/health`);
    const { cdp, registrationId } = await serviceWorkerOf(context, other, relay.url);
    const at = CALDAV.start - 5 * 60_000;
    const delivered = Date.now();
    const push = () =>
      cdp.send('ServiceWorker.deliverPushMessage', {
        origin: relay.url,
        registrationId,
        data: JSON.stringify({ type: 'reminder', at }),
      });
    const shown = () =>
      other.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration('/');
        const list = (await registration?.getNotifications()) ?? [];
        return list.map((n) => ({ title: n.title, body: n.body, data: n.data as unknown }));
      });
    // CDP's one-shot delivery can reach a worker still starting and be lost (1 run in 3 full
    // runs); a push service delivers again. Notifications are tagged per talk, so a repeat
    // replaces, never adds.
    for (let attempt = 0; attempt < 5 && (await shown()).length === 0; attempt++) {
      await push();
      await expect
        .poll(shown, { timeout: 3_000, interval: 100 })
        .toHaveLength(1)
        .catch(() => undefined);
    }
    await expect.poll(shown, { timeout: 10_000, interval: 100 }).toHaveLength(1);
    console.info(`[reminders e2e] notification shown ${Date.now() - delivered} ms after the push`);
    expect((await shown())[0]).toEqual({
      title: `In 5 min: ${CALDAV.title}`,
      body: 'AW1.120 (building AW, floor 1)',
      data: { url: talkPage(relay) },
    });
  });

  it('without notifications, the reminder appears in the open app at its time', async () => {
    const context = await phoneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await openControlled(page, talkPage(relay, '?now=2027-02-06T11:40'));
    expect(await page.evaluate(() => Notification.permission)).not.toBe('granted');
    await bookmark(page);
    const box = page.getByRole('checkbox', { name: 'Remind me 5 min before' });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    expect(await page.locator('.reminder').count()).toBe(0);
    await screenshot(page, 'reminder-talk-switch-light');

    // Three minutes before the talk (the pretend clock): the reminder is there.
    await page.goto(`${relay.url}/?now=2027-02-06T11:57#/my-day`);
    const reminder = page.getByRole('status').filter({ hasText: 'In 3 min' });
    await reminder.waitFor({ timeout: 15_000 });
    expect(await reminder.isVisible()).toBe(true);
    expect(await reminder.getByRole('link').textContent()).toBe(`In 3 min: ${CALDAV.title}`);
    expect(await reminder.textContent()).toContain('AW1.120 (building AW, floor 1)');
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `reminder-banner-${scheme}`);
      expect(await axeViolations(page)).toEqual([]);
    }

    await page.goto(`${relay.url}/#/settings?section=reminders`);
    const section = page.getByRole('region', { name: 'Reminders' });
    await section.waitFor();
    expect(await section.getByRole('button', { name: 'Allow notifications' }).isVisible()).toBe(
      true,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await screenshot(page, `settings-reminders-${scheme}`);
      expect(await axeViolations(page)).toEqual([]);
    }

    // Dismissed, it stays away.
    await page.goto(`${relay.url}/#/my-day`);
    await reminder.waitFor();
    await reminder.getByRole('button', { name: /Dismiss the reminder/ }).click();
    await reminder.waitFor({ state: 'detached' });
  });
});
