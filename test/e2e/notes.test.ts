// The attendee's notes at FOSDEM 2020, in Debian's Chromium at 390×844: written in airplane
// mode on two talks (commands in code blocks), still there after a reload, then exported as
// Markdown and ICS through real downloads, and both files parsed back (markdown-it; ical.js and
// Plan B's own schedule importer).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule/index';
import { hasSharedData, sharedPath } from '../support/shared-data';
import {
  axeViolations,
  browserSkipReason,
  fillNote,
  launchChromium,
  openControlled,
  phoneContext,
  type Relay,
  screenshot,
  startRelay,
} from './harness';

// PLANB_E2E_DIST: a build of the app to serve (vite build --outDir …) instead of a copy of dist/.
const DIST = process.env.PLANB_E2E_DIST;
const skip =
  (DIST ? undefined : browserSkipReason()) ??
  (hasSharedData ? undefined : 'real schedules not found in ../shared/data');
const AT = '?now=2020-02-01T18:00';

const PODMAN = 'slug:containers_podman';
const SELINUX = 'slug:security_using_selinux_with_container_runtimes';
const PODMAN_NOTE = [
  'Podman runs pods without a daemon.',
  '',
  '```sh',
  'podman run --pid container:containername --name myname -d alpine',
  'podman pod create --name mypod',
  'podman generate kube -f pod.yml mypod',
  'podman play kube pod.yml',
  '```',
  '',
  '- rootless by default',
  '- [udica](https://github.com/containers/udica) for SELinux',
].join('\n');
const SELINUX_NOTE = [
  'Generate a policy per container:',
  '',
  '```',
  'podman inspect -l | udica my_container',
  'semodule -i my_container.cil',
  '```',
].join('\n');

function talkHash(key: string, edit = true): string {
  return `#/talk/${encodeURIComponent(key)}${edit ? '?edit=notes' : ''}`;
}

async function writeNote(page: Page, relayUrl: string, key: string, text: string): Promise<void> {
  await page.goto(`${relayUrl}/${AT}${talkHash(key)}`);
  await fillNote(page, text);
}

async function downloaded(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ])) as [Download, unknown];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe.skipIf(skip)(
  `Notes in Chromium with FOSDEM 2020${skip ? ` (skipped: ${skip})` : ''}`,
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

    it('notes written offline survive a reload and export as Markdown and ICS', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/now`);
      await page.waitForSelector('main h1', { timeout: 20_000 });
      // Warm the lazily loaded parts once, as a visit on the venue Wi-Fi would.
      await page.goto(`${relay.url}/${AT}#/notes`);
      await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();

      await context.setOffline(true);
      await page.reload();
      await writeNote(page, relay.url, PODMAN, PODMAN_NOTE);
      await writeNote(page, relay.url, SELINUX, SELINUX_NOTE);

      const response = await page.reload();
      expect(response?.fromServiceWorker()).toBe(true);
      const editor = page.getByRole('textbox', { name: 'Your notes' });
      await page.waitForFunction(
        (text) =>
          (document.querySelector('textarea.note-text') as HTMLTextAreaElement)?.value === text,
        SELINUX_NOTE,
      );
      expect(await editor.inputValue()).toBe(SELINUX_NOTE);

      await page.goto(`${relay.url}/${AT}#/notes`);
      await page
        .getByRole('heading', { level: 4, name: /Podman - The Powerful Container Multi-Tool/ })
        .waitFor();
      await page
        .getByRole('heading', { level: 4, name: 'Using SELinux with container runtimes' })
        .waitFor();
      await page.getByRole('radio', { name: 'Sat 1 Feb' }).check();

      const md = await downloaded(page, 'Download Markdown');
      expect(md.name).toBe('fosdem-2020-notes-2020-02-01.md');
      const tokens = new MarkdownIt().parse(md.text, {});
      const headings = tokens
        .filter((t, i) => tokens[i - 1]?.type === 'heading_open' && t.type === 'inline')
        .map((t) => t.content);
      expect(headings).toEqual([
        'FOSDEM 2020 — my notes',
        'Saturday 1 February 2020',
        'Podman - The Powerful Container Multi-Tool',
        'Using SELinux with container runtimes',
      ]);
      const fences = tokens.filter((t) => t.type === 'fence').map((t) => t.content);
      expect(fences).toEqual([
        'podman run --pid container:containername --name myname -d alpine\npodman pod create --name mypod\npodman generate kube -f pod.yml mypod\npodman play kube pod.yml\n',
        'podman inspect -l | udica my_container\nsemodule -i my_container.cil\n',
      ]);
      expect(tokens.find((t) => t.type === 'fence')!.info).toBe('sh');
      expect(md.text).toContain('- [udica](https://github.com/containers/udica) for SELinux');

      const ics = await downloaded(page, 'Download ICS');
      expect(ics.name).toBe('fosdem-2020-notes-2020-02-01.ics');
      expect(ics.text).toMatch(/^BEGIN:VCALENDAR\r\n/);
      const calendar = new ICAL.Component(ICAL.parse(ics.text));
      const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
      expect(events.map((e) => e.summary)).toEqual([
        'Podman - The Powerful Container Multi-Tool',
        'Using SELinux with container runtimes',
      ]);
      expect(events[0]!.description).toContain(PODMAN_NOTE);
      expect(events[1]!.description).toContain(SELINUX_NOTE);
      expect(events[0]!.uid).toBe(`${encodeURIComponent(PODMAN)}@planb`);
      expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2020-02-01T09:30:00.000Z');
      // Plan B's own importer reads the file back: same titles, times and notes.
      const again = parseSchedule(ics.text);
      expect(again.talks.map((t) => t.title)).toEqual(events.map((e) => e.summary));
      expect(again.talks[0]!.start).toBe(Date.UTC(2020, 1, 1, 9, 30));
      expect(`${again.talks[1]!.abstract}\n${again.talks[1]!.description}`).toContain(
        'semodule -i my_container.cil',
      );
      await context.close();
    });

    for (const scheme of ['light', 'dark'] as const) {
      it(`the talk with its notes editor and the Notes view pass axe-core (${scheme})`, async () => {
        const context = await phoneContext(browser, scheme);
        const page = await context.newPage();
        await openControlled(page, `${relay.url}/${AT}#/now`);
        await writeNote(page, relay.url, PODMAN, PODMAN_NOTE);
        await page.getByRole('button', { name: /I attended/ }).click();
        await page.getByRole('radio', { name: '4 stars' }).check({ force: true });
        await page.goto(`${relay.url}/${AT}${talkHash(PODMAN, false)}`);
        await page.locator('.note-editor').scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        const problems: string[] = [];
        await screenshot(page, `talk-notes-${scheme}`);
        for (const v of await axeViolations(page))
          problems.push(`talk: ${v.id} ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        await page.goto(`${relay.url}/${AT}#/notes`);
        await page.getByRole('heading', { level: 4 }).first().waitFor();
        await page.waitForTimeout(300);
        await screenshot(page, `notes-${scheme}`);
        for (const v of await axeViolations(page))
          problems.push(`notes: ${v.id} ${v.help} at ${v.targets.slice(0, 3).join(', ')}`);
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  },
);
