// The attendee's Saturday at FOSDEM 2020 on My day, in Debian's Chromium at 390×844: six real
// bookmarks (two container talks in one room, a clash with "Extending sudo in Python", the walk
// out to AW, and the run from U to building K for Kris Nova) fit in 1.3 screens, each clash
// and each walk said once, the same-room pair marked "stay here". Light and dark pass axe-core.
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
const AT = '?now=2020-02-01T10:00';

/** Six Saturday talks of the user story's kind, as the attendee stars them. */
const SIX = [
  'slug:containers_podman', // 10:30 UD2.208 (Decroly)
  'slug:python2020_sudo', // 10:30 UB2.252A (Lameere): clashes with Podman
  'slug:containers_lazy_image_distribution', // 10:55 UD2.208: stay here
  'slug:onlyoffice_securly_collaborate', // 11:30 AW1.120: 8 min walk in 15
  'slug:immutable', // 14:30 UD2.120 (Chavanne)
  'slug:kubernetes', // 15:00 K.1.105: 10 min walk in 5
];

/** Stars a talk from its page, reached by the in-app route (no reload). */
async function star(page: Page, key: string): Promise<void> {
  await page.evaluate(
    (hash) => {
      location.hash = hash;
    },
    `#/talk/${encodeURIComponent(key)}`,
  );
  const button = page.getByRole('button', { name: 'Add to My day' });
  await button.waitFor();
  expect(await button.isVisible()).toBe(true);
  await button.click();
  await page.getByRole('button', { name: 'On My day' }).waitFor();
}

describe.skipIf(skip)(
  `My day in Chromium with six FOSDEM 2020 bookmarks${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;

    beforeAll(async () => {
      relay = await startRelay({
        schedule: sharedPath('fosdem-2020-schedule.xml'),
        ...(DIST ? { distDir: resolve(DIST) } : {}),
      });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await relay?.stop();
    });

    it('six bookmarked talks fit in 1.3 screens, light and dark, with no axe violations', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/now`);
      for (const key of SIX) await star(page, key);
      await page.evaluate(() => {
        location.hash = '#/my-day';
      });
      const list = page.getByRole('list').filter({ has: page.locator('.myday-talk') });
      await list.waitFor();
      expect(await list.isVisible()).toBe(true);
      expect(await page.locator('.myday-plan a.myday-title').count()).toBe(6);

      // One line per problem: the clash once, the run to building K once; the same room said.
      const text = (await list.textContent()) ?? '';
      expect(text.match(/Overlap:/g)).toHaveLength(1);
      expect(text.match(/Tight transfer:/g)).toHaveLength(1);
      expect(text).toContain('Tight transfer: 10 min walk to K.1.105, you have 5 min');
      expect(text).toContain('Stay here in UD2.208 · 5 min');

      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        const { scroll, viewport } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollHeight,
          viewport: window.innerHeight,
        }));
        console.log(
          `[my-day] ${scheme}: 6 talks, scroll height ${scroll} px / viewport ${viewport} px = ${(scroll / viewport).toFixed(2)} screens`,
        );
        expect(scroll / viewport).toBeLessThanOrEqual(1.3);
        await screenshot(page, `my-day-six-bookmarks-${scheme}`);
        expect(await axeViolations(page)).toEqual([]);
      }
      await context.close();
    });
  },
);
