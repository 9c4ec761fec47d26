/**
 * What the crowd and Plan B browser tests share: which build to serve and when to skip.
 * Serve a private build with PLANB_E2E_DIST=/tmp/x/dist after `npx vite build --outDir /tmp/x/dist`
 * (so parallel work does not fight over dist/); by default the tests serve a copy of dist/.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { hasSharedData, sharedPath } from '../support/shared-data';
import { CHROMIUM, type Relay, ROOT, startRelay } from './harness';

/** The built app to serve: PLANB_E2E_DIST (e.g. a private `vite build --outDir`), else dist/. */
export const E2E_DIST = process.env.PLANB_E2E_DIST ?? resolve(ROOT, 'dist');

/** Why these tests cannot run here, or undefined. */
export function crowdSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(resolve(E2E_DIST, 'index.html')))
    return `the app is not built at ${E2E_DIST} (npm run build)`;
  if (!hasSharedData) return 'real schedules not found in ../shared/data';
  return undefined;
}

/** The relay's RELAY_ADMIN_TOKEN in these tests (GET /api/reports is the owner's). */
export const OWNER_TOKEN = 'e2e-owner-token';

/** GET /api/reports of `relay` as its owner. */
export function ownerFetch(relay: Relay, path: string): Promise<Response> {
  return fetch(`${relay.url}${path}`, { headers: { Authorization: `Bearer ${OWNER_TOKEN}` } });
}

/** The relay these tests talk to: FOSDEM 2020, serving PLANB_E2E_DIST when it is set. */
export function startCrowdRelay(): Promise<Relay> {
  return startRelay({
    schedule: sharedPath('fosdem-2020-schedule.xml'),
    env: { RELAY_ADMIN_TOKEN: OWNER_TOKEN },
    ...(process.env.PLANB_E2E_DIST ? { distDir: E2E_DIST } : {}),
  });
}

/** Closes what a test file opened (for afterAll; each may be missing if set-up failed). */
export async function closeAll(
  contexts: BrowserContext[],
  browser: Browser | undefined,
  relay: Relay | undefined,
): Promise<void> {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await relay?.stop();
}
