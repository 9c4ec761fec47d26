// Opening Plan B at FOSDEM 2020, in Chromium at 390×844: the first visit paints the shell before
// any script has run; the next start, offline, paints the Now screen kept from last time at
// once, labelled with the time it shows, and the live app then replaces it at the real time;
// a second visit downloads nothing the service worker already has.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedPath } from '../support/shared-data';
import {
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  screenshot,
  startRelay,
} from './harness';
import { type RequestLog, startRequestLog } from './request-log';

const skip =
  browserSkipReason() ?? (hasSharedData ? undefined : 'real schedules not found in ../shared/data');
const SAT_11 = '?now=2020-02-01T11:00#/now';
const SAT_14 = '?now=2020-02-01T14:00#/now';
const TALK = 'main a[href^="#/talk/"]';

/** Collects what the page reports about its Content-Security-Policy. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) reports.push(m.text());
  });
  return reports;
}

/** Waits until the app has kept a Now screen in Cache Storage. */
async function screenKept(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => !!(await (await caches.open('planb-saved-screen')).match('/planb-saved-screen')),
    undefined,
    { timeout: 20_000, polling: 200 },
  );
}

describe.skipIf(skip)(`First paint and second open${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let relay: Relay;
  let log: RequestLog;
  let browser: Browser;
  /** A phone that opened Plan B once, on the network, at Saturday 11:00. */
  let phone: BrowserContext;

  beforeAll(async () => {
    relay = await startRelay({ schedule: sharedPath('fosdem-2020-schedule.xml') });
    log = await startRequestLog(relay.url);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await log?.stop();
    await relay?.stop();
  });

  it('paints the header, the tabs and "Getting the schedule ready…" with no script at all', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    await page.goto(`${log.url}/`);
    const getting = page.getByText('Getting the schedule ready…');
    await getting.waitFor({ state: 'visible' });
    await page.getByRole('link', { name: 'Plan B, what is on now' }).waitFor({ state: 'visible' });
    const tabs = page.getByRole('navigation', { name: 'Sections' });
    await tabs.getByRole('link', { name: 'Schedule' }).waitFor({ state: 'visible' });
    // Laid out as the app lays it out: the tab bar at the bottom of the screen.
    const bar = (await tabs.boundingBox())!;
    expect(bar.y + bar.height).toBeCloseTo(844, 0);
    await screenshot(page, 'painted-shell-no-script');
    await context.close();
  });

  it('offline, the next start paints the 11:00 screen as of 11:00, then the app at 14:00', async () => {
    phone = await phoneContext(browser);
    const first = await phone.newPage();
    const reports = cspReports(first);
    await openControlled(first, `${log.url}/${SAT_11}`);
    await first.waitForSelector(TALK);
    await screenKept(first);
    await first.close();
    await phone.setOffline(true);

    // What is painted before any script runs: the page as the service worker serves it.
    const still = await phone.newPage();
    const cdp = await phone.newCDPSession(still);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    const served = await still.goto(`${log.url}/${SAT_14}`);
    expect(served?.fromServiceWorker()).toBe(true);
    const heading = still.locator('main h1');
    await heading.waitFor({ state: 'visible' });
    expect(await heading.textContent()).toBe('As of 11:00');
    const text = (await still.locator('main').allInnerTexts()).join('\n');
    expect(text).toContain('Saturday 1 February · 11:00');
    expect(text).toContain('TinyGo'); // on in Janson at 11:00
    expect(text).not.toMatch(/\bleft\b|starts in|\bago\b|\bon now\b/i);
    expect(await still.locator('header.topbar .badge').count()).toBe(0); // no clock
    const rows = await still.locator('main .now-talk').count();
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThanOrEqual(16);
    await screenshot(still, 'saved-screen-offline');
    await still.close();

    // With scripts, the live app takes over at the pretend clock's 14:00.
    const live = await phone.newPage();
    reports.push(...cspReports(live));
    await live.goto(`${log.url}/${SAT_14}`);
    await live.locator('main h1', { hasText: /^Now$/ }).waitFor({ state: 'visible' });
    expect(await live.locator('.saved-screen').count()).toBe(0);
    expect((await live.locator('main').allInnerTexts()).join('\n')).not.toContain('TinyGo');
    const clock = live.locator('header.topbar .badge-pretend');
    await clock.waitFor({ state: 'visible' });
    expect(await clock.textContent()).toContain('14:00');
    await live.waitForSelector(TALK);
    await screenshot(live, 'saved-screen-taken-over');

    // Opened on another route, the saved Now screen is not what shows.
    const elsewhere = await phone.newPage();
    // (public/screen-guard.js has marked it before the body was parsed.)
    await elsewhere.goto(`${log.url}/?now=2020-02-01T14:00#/schedule`, {
      waitUntil: 'domcontentloaded',
    });
    expect(
      await elsewhere.evaluate(() =>
        document.documentElement.classList.contains('saved-elsewhere'),
      ),
    ).toBe(true);
    expect(reports).toEqual([]);
    await live.close();
    await elsewhere.close();
  }, 120_000);

  it('a second visit downloads nothing the service worker already has', async () => {
    await phone.setOffline(false);
    // The first visit did download the app through this proxy.
    expect(log.entries.some((e) => e.path.startsWith('/assets/'))).toBe(true);
    log.entries.length = 0;
    const page = await phone.newPage();
    await page.goto(`${log.url}/${SAT_11}`);
    await page.waitForSelector(TALK);
    await page.waitForFunction(() => performance.getEntriesByName('planb:takeover').length > 0);
    await page.waitForTimeout(2000); // late requests: workers, the manifest, update checks
    // Besides the API (schedule refresh, room status), only the browser's check for a new
    // service worker, answered "not modified".
    const downloads = log.entries.filter(
      (e) => !e.path.startsWith('/api/') && !(e.path === '/sw.js' && e.status === 304),
    );
    expect(downloads).toEqual([]);
    expect(log.entries.filter((e) => e.path === '/sw.js').every((e) => e.bytes === 0)).toBe(true);
    await phone.close();
  });
});
