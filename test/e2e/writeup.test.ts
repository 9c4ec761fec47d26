// Home after FOSDEM 2020, in Debian's Chromium at 390×844: the attendee writes notes on the
// Podman talk (a "## Takeaways" heading and the commands), marks it attended, had bookmarked
// the CRIU talk they could not get into; the Notes view lists that one to watch later with its
// recording, the preview shows the write-up as published (axe-core clean, light and dark), and
// Share falls back to a download in a browser without a share sheet. Then a friend opens the
// picks link in another browser context, offline once the app is loaded, and adds the picks.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MarkdownIt from 'markdown-it';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const DIST = process.env.PLANB_E2E_DIST;
const skip =
  (DIST ? undefined : browserSkipReason()) ??
  (hasSharedData ? undefined : 'real schedules not found in ../shared/data');
const AT = '?now=2020-02-02T19:00';
const PODMAN = 'slug:containers_podman';
const CRIU = 'slug:containers_live_migration';
const NOTE = [
  '## Takeaways',
  '',
  'Pods without a daemon.',
  '',
  '```sh',
  '# share the PID namespace',
  'podman run --pid container:containername --name myname -d alpine',
  '```',
].join('\n');

const talkUrl = (relay: Relay, key: string, edit = false) =>
  `${relay.url}/${AT}#/talk/${encodeURIComponent(key)}${edit ? '?edit=notes' : ''}`;

describe.skipIf(skip)(
  `The write-up and shared picks in Chromium${skip ? ` (skipped: ${skip})` : ''}`,
  () => {
    let relay: Relay;
    let browser: Browser;
    let picksLink = '';

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

    async function openPreview(page: Page): Promise<void> {
      await page.getByRole('button', { name: 'Preview and share' }).click();
      const dialog = page.getByRole('dialog', { name: 'Preview' });
      await dialog.getByRole('heading', { level: 4, name: 'Takeaways' }).waitFor();
      expect(await dialog.isVisible()).toBe(true);
    }

    it('notes, attended, a missed talk; the preview; Share downloads; the picks link', async () => {
      const context = await phoneContext(browser);
      const page = await context.newPage();
      await openControlled(page, `${relay.url}/${AT}#/now`);

      await page.goto(talkUrl(relay, CRIU));
      await page.getByRole('button', { name: 'Add to My day' }).click();
      await page.getByRole('button', { name: 'On My day' }).waitFor();

      await page.goto(talkUrl(relay, PODMAN, true));
      await page.getByRole('button', { name: 'Add to My day' }).click();
      await fillNote(page, NOTE);
      await page.getByRole('button', { name: /I attended/ }).click();

      await page.goto(`${relay.url}/${AT}#/notes`);
      const watch = page.getByRole('region', { name: 'Watch later' });
      const recording = watch.getByRole('link', { name: /Watch the recording/ });
      await recording.waitFor();
      expect(await recording.isVisible()).toBe(true);
      expect(await recording.getAttribute('href')).toBe(
        'https://video.fosdem.org/2020/UD2.208/containers_live_migration.mp4',
      );

      await openPreview(page);
      await screenshot(page, 'writeup-preview-light');
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, 'writeup-preview-dark');
      expect(await axeViolations(page)).toEqual([]);
      await page.emulateMedia({ colorScheme: 'light' });
      const dialog = page.getByRole('dialog', { name: 'Preview' });
      const [download] = (await Promise.all([
        page.waitForEvent('download'),
        dialog.getByRole('button', { name: 'Share…' }).click(),
      ])) as [Download, unknown];
      expect(download.suggestedFilename()).toBe('fosdem-2020-notes.md');
      const md = readFileSync(await download.path(), 'utf8');
      await dialog
        .getByText('This browser cannot share: downloaded fosdem-2020-notes.md.')
        .waitFor();
      const tokens = new MarkdownIt('commonmark').parse(md, {});
      const outline = tokens.flatMap((t, i) =>
        t.type === 'heading_open' ? [`${t.tag} ${tokens[i + 1]!.content}`] : [],
      );
      expect(outline).toEqual([
        'h1 FOSDEM 2020 — my notes',
        'h2 Saturday 1 February 2020',
        'h3 Podman - The Powerful Container Multi-Tool',
        'h4 Takeaways',
        'h2 What I missed',
      ]);
      expect(tokens.find((t) => t.type === 'fence')!.content).toBe(
        '# share the PID namespace\npodman run --pid container:containername --name myname -d alpine\n',
      );
      expect(md).toContain(
        '- Container Live Migration — Saturday 12:55, UD2.208 (Decroly), Building U' +
          ' · [Recording](https://video.fosdem.org/2020/UD2.208/containers_live_migration.mp4)',
      );
      await dialog.getByRole('button', { name: 'Close' }).click();

      const picks = page.getByRole('region', { name: 'Share your picks' });
      // Sunday evening: today's picks are none; the whole conference's are two.
      await picks.getByText('No bookmarked talk on that day').waitFor();
      await picks.getByRole('combobox', { name: 'Picks of' }).selectOption('');
      const link = picks.getByLabel(/Link to your 2 picks/);
      await link.waitFor();
      picksLink = await link.inputValue();
      await picks.getByRole('button', { name: 'Show QR code' }).click();
      const qr = picks.getByRole('img', { name: /QR code/ });
      await qr.waitFor();
      expect(await qr.isVisible()).toBe(true);
      await qr.scrollIntoViewIfNeeded();
      await screenshot(page, 'picks-qr-light');
      await context.close();
    });

    it('a friend opens the picks link, offline once loaded, and adds the picks', async () => {
      expect(picksLink).toMatch(/#\/picks\/s/);
      const context = await phoneContext(browser);
      const page = await context.newPage();
      // The first visit loads the app and the schedule; from then on the link works offline.
      await openControlled(page, picksLink);
      await page.getByRole('heading', { level: 1, name: 'Shared picks' }).waitFor();
      await context.setOffline(true);
      const again = await page.reload();
      expect(again?.fromServiceWorker()).toBe(true);
      await page.getByRole('heading', { level: 1, name: 'Shared picks' }).waitFor();
      await page.getByText(/2 talks someone picked at FOSDEM 2020/).waitFor();
      const add = page.getByRole('button', { name: 'Add 2 talks to My day' });
      expect(await add.isVisible()).toBe(true);
      await screenshot(page, 'picks-friend-light');
      expect(await axeViolations(page)).toEqual([]);
      await add.click();
      await page.getByText('Added 2 talks to My day.').waitFor();
      const stars = page.getByRole('button', { name: /from My day/ });
      expect(await stars.count()).toBe(2);
      // Saved: after a reload (still offline) both stars are on.
      await page.reload();
      await page.getByText('All of them are on your My day.').waitFor();
      await context.close();
    });
  },
);
