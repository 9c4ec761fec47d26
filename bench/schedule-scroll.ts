/**
 * The Schedule list on a throttled phone: Debian Chromium, 390×844, CPU throttled 4×, FOSDEM
 * 2024's Saturday (~450 talks, windowed). Opening the view to its rows painted, then a fling:
 * the page scrolls 150 px every frame from top to bottom while each frame's interval is
 * recorded (the windowed list redraws its rows on scroll). Medians of 3 runs. PLANB_BENCH_DIST
 * serves another build (e.g. of an older commit) to compare.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import {
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  startRelay,
} from '../test/e2e/harness';
import { median, percentile, SHARED } from './parse';

const AT = '?now=2024-02-03T11:00';
const ROW = 'main .virtual-list a[href^="#/talk/"]';

/**
 * Scrolls the page by `step` px per animation frame to the bottom; resolves to the frames'
 * intervals. A string: tsx would wrap named functions in a helper the page does not have.
 */
const FLING = `(step) => new Promise((done) => {
  const intervals = [];
  let last = 0;
  window.scrollTo(0, 0);
  const frame = (t) => {
    intervals.push(t - last);
    last = t;
    const before = window.scrollY;
    window.scrollBy(0, step);
    if (window.scrollY === before || intervals.length > 2000) done(intervals.slice(1));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame((t) => {
    last = t;
    requestAnimationFrame(frame);
  });
})`;

async function throttle(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Runs the scroll benchmark; returns printable lines. */
export async function benchScheduleScroll(): Promise<string[]> {
  const skip = browserSkipReason();
  if (skip) return [`(not measured: ${skip})`];
  const dist = process.env.PLANB_BENCH_DIST;
  const relay = await startRelay({
    schedule: resolve(SHARED, 'fosdem-2024-schedule.xml'),
    ...(dist ? { distDir: resolve(dist) } : {}),
  });
  const browser = await launchChromium();
  const opens: number[] = [];
  const frames: number[] = [];
  const rows: number[] = [];
  try {
    for (let run = 0; run < 3; run++) {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/now`);
      await throttle(page, 4);
      opens.push(
        await page.evaluate(async (row) => {
          const t0 = performance.now();
          location.hash = '#/schedule?day=0';
          while (!document.querySelector(row))
            await new Promise((r) => requestAnimationFrame(() => r(null)));
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return performance.now() - t0;
        }, ROW),
      );
      frames.push(...((await page.evaluate(`(${FLING})(150)`)) as number[]));
      rows.push(await page.locator(ROW).count());
      await context.close();
    }
  } finally {
    await browser.close();
    await relay.stop();
  }
  const over = frames.filter((f) => f > 17.5).length;
  return [
    '| measure (FOSDEM 2024, Saturday, by time) | value | target |',
    '|---|---|---|',
    `| open the Schedule to its rows painted | ${median(opens).toFixed(0)} ms | ≤ 200 ms |`,
    `| fling, 150 px a frame to the bottom: frame interval median / p95 / worst | ${median(frames).toFixed(1)} / ${percentile(frames, 95).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms | ≤ 16.7 ms |`,
    `| frames over 17.5 ms during the fling | ${over} of ${frames.length} | — |`,
    `| talk rows in the DOM at the bottom | ${median(rows)} | — |`,
  ];
}
