// Tracks at FOSDEM 2020 in Debian's Chromium at 390×844: choosing the Rust devroom on Saturday
// says the Rust talks are on Sunday and one tap goes there; searching "rust" offers the track,
// which opens its page with the room and its livestream. The Tracks view and a track page, light
// and dark, pass axe-core (screenshots in test-results/screenshots).
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedPath } from '../support/shared-data';
import {
  axeViolations,
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  screenshot,
  startRelay,
} from './harness';

const DIST = process.env.PLANB_E2E_DIST;
const skip =
  (DIST ? undefined : browserSkipReason()) ??
  (hasSharedData ? undefined : 'real schedules not found in ../shared/data');
const AT = '?now=2020-02-01T11:00';

describe.skipIf(skip)(
  `Tracks in Chromium with FOSDEM 2020${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;
    // One phone for both stories: importing FOSDEM 2020 once keeps the file quick.
    let page: Page;

    beforeAll(async () => {
      relay = await startRelay({
        schedule: sharedPath('fosdem-2020-schedule.xml'),
        ...(DIST ? { distDir: resolve(DIST) } : {}),
      });
      browser = await launchChromium();
      page = await (await phoneContext(browser)).newPage();
      await openControlled(page, `${relay.url}/${AT}#/now`);
    });
    afterAll(async () => {
      await browser?.close();
      await relay?.stop();
    });

    it('Rust on Saturday says where the Rust talks are, and the button goes there', async () => {
      await page.goto(`${relay.url}/${AT}#/schedule?day=0`);
      await page.getByText('Filters', { exact: true }).click();
      await page.getByLabel('Track').selectOption('Rust');
      const message = page.getByText('No Rust talks on Saturday — 13 on Sunday');
      await message.waitFor();
      expect(await message.isVisible()).toBe(true);
      await screenshot(page, 'schedule-rust-saturday');
      await page.getByRole('button', { name: 'Show Sunday: 13 talks' }).click();
      const days = page.getByRole('navigation', { name: 'Days' });
      await days.locator('[aria-current="page"]', { hasText: 'Sun 2 Feb' }).waitFor();
      await page.locator('.schedule-count', { hasText: /^13 talks/ }).waitFor();
      const first = page.getByRole('link', { name: /ClearlyDefined/ });
      expect(await first.isVisible()).toBe(true);
      // Titles wrap in full: the windowed list measures each row, so none overlaps the next and
      // a two-line title makes a taller row than a one-line one.
      const rows = await page.evaluate(() =>
        [...document.querySelectorAll('.virtual-list li')].map((li) => {
          const box = li.getBoundingClientRect();
          const title = li.querySelector('.talk-title');
          return {
            top: box.top,
            bottom: box.bottom,
            titleLines: title ? Math.round(title.getBoundingClientRect().height / 20) : 0,
          };
        }),
      );
      expect(rows.length).toBeGreaterThan(8);
      for (let i = 1; i < rows.length; i++)
        expect(rows[i]!.top).toBeGreaterThanOrEqual(rows[i - 1]!.bottom - 0.5);
      const talkRows = rows.filter((r) => r.titleLines > 0);
      const height = (r: (typeof rows)[number]) => r.bottom - r.top;
      const oneLine = talkRows.find((r) => r.titleLines === 1)!;
      const twoLines = talkRows.find((r) => r.titleLines >= 2)!;
      expect(height(twoLines)).toBeGreaterThan(height(oneLine));
    });

    it('search "rust" offers the Rust track, which opens its page; Tracks and the page pass axe', async () => {
      await page.goto(`${relay.url}/${AT}#/tracks`);
      const rust = page.getByRole('list', { name: 'Tracks' }).getByRole('link', {
        name: /^Rust 13 talks/,
      });
      await rust.waitFor();
      expect(await rust.textContent()).toMatch(/13 talks\s*K\.3\.401\s*Sun 2 Feb 09:00–16:55/);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `tracks-${scheme}`);
        expect(await axeViolations(page)).toEqual([]);
      }

      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${relay.url}/${AT}#/search`);
      await page.getByRole('searchbox', { name: /Talks, speakers/ }).fill('rust');
      await page
        .getByRole('list', { name: 'Tracks' })
        .getByRole('link', { name: /^Rust 13 talks/ })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Rust' }).waitFor();
      expect(page.url()).toContain('#/track/rust');
      const live = page.getByRole('link', { name: /Livestream of K\.3\.401/ });
      expect(await live.isVisible()).toBe(true);
      expect(await live.getAttribute('href')).toBe('https://live.fosdem.org/watch/k3401');
      expect(await page.locator('.track-talks > li').count()).toBe(13);
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `track-page-${scheme}`);
        expect(await axeViolations(page)).toEqual([]);
      }
    });
  },
);
