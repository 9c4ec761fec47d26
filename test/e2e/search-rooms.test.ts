// Finding a room by name at FOSDEM 2024, in Debian's Chromium at 390×844: the attendee types
// "ub5132" (no dot, lower case) in Search, sees the room UB5.132 under "Rooms" (its talks below),
// taps it and lands on the room's page; the Map's room finder does the same from "Rolin". Screenshots of
// the grouped results in light and dark, checked with axe-core.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
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
const AT = '?now=2024-02-03T11:00';

describe.skipIf(skip)(
  `Search finds rooms by name in Chromium with FOSDEM 2024${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;

    beforeAll(async () => {
      relay = await startRelay({
        schedule: sharedPath('fosdem-2024-schedule.xml'),
        ...(DIST ? { distDir: resolve(DIST) } : {}),
      });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await relay?.stop();
    });

    it('searching "ub5132" shows the room UB5.132 and opens its page', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await phoneContext(browser, scheme);
        const page = await context.newPage();
        await openControlled(page, `${relay.url}/${AT}#/search`);
        await page.getByRole('searchbox', { name: /Talks, speakers/ }).fill('ub5132');
        const rooms = page.getByRole('list', { name: 'Rooms' });
        const room = rooms.getByRole('link', { name: /^UB5\.132/ });
        await room.waitFor();
        expect(await room.textContent()).toMatch(/UB5\.132\s*building U · \d+ talks/);
        // The talks held in it follow, below the room.
        const talks = page.getByRole('list', { name: 'Results for ub5132' });
        await talks.waitFor();
        expect(await talks.getByRole('listitem').first().textContent()).toContain('UB5.132');
        await screenshot(page, `search-rooms-${scheme}`);
        expect(await axeViolations(page)).toEqual([]);

        await room.click();
        await page.getByRole('heading', { level: 1, name: 'UB5.132' }).waitFor();
        expect(page.url()).toContain('#/map/room/ub5132');
        await context.close();
      }
    });

    it('the Map\'s room finder opens H.1308 (Rolin) from "Rolin"', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/map`);
      await page.getByRole('searchbox', { name: 'Find a room' }).fill('Rolin');
      const room = page
        .getByRole('list', { name: 'Rooms' })
        .getByRole('link', { name: /^H\.1308 \(Rolin\)/ });
      await room.click();
      await page.getByRole('heading', { level: 1, name: 'H.1308 (Rolin)' }).waitFor();
      expect(page.url()).toContain('#/map/room/h1308');
      await context.close();
    });
  },
);
