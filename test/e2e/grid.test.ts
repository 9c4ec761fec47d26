// The timetable grid at FOSDEM 2024, in Debian's Chromium at 390×844: on Saturday at 11:00 the
// attendee goes from the Schedule to the Grid, sees the now line and Janson's 11:00 talk on now
// (captured in light and dark and checked with axe-core), walks across the rooms with the arrow
// keys, opens a talk and comes back to the grid as it was; offline the grid still opens. One
// page for it all: the schedule is imported once.
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
  `The timetable grid in Chromium with FOSDEM 2024${skip ? ` (skipped: ${skip})` : ''}`,
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

    it('opens from the Schedule at the now line, passes axe-core in light and dark, moves across rooms by keyboard, opens a talk, and works offline', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/schedule`);
      // The reload prompt ("ready to work offline") is closed, as a user would.
      await page
        .getByRole('button', { name: 'OK' })
        .click({ timeout: 2000 })
        .catch(() => {});
      await page.getByRole('link', { name: 'Grid' }).click();
      const grid = page.getByRole('region', { name: 'Timetable grid, Saturday 3 February 2024' });
      await grid.waitFor({ state: 'visible' });
      expect(page.url()).toContain('#/grid?day=0');
      await expect.poll(() => page.getByText(/^29 rooms · 432 talks/).isVisible()).toBe(true);

      // Opened at 11:00: the now line is on screen, and so is Janson's talk that is on now.
      const line = page.locator('.grid-now');
      await line.waitFor({ state: 'visible' });
      const box = (await grid.boundingBox())!;
      const lineBox = (await line.boundingBox())!;
      expect(lineBox.y).toBeGreaterThan(box.y);
      expect(lineBox.y).toBeLessThan(box.y + box.height);
      const outreachy = grid.getByRole('link', {
        name: /^11:00–11:50 Outreachy: 1000 interns, Janson, on now$/,
      });
      await outreachy.waitFor({ state: 'visible' });
      expect(await grid.locator('.grid-building').first().textContent()).toBe('Janson');

      const problems: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await screenshot(page, `grid-${scheme}`);
        for (const v of await axeViolations(page))
          problems.push(
            `${scheme}: ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
          );
      }
      expect(problems).toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });

      // Twelve rooms to the right with the arrow keys: the grid scrolls and draws them.
      await outreachy.focus();
      for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
      const focused = page.locator('.grid-talk:focus');
      await focused.waitFor({ state: 'visible' });
      const name = (await focused.getAttribute('aria-label'))!;
      expect(name).toMatch(/^1\d:\d\d–1\d:\d\d .+, H\.\S+/);
      const focusedBox = (await focused.boundingBox())!;
      expect(focusedBox.x).toBeGreaterThanOrEqual(0);
      expect(focusedBox.x + focusedBox.width).toBeLessThanOrEqual(390 + 1);
      expect(await grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(1000);

      await screenshot(page, 'grid-keyboard');
      await page.keyboard.press('Enter');
      const title = name.replace(/^\S+ /, '').replace(/, H\..*$/, '');
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(page.url()).toContain('#/talk/');

      // Back: the grid is where it was left.
      await page.goBack();
      await grid.waitFor({ state: 'visible' });
      await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(1000);

      await context.setOffline(true);
      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      await grid.waitFor({ state: 'visible' });
      expect(await grid.locator('.grid-talk').count()).toBeGreaterThan(10);
      await context.close();
    });
  },
);
