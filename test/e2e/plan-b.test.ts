// Plan B end to end at FOSDEM 2020: two phones report "UD2.208 (Decroly)" full (two devices:
// enough for the room to count as known full), and a third attendee, whose app pretends it is
// Saturday 11:00 while "Lazy distribution of container images" runs there, taps "Room full?":
// the sheet offers the livestream (live.fosdem.org/watch/ud2208) first, then alternatives
// elsewhere. Also captured at 390×844 in light and dark with axe-core run on the open sheet.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, crowdSkipReason, startCrowdRelay } from './crowd-support';
import {
  ARTIFACTS,
  axeViolations,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
} from './harness';

const skip = crowdSkipReason();
const SAT_11 = '?now=2020-02-01T11:00';
const TALK = `#/talk/${encodeURIComponent('slug:containers_lazy_image_distribution')}`;
/** Where the screenshots go (PLANB_SCREENSHOTS, else test-results/screenshots). */
const SHOTS = process.env.PLANB_SCREENSHOTS ?? join(ARTIFACTS, 'screenshots');

async function reportFull(browser: Browser, relay: Relay, contexts: BrowserContext[]) {
  const context = await phoneContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  await openControlled(page, `${relay.url}/${SAT_11}#/map/room/ud2208`);
  await page
    .getByRole('group', { name: /I'm at UD2\.208/ })
    .getByRole('button', { name: 'Full', exact: true })
    .click();
  await page.getByText('Shared with everyone.', { exact: false }).waitFor();
}

async function openSheet(page: Page) {
  await page.getByRole('button', { name: 'Room full?' }).click();
  const sheet = page.getByRole('dialog');
  await sheet.waitFor();
  return sheet;
}

describe.skipIf(skip)(`Plan B sheet in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let relay: Relay;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    relay = await startCrowdRelay();
    browser = await launchChromium();
    // Two phones at the closed door.
    await reportFull(browser, relay, contexts);
    await reportFull(browser, relay, contexts);
  });
  afterAll(() => closeAll(contexts, browser, relay));

  it('another phone opens the talk at 11:00, taps "Room full?", sees the livestream and alternatives', async () => {
    const context = await phoneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await openControlled(page, `${relay.url}/${SAT_11}${TALK}`);
    await page.locator('h1#talk-title').waitFor();
    expect(await page.locator('h1#talk-title').textContent()).toMatch(/Lazy distribution/);
    // At 390 px with the pretend clock on, the conference's name is not cut ("FOSDE…").
    const title = page.locator('.conf-title');
    expect(await title.textContent()).toBe('FOSDEM 2020');
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    // The talk page says the room is full, with its evidence (two reports from the crowd).
    const badge = page.locator('.talk-planb .fullness').first();
    await expect
      .poll(() => badge.textContent(), { timeout: 10_000 })
      .toMatch(/^Room: full · 2 reports · just now$/);

    // The topic model was built in a worker while the page idled, and handed over.
    await page.waitForFunction(
      () => performance.getEntriesByName('planb-topics-adopted').length > 0,
      undefined,
      { timeout: 20_000 },
    );
    const sheet = await openSheet(page);
    // Nothing on containers runs elsewhere at 11:00: said, with the devroom's later talks.
    await sheet.getByText('Nothing on this topic right now.').waitFor();
    expect(
      await sheet.getByRole('heading', { name: 'Later today in Containers' }).isVisible(),
    ).toBe(true);
    // The dialog is named by its visible heading, the talk's title.
    const heading = page.locator(`[id="${await sheet.getAttribute('aria-labelledby')}"]`);
    expect(await heading.isVisible()).toBe(true);
    expect(await heading.textContent()).toMatch(/Lazy distribution/);
    const watch = sheet.getByRole('link', { name: /Livestream/ });
    expect(await watch.getAttribute('href')).toBe('https://live.fosdem.org/watch/ud2208');
    expect(await sheet.getByRole('link', { name: /HLS stream/ }).getAttribute('href')).toBe(
      'https://stream.fosdem.org/ud2208.m3u8',
    );
    const items = sheet.locator('.planb-alternatives > li');
    const n = await items.count();
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(5);
    for (const text of await items.allTextContents()) {
      expect(text).not.toContain('UD2.208');
      expect(text).toMatch(/min walk|no walk/);
    }
    // Focus is inside the sheet; Escape closes it and returns focus to the button.
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Room full?');
  });

  it('a bookmark made in the sheet lands on My day', async () => {
    const context = await phoneContext(browser);
    contexts.push(context);
    const page = await context.newPage();
    await openControlled(page, `${relay.url}/${SAT_11}${TALK}`);
    const sheet = await openSheet(page);
    const first = sheet.locator('.planb-alternatives > li').first();
    const title = (await first.locator('a').first().textContent())!;
    await first.getByRole('button', { name: /^Add “/ }).click();
    await first.getByRole('button', { name: /^Remove “/ }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${relay.url}/${SAT_11}#/my-day?day=0`);
    await page.getByText(title, { exact: true }).first().waitFor();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`the sheet and Now with badges pass axe-core and are captured at 390×844 (${scheme})`, async () => {
      mkdirSync(SHOTS, { recursive: true });
      const context = await phoneContext(browser, scheme);
      contexts.push(context);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${SAT_11}#/now`);
      await page.locator('.now-talk .fullness').first().waitFor({ timeout: 10_000 });
      const problems: string[] = [];
      const check = async (name: string) => {
        for (const v of await axeViolations(page))
          problems.push(`${name}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.join(', ')}`);
      };
      // Scroll the badge-bearing building into view.
      await page.locator('.now-talk .fullness').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `now-badges-${scheme}.png`) });
      await check('now');
      await page.goto(`${relay.url}/${SAT_11}#/map/room/ud2208`);
      await page.locator('.room-crowd .fullness-full').waitFor();
      await page.screenshot({ path: join(SHOTS, `map-room-crowd-${scheme}.png`) });
      await check('map room');
      await page.goto(`${relay.url}/${SAT_11}#/schedule?day=0&building=U&past=hide`);
      await page.locator('main h1').waitFor();
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `schedule-badges-${scheme}.png`) });
      await check('schedule');
      await page.goto(`${relay.url}/${SAT_11}${TALK}`);
      await page.locator('h1#talk-title').waitFor();
      await page.screenshot({ path: join(SHOTS, `talk-planb-${scheme}.png`) });
      await check('talk');
      await openSheet(page);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `plan-b-sheet-${scheme}.png`) });
      await check('sheet');
      // Offline: the same sheet, on the last known fullness, saying so.
      await context.setOffline(true);
      await page.getByText(/Offline: room fullness as last known/).waitFor();
      expect(await page.locator('.planb-where .fullness').textContent()).toMatch(
        /^Room: last known: full · 2 reports · (just now|\d+ min ago)$/,
      );
      await page.screenshot({ path: join(SHOTS, `plan-b-sheet-offline-${scheme}.png`) });
      await check('sheet offline');
      if (problems.length) console.error(problems.join('\n'));
      expect(problems).toEqual([]);
    });
  }
});
