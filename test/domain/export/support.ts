/**
 * Shared by the export tests: the demo conference, the demo backup (an attendee's weekend at
 * the demo conference, in test/fixtures/export/demo-backup.json) and golden-file checks.
 *
 * Golden files live in test/fixtures/export/ (Markdown ones as .md.txt, so the formatter, which
 * would restyle the notes quoted in them, leaves them byte-exact). After an intended change to an exporter,
 * regenerate them with `UPDATE_GOLDEN=1 npx vitest run test/domain/export test/cli/export`,
 * read the diff, and commit them with the change.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { type Backup, parseBackup } from '../../../src/domain/export/backup';
import type { Conference, Talk } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule/index';

const root = resolve(import.meta.dirname, '../../..');

/** Path of the demo schedule. */
export const DEMO_SCHEDULE = resolve(root, 'data/demo/planb-demo.xml');

/** Path of the demo backup. */
export const DEMO_BACKUP = resolve(root, 'test/fixtures/export/demo-backup.json');

/** DTSTAMP of the golden ICS files: 2027-02-07 18:30 UTC, the evening after the conference. */
export const GOLDEN_NOW = Date.UTC(2027, 1, 7, 18, 30);

let demo: Conference | undefined;

/** The demo conference, parsed once. */
export function demoConference(): Conference {
  demo ??= parseSchedule(readFileSync(DEMO_SCHEDULE, 'utf8'));
  return demo;
}

/** The demo backup, parsed. */
export function demoBackup(): Backup {
  return parseBackup(readFileSync(DEMO_BACKUP, 'utf8'));
}

/** A demo talk by its slug. */
export function demoTalk(slug: string): Talk {
  const talk = demoConference().talks.find((t) => t.slug === slug);
  if (!talk) throw new Error(`no demo talk ${slug}`);
  return talk;
}

/**
 * Compares `actual` with test/fixtures/export/<name>, or rewrites the file when UPDATE_GOLDEN=1.
 * Line ends are compared as LF so a checkout that converts line ends does not fail the test
 * (the ICS tests check CRLF on the exporter's output itself).
 */
export function expectGolden(name: string, actual: string): void {
  const path = resolve(root, 'test/fixtures/export', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    writeFileSync(path, actual);
    if (process.env.UPDATE_GOLDEN !== '1')
      throw new Error(`golden file ${name} was missing: written, check it`);
    return;
  }
  const lf = (text: string) => text.replace(/\r\n/g, '\n');
  expect(lf(actual)).toBe(lf(readFileSync(path, 'utf8')));
}
