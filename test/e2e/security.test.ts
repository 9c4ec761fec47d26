// The app runs under the relay's Content-Security-Policy (no inline script, nothing from other
// hosts but https: fetches): Chromium opens every view, a talk and the Plan B sheet's data
// without reporting one violation, and every answer carries the security headers.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../src/server/security-headers';
import { hasSharedData, sharedPath } from '../support/shared-data';
import {
  browserSkipReason,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  startRelay,
} from './harness';

const skip =
  browserSkipReason() ?? (hasSharedData ? undefined : 'real schedules not found in ../shared/data');

/** Collects CSP violations the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => [
    ...console,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

describe.skipIf(skip)(
  `Plan B under its Content-Security-Policy${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;

    beforeAll(async () => {
      relay = await startRelay({ schedule: sharedPath('fosdem-2020-schedule.xml') });
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
      await relay?.stop();
    });

    it('serves the shell with the policy and the other security headers', async () => {
      const res = await fetch(`${relay.url}/`);
      expect(res.headers.get('content-security-policy')).toBe(APP_CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      const html = await res.text();
      // No inline script for the policy to refuse: every <script> has a src.
      expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
      expect((await fetch(`${relay.url}/sw.js.map`)).status).toBe(404);
    });

    it('runs every view with no violation reported', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      const violations = await watchViolations(page);
      await openControlled(page, `${relay.url}/?now=2020-02-01T11:00`);
      for (const view of ['now', 'schedule', 'my-day', 'map', 'search', 'notes', 'settings']) {
        await page.goto(`${relay.url}/?now=2020-02-01T11:00#/${view}`);
        await page.waitForSelector('main h1');
      }
      await page.goto(`${relay.url}/?now=2020-02-01T11:00#/schedule`);
      await page.locator('main a[href^="#/talk/"]').first().click();
      await page.waitForSelector('main h1');
      // The room listing comes over the API (SSE or a poll): allowed by connect-src 'self'.
      await page.waitForFunction(() => fetch('/api/rooms').then((r) => r.ok));
      expect(await violations()).toEqual([]);
      await context.close();
    });
  },
);
