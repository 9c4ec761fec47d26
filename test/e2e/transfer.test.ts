// The first open on a venue network, for real: Debian's Chromium against the relay. Everything
// the phone downloads comes compressed (the app's files as brotli, the schedule as the compact
// model in brotli), and a refresh of an unchanged schedule is a 304 with no body.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPACT_MEDIA_TYPE } from '../../src/domain/schedule/compact';
import { DEMO } from '../server/support';
import {
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  ROOT,
  screenshot,
  startRelay,
} from './harness';

const skip = browserSkipReason();

describe.skipIf(skip)(`Transfers in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let relay: Relay;
  let browser: Browser;

  beforeAll(async () => {
    relay = await startRelay({ schedule: DEMO });
    browser = await launchChromium();
    // The relay compresses the schedule in the background once it has read it.
    for (;;) {
      const health = await (await fetch(`${relay.url}/api/health`)).json();
      if (health.schedule.compressed?.includes('br')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await browser?.close();
    await relay?.stop();
  });

  it('downloads the app and the schedule compressed, and refreshes an unchanged schedule with a 304 and no body', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    const responses: Response[] = [];
    context.on('response', (r) => void responses.push(r));
    await openControlled(page, `${relay.url}/?now=2027-02-06T11:00#/now`);
    const talk = page.locator('main a[href^="#/talk/"]').first();
    await talk.waitFor();
    expect(await talk.isVisible()).toBe(true);
    await screenshot(page, 'transfer-first-open');

    // What came over the network (the service worker's own answers are not transfers).
    const fromRelay = responses.filter(
      (r) => r.url().startsWith(relay.url) && r.status() === 200 && !r.fromServiceWorker(),
    );
    const scripts = fromRelay.filter((r) => /\/assets\/.*\.js$/.test(r.url()));
    expect(scripts.length).toBeGreaterThan(3);
    // Every file the build compressed goes out compressed; a file too small to gain from it
    // (no .br copy written, e.g. a 69-byte chunk) goes out as it is.
    for (const r of [...scripts, ...fromRelay.filter((r) => new URL(r.url()).pathname === '/')]) {
      const path = new URL(r.url()).pathname;
      const compressed = existsSync(
        join(ROOT, 'dist', `${path === '/' ? '/index.html' : path}.br`),
      );
      const encoding = (await r.allHeaders())['content-encoding'];
      expect(`${r.url()}: ${encoding}`).toBe(`${r.url()}: ${compressed ? 'br' : undefined}`);
    }
    expect(scripts.filter((r) => /\/assets\/index-/.test(r.url()))).not.toHaveLength(0);

    const schedule = fromRelay.filter((r) => r.url().endsWith('/api/schedule'));
    expect(schedule).toHaveLength(1);
    const headers = await schedule[0]!.allHeaders();
    expect(headers['content-type']).toContain(COMPACT_MEDIA_TYPE);
    expect(headers['content-encoding']).toBe('br');
    const sent = Number(headers['content-length']);
    expect((await schedule[0]!.request().sizes()).responseBodySize).toBe(sent);

    // Back online: the app asks whether the schedule changed. It did not: 304, nothing sent.
    const refresh = page.waitForResponse((r) => r.url().endsWith('/api/schedule'));
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    const answer = await refresh;
    expect(answer.status()).toBe(304);
    expect(await answer.request().headerValue('if-none-match')).toBe(headers.etag);
    expect((await answer.request().sizes()).responseBodySize).toBe(0);
    expect(await talk.isVisible()).toBe(true);
    await context.close();
  });
});
