/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) through playwright-core
 * against the built app served by the real relay on 127.0.0.1.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
} from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where screenshots are written (a test artifact to look at). */
export const ARTIFACTS = resolve(ROOT, 'test-results');

/** Why browser tests cannot run here, or undefined when they can. */
export function browserSkipReason(): string | undefined {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(resolve(ROOT, 'dist/index.html'))) return 'the app is not built (npm run build)';
  return undefined;
}

/** A running relay serving a copy of dist/ (so a test may change it) and a schedule. */
export interface Relay {
  url: string;
  distDir: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts the relay (tsx src/server/main.ts) on a free port; resolves once it prints its URL. */
export async function startRelay(options: {
  schedule: string;
  env?: Record<string, string>;
  /** Fixed port (to restart a relay where a page expects it); default: any free port. */
  port?: number;
  /** Serve this folder instead of a fresh copy of dist/. */
  distDir?: string;
}): Promise<Relay> {
  const work = mkdtempSync(join(tmpdir(), 'planb-e2e-'));
  const distDir = options.distDir ?? join(work, 'dist');
  if (!options.distDir) cpSync(resolve(ROOT, 'dist'), distDir, { recursive: true });
  const dataDir = join(work, 'data');
  mkdirSync(dataDir);
  const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), ['src/server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      SCHEDULE: options.schedule,
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      DIST_DIR: distDir,
      DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`relay did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/[^\s/]+)\//.exec(output);
      if (m) {
        clearTimeout(timer);
        done(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => fail(new Error(`relay exited with ${code}:\n${output}`)));
  });
  // A relay that dies mid-test shows up as "connection refused" in the browser: say why here.
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(
      `[e2e] the relay at ${url} exited unexpectedly (${signal ?? `code ${code}`}); it printed:\n${output.slice(-3000)}`,
    );
  });
  return {
    url,
    distDir,
    dataDir,
    process: child,
    stop: () =>
      new Promise((done) => {
        stopping = true;
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Launches headless Chromium with flags that work as root on this machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
  });
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A phone-sized context (390×844) in the given colour scheme. */
export function phoneContext(
  browser: Browser,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    colorScheme,
    serviceWorkers: 'allow',
  });
}

/** Opens the app and waits until the service worker controls the page (one reload needed). */
export async function openControlled(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.ready.then(() => true));
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await waitForSchedule(page);
}

/** Waits until the first import (or the read from IndexedDB) has finished. */
export async function waitForSchedule(page: Page): Promise<void> {
  try {
    await page.waitForFunction(
      () =>
        !document.querySelector('.activity') &&
        !!document.querySelector('main h1') &&
        !/Opening your schedule|Loading the schedule/.test(
          document.querySelector('main')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
  } catch (error) {
    // Say what the page shows instead: a stuck import and a missing view look alike otherwise.
    const shown = await page
      .evaluate(() => (document.body.textContent ?? '').slice(0, 400))
      .catch(() => '?');
    throw new Error(`The app did not finish opening its schedule. The page shows:\n${shown}`, {
      cause: error,
    });
  }
}

/** A persistent (not incognito) Chromium profile: what installability checks need. */
export async function persistentPhoneContext(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'planb-profile-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    serviceWorkers: 'allow',
  });
}

/** Types `text` into the open talk's notes editor and waits until IndexedDB has it ("Saved"). */
export async function fillNote(page: Page, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Your notes' });
  await editor.waitFor();
  await page.waitForFunction(
    () => document.querySelector('textarea.note-text')?.getAttribute('aria-busy') === 'false',
  );
  await editor.fill(text);
  // "Saved" only once IndexedDB has the text.
  await page.waitForFunction(
    () => document.querySelector('.note-status')?.textContent === '✓ Saved on this device',
  );
}

/**
 * A CDP session on `page` with the service worker domain on, and the registration id of
 * `origin`'s root scope: what ServiceWorker.dispatchSyncEvent and deliverPushMessage need. The
 * page may be any page of the browser context (the app itself can be closed).
 */
export async function serviceWorkerOf(
  context: BrowserContext,
  page: Page,
  origin: string,
): Promise<{ cdp: CDPSession; registrationId: string }> {
  const cdp = await context.newCDPSession(page);
  const registrations = new Map<string, string>();
  cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
    for (const r of e.registrations) registrations.set(r.scopeURL, r.registrationId);
  });
  await cdp.send('ServiceWorker.enable');
  const deadline = Date.now() + 10_000;
  while (!registrations.has(`${origin}/`)) {
    if (Date.now() > deadline) throw new Error(`no service worker registered for ${origin}/`);
    await new Promise((done) => setTimeout(done, 100));
  }
  return { cdp, registrationId: registrations.get(`${origin}/`)! };
}

/** Saves a screenshot under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Runs axe-core in the page and returns its violations (id, impact, nodes). */
export async function axeViolations(
  page: Page,
): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  // Evaluated through the driver, not added as a <script>: the app's CSP refuses inline script.
  await page.evaluate(readFileSync(resolve(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: string[] }[];
            }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  });
}
