// The attendee's phone at FOSDEM 2020, for real: Debian's Chromium at 390×844 against the built
// app on the relay. They open it once on the venue Wi-Fi, then everything works in airplane mode.
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedPath } from '../support/shared-data';
import {
  axeViolations,
  browserSkipReason,
  launchChromium,
  openControlled,
  persistentPhoneContext,
  phoneContext,
  type Relay,
  screenshot,
  startRelay,
} from './harness';

const skip =
  browserSkipReason() ?? (hasSharedData ? undefined : 'real schedules not found in ../shared/data');
const SAT_11 = '?now=2020-02-01T11:00';
const TALK_LINK = 'main a[href^="#/talk/"]';

async function showsTalks(page: Page): Promise<number> {
  await page.waitForSelector(TALK_LINK, { timeout: 20_000 });
  return page.locator(TALK_LINK).count();
}

describe.skipIf(skip)(
  `Plan B in Chromium with FOSDEM 2020${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;

    beforeAll(async () => {
      relay = await startRelay({ schedule: sharedPath('fosdem-2020-schedule.xml') });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await relay?.stop();
    });

    it('is installable: Chromium reports no installability errors and reads the manifest', async () => {
      // Installability is never granted to incognito profiles: use a real one.
      const context = await persistentPhoneContext();
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto(`${relay.url}/`);
      await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
      // The first visit says so, and the message goes by itself (it covers the top of the view).
      const ready = page.getByText('Plan B is ready to work offline.');
      await ready.waitFor({ timeout: 15_000 });
      await ready.waitFor({ state: 'detached', timeout: 10_000 });
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const manifest = await cdp.send('Page.getAppManifest');
      expect(manifest.errors).toEqual([]);
      const parsed = JSON.parse(manifest.data ?? '{}');
      expect(parsed).toMatchObject({ short_name: 'Plan B', display: 'standalone', start_url: '/' });
      expect(parsed.icons.some((i: { purpose?: string }) => i.purpose === 'maskable')).toBe(true);
      await context.close();
    });

    it('offline, a reload still shows Now, Schedule, Search, a talk and My day', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${SAT_11}#/now`);
      expect(await showsTalks(page)).toBeGreaterThan(0);

      await context.setOffline(true);
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      expect(await showsTalks(page)).toBeGreaterThan(0);
      // The top bar says so: a visible status, not just a node somewhere in the page.
      const offline = page.locator('header.topbar [role="status"]', { hasText: 'Offline' });
      await offline.waitFor({ state: 'visible', timeout: 10_000 });
      expect((await offline.textContent())?.trim()).toBe('Offline');

      await page.goto(`${relay.url}/${SAT_11}#/schedule?day=0`);
      expect(await showsTalks(page)).toBeGreaterThan(5);

      await page.goto(`${relay.url}/${SAT_11}#/search?q=podman`);
      // The matched words are painted with the CSS Custom Highlight API (no <mark> elements).
      await page.waitForFunction(() =>
        [...(CSS.highlights.get('planb-search') ?? [])].some((marked) => {
          const range = document.createRange();
          range.setStart(marked.startContainer, marked.startOffset);
          range.setEnd(marked.endContainer, marked.endOffset);
          return range.toString().toLowerCase() === 'podman';
        }),
      );
      expect(await page.locator('main mark').count()).toBe(0);
      const hit = page.locator('a', { hasText: /Podman/ }).first();
      await hit.click();
      await page.waitForSelector('h1#talk-title');
      expect(await page.locator('h1#talk-title').textContent()).toMatch(/Podman/i);
      // Read back from the start-up snapshot, where abstracts are parsed on first use.
      expect(await page.locator('.talk-abstract').textContent()).toMatch(/About this talk.{40}/s);

      await page.goto(`${relay.url}/${SAT_11}#/my-day`);
      await page.waitForSelector('h1');
      expect(await page.locator('h1').first().textContent()).toMatch(/My day/);
      await context.close();
    });

    it('a bookmark made offline survives a reload', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${SAT_11}#/search?q=udica`);
      await context.setOffline(true);
      await page.reload();
      await page
        .locator('a', { hasText: /SELinux/ })
        .first()
        .click();
      const star = page.getByRole('button', { name: 'Add to My day' });
      await star.click();
      await page.getByRole('button', { name: 'On My day', pressed: true }).waitFor();
      await page.reload();
      await page.goto(`${relay.url}/${SAT_11}#/my-day?day=0`);
      await page.waitForSelector('text=/SELinux/');
      await context.close();
    });

    it('loading a broken file shows the error and keeps the schedule', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${SAT_11}#/schedule?day=0`);
      const before = await page.locator('.schedule-count').textContent();
      await page.goto(`${relay.url}/${SAT_11}#/settings`);
      const half =
        '<?xml version="1.0"?><schedule><conference><title>Broken</title></conference><day index="1" date="2020-02-01"><room name="X"><event id="1">';
      await page.locator('input[type=file]').setInputFiles({
        name: 'broken.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(half),
      });
      const alert = page.getByRole('alert').filter({ hasText: /unchanged/ });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/not a schedule we can read/);
      await page.goto(`${relay.url}/${SAT_11}#/schedule?day=0`);
      await page.waitForSelector(TALK_LINK);
      expect(await page.locator('.schedule-count').textContent()).toBe(before);
      await context.close();
    });

    it('a new version shows the prompt and reloads only when the user accepts', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${SAT_11}#/now`);
      // Dismiss "ready to work offline" if it is showing.
      await page.evaluate(() => {
        (window as unknown as { marker: number }).marker = 42;
      });
      // A new release deployed while the app is open (the relay serves dist/ as it is now).
      appendFileSync(join(relay.distDir, 'sw.js'), '\n// a new release\n');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
      await page.getByText('A new version of Plan B is available.').waitFor({ timeout: 20_000 });
      await page.waitForTimeout(500);
      expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Reload' }).click(),
      ]);
      expect(
        await page.evaluate(() => (window as unknown as { marker?: number }).marker),
      ).toBeUndefined();
      await context.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`every view passes axe-core and is captured at 390×844 (${scheme})`, async () => {
        const context = await phoneContext(browser, scheme);
        const page = await context.newPage();
        await openControlled(page, `${relay.url}/${SAT_11}#/now`);
        await page.waitForSelector(TALK_LINK);
        const talkKey = await page.locator(TALK_LINK).first().getAttribute('href');
        const views: [string, string][] = [
          ['now', '#/now'],
          ['schedule', '#/schedule?day=0'],
          ['search', '#/search?q=kubernetes'],
          ['talk', talkKey ?? '#/now'],
          ['my-day', '#/my-day'],
          ['map', '#/map'],
          ['map-room', '#/map/room/ud2208'],
          ['settings', '#/settings'],
        ];
        const problems: string[] = [];
        for (const [name, hash] of views) {
          await page.goto(`${relay.url}/${SAT_11}${hash}`);
          await page.waitForSelector('main h1');
          await page.waitForTimeout(300);
          await screenshot(page, `${name}-${scheme}`);
          for (const v of await axeViolations(page))
            problems.push(
              `${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
            );
        }
        if (problems.length) console.error(problems.join('\n'));
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  },
);
