/**
 * The first open of Plan B at the venue, as a new user meets it: FOSDEM 2024 served by the
 * relay, Chromium at 390×844 with the CPU throttled 4×, median of 5 fresh profiles.
 *
 * - Bytes over the wire until the app is installed and the schedule stored (app, service
 *   worker precache, schedule), counted by a proxy in front of the relay.
 * - First open to first talk painted on simulated Fast 3G: the proxy throttles every download
 *   (page, import worker, service worker), which CDP's emulation would not.
 * - Cold first open to first talk painted on loopback (no throttling).
 * Times are in the page, from the navigation's start to the frame with the first talk.
 */
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { browserSkipReason, launchChromium, phoneContext, startRelay } from '../test/e2e/harness';
import { firstLoadBytes, firstTalkProbe, type ProbeWindow } from './browser';
import { median, SHARED } from './parse';
import { FAST_3G, type LinkProfile, startThrottleProxy } from './throttle-proxy';

const RUNS = 5;

interface FirstOpen {
  firstTalkMs: number;
  importMs: number;
  bytes: number;
}

async function firstOpen(
  browser: Browser,
  relayUrl: string,
  profile: LinkProfile | undefined,
): Promise<FirstOpen> {
  const proxy = await startThrottleProxy(relayUrl, profile);
  const context = await phoneContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(firstTalkProbe);
    await page.goto(`${proxy.url}/?now=2024-02-03T11:00#/now`, { waitUntil: 'commit' });
    const firstTalkMs = (await (
      await page.waitForFunction(() => (window as ProbeWindow).planbFirstTalkAt, undefined, {
        timeout: 120_000,
        polling: 50,
      })
    ).jsonValue()) as number;
    const importMs = (await (
      await page.waitForFunction(
        () => performance.getEntriesByName('planb:import')[0]?.duration,
        undefined,
        { timeout: 120_000 },
      )
    ).jsonValue()) as number;
    // Installed: the service worker has precached the app (its install fetched every file).
    await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true), undefined, {
      timeout: 120_000,
    });
    await proxy.idle(1500);
    return { firstTalkMs, importMs, bytes: proxy.bytesDown() };
  } finally {
    await context.close();
    await proxy.close();
  }
}

/** Runs the first-open benchmark; returns printable lines. */
export async function benchFirstOpen(): Promise<string[]> {
  const skip = browserSkipReason();
  if (skip) return [`(not measured: ${skip})`];
  const relay = await startRelay({ schedule: resolve(SHARED, 'fosdem-2024-schedule.xml') });
  const browser = await launchChromium();
  try {
    // The relay compresses the schedule in the background once it has read it: wait for that.
    for (;;) {
      const health = (await (await fetch(`${relay.url}/api/health`)).json()) as {
        schedule: { compressed?: string[] };
      };
      if (health.schedule.compressed?.includes('br')) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const slow: FirstOpen[] = [];
    const cold: FirstOpen[] = [];
    for (let run = 0; run < RUNS; run++) {
      slow.push(await firstOpen(browser, relay.url, FAST_3G));
      cold.push(await firstOpen(browser, relay.url, undefined));
    }
    const m = (xs: FirstOpen[], k: keyof FirstOpen) => median(xs.map((x) => x[k]));
    const { js } = firstLoadBytes();
    return [
      '| first open, FOSDEM 2024 (4× CPU, 390×844) | median of 5 | target |',
      '|---|---|---|',
      `| bytes over the wire until installed and stored (app + precache + schedule) | ${(m(cold, 'bytes') / 1024).toFixed(0)} KB | ≤ 600 KB |`,
      `| Fast 3G (1.6 Mbps / 750 kbps / 150 ms, every download throttled): first talk painted | ${(m(slow, 'firstTalkMs') / 1000).toFixed(2)} s | ≤ 5 s |`,
      `| Fast 3G: schedule stored (import measure, from its start) | ${(m(slow, 'importMs') / 1000).toFixed(2)} s | — |`,
      `| loopback, cold: first talk painted | ${(m(cold, 'firstTalkMs') / 1000).toFixed(2)} s | ≤ 1.5 s |`,
      `| loopback, cold: schedule stored (import measure) | ${(m(cold, 'importMs') / 1000).toFixed(2)} s | — |`,
      `| first-load JavaScript (gzip) | ${(js / 1024).toFixed(1)} KB | ≤ 25 KB |`,
    ];
  } finally {
    await browser.close();
    await relay.stop();
  }
}
