/**
 * First paint and the second open, in Debian Chromium at 390×844 with the CPU throttled 4×,
 * FOSDEM 2024 served by the relay on loopback. Medians of 5, each run in a fresh profile.
 *
 * - cold first contentful paint: the painted shell of index.html, before any script;
 * - the app's takeover of the painted screen, and the layout shift it causes (CLS);
 * - second open offline: the saved Now screen served by the service worker, first talk painted
 *   (in the page, from navigation start), then the live app taking over.
 */
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  browserSkipReason,
  launchChromium,
  phoneContext,
  startRelay,
  waitForSchedule,
} from '../test/e2e/harness';
import { firstLoadBytes, firstTalkProbe, type ProbeWindow, throttle } from './browser';
import { median, SHARED } from './parse';

const TALK = 'main a[href^="#/talk/"]';
const AT = '?now=2024-02-03T11:00#/now';

type ShiftWindow = Window & { planbShifts?: { at: number; value: number }[] };

/** Runs in the page before its scripts: records every layout shift not caused by input. */
function shiftRecorder(): void {
  const shifts: { at: number; value: number }[] = [];
  (window as ShiftWindow).planbShifts = shifts;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
    })[])
      if (!e.hadRecentInput) shifts.push({ at: e.startTime, value: e.value });
  }).observe({ type: 'layout-shift', buffered: true });
}

interface Paint {
  fcp: number;
  firstTalk: number;
  /** When the live app replaced the painted screen (NaN for a build without a painted one). */
  takeover: number;
  /** Layout shift from the navigation until a second after the takeover (or the first talk). */
  cls: number;
}

/** What the page measured of its own load, once the app has taken over (or shows a talk). */
async function paintOf(page: Page): Promise<Paint> {
  await page.waitForFunction(
    () =>
      performance.getEntriesByName('planb:takeover').length > 0 ||
      (window as ProbeWindow).planbFirstTalkAt !== undefined,
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const takeover = performance.getEntriesByName('planb:takeover')[0]?.startTime ?? Number.NaN;
    const firstTalk = (window as ProbeWindow).planbFirstTalkAt ?? Number.NaN;
    const until = (Number.isNaN(takeover) ? firstTalk : takeover) + 1000;
    const shifts = (window as ShiftWindow).planbShifts ?? [];
    return {
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      firstTalk,
      takeover,
      cls: shifts.filter((s) => s.at <= until).reduce((sum, s) => sum + s.value, 0),
    };
  });
}

/** Waits until the app has kept its Now screen for the next start (a build that does). */
async function screenKept(page: Page): Promise<void> {
  await page
    .waitForFunction(
      async () => !!(await (await caches.open('planb-saved-screen')).match('/planb-saved-screen')),
      undefined,
      { timeout: 10_000, polling: 200 },
    )
    .catch(() => undefined);
}

const ms = (values: number[]) =>
  values.every(Number.isNaN) ? '—' : `${median(values).toFixed(0)} ms`;
const cls = (values: number[]) =>
  `${median(values).toFixed(3)} (worst ${Math.max(...values).toFixed(3)})`;

/** One cold open and one offline second open in a fresh profile. */
async function openTwice(browser: Browser, url: string): Promise<[Paint, Paint]> {
  const context = await phoneContext(browser);
  try {
    await context.addInitScript(shiftRecorder);
    await context.addInitScript(firstTalkProbe);
    const page = await context.newPage();
    await throttle(page, 4);
    // Cold: a fresh profile, nothing cached, the relay on loopback.
    await page.goto(`${url}/${AT}`);
    const cold = await paintOf(page);
    await page.waitForSelector(TALK, { timeout: 60_000 });
    cold.firstTalk = (await (
      await page.waitForFunction(() => (window as ProbeWindow).planbFirstTalkAt)
    ).jsonValue()) as number;
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await waitForSchedule(page);
    await screenKept(page);
    // Second open with no network: what the service worker has is all there is.
    await context.setOffline(true);
    await page.reload({ waitUntil: 'commit' });
    return [cold, await paintOf(page)];
  } finally {
    await context.close();
  }
}

/**
 * Runs the benchmark against dist/; with BENCH_PAINT_BEFORE=<another build's dist> the runs
 * alternate between the two on the same machine at the same time, and both are printed.
 */
export async function benchPaint(): Promise<string[]> {
  const skip = browserSkipReason();
  if (skip) return [`(not measured: ${skip})`];
  const { js, css } = firstLoadBytes();
  const before = process.env.BENCH_PAINT_BEFORE;
  const schedule = resolve(SHARED, 'fosdem-2024-schedule.xml');
  const relays = [await startRelay({ schedule })];
  if (before) relays.push(await startRelay({ schedule, distDir: resolve(before) }));
  const browser = await launchChromium();
  const runs: { cold: Paint[]; second: Paint[] }[] = relays.map(() => ({ cold: [], second: [] }));
  try {
    for (let run = 0; run < 5; run++)
      for (const [i, relay] of relays.entries()) {
        const [cold, second] = await openTwice(browser, relay.url);
        runs[i]!.cold.push(cold);
        runs[i]!.second.push(second);
      }
  } finally {
    await browser.close();
    for (const relay of relays) await relay.stop();
  }
  const column = (pick: (r: { cold: Paint[]; second: Paint[] }) => string) =>
    runs.map(pick).join(' | ');
  const of = (list: Paint[], key: keyof Paint) => list.map((p) => p[key]);
  return [
    `| measure | median of 5 | ${before ? `before (${before}) | ` : ''}target |`,
    `|---|---|${before ? '---|' : ''}---|`,
    `| first-load JavaScript (gzip) | ${js} B = ${(js / 1024).toFixed(2)} KB (+ ${(css / 1024).toFixed(1)} KB CSS) | ${before ? '— | ' : ''}≤ 25 KB |`,
    `| cold first contentful paint (fresh profile) | ${column((r) => ms(of(r.cold, 'fcp')))} | ≤ 500 ms |`,
    `| cold: first talk painted (download, import, Now) | ${column((r) => ms(of(r.cold, 'firstTalk')))} | ≤ 1500 ms |`,
    `| cold: the app takes over the painted shell | ${column((r) => ms(of(r.cold, 'takeover')))} | — |`,
    `| cold: layout shift until a second after the takeover (CLS) | ${column((r) => cls(of(r.cold, 'cls')))} | < 0.1 |`,
    `| second open offline: first contentful paint | ${column((r) => ms(of(r.second, 'fcp')))} | — |`,
    `| second open offline: first talk painted (in the page, from navigation start) | ${column((r) => ms(of(r.second, 'firstTalk')))} | ≤ 250 ms |`,
    `| second open offline: the live app takes over the saved screen | ${column((r) => ms(of(r.second, 'takeover')))} | — |`,
    `| second open offline: layout shift until a second after the takeover (CLS) | ${column((r) => cls(of(r.second, 'cls')))} | < 0.1 |`,
  ];
}
