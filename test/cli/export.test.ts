// Back home, the attendee makes the write-up on a laptop: the schedule and the backup from the
// phone in, Markdown or ICS out on stdout. Mistakes give a message on stderr and exit code 1
// (bad input) or 2 (bad usage), never a half-written document.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { DEMO_BACKUP, DEMO_SCHEDULE, expectGolden } from '../domain/export/support';

async function planb(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

function tempFile(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'planb-export-')), name);
  writeFileSync(path, text);
  return path;
}

describe('planb export', () => {
  it('writes the same Markdown as the app (the golden write-up)', async () => {
    const { code, out, err } = await planb(
      'export',
      DEMO_SCHEDULE,
      '--backup',
      DEMO_BACKUP,
      '--format',
      'markdown',
    );
    expect([code, err]).toEqual([0, '']);
    expectGolden('demo-notes.md.txt', out);
  });

  it('writes one day as ICS, CRLF to the last line, only DTSTAMP differing from the golden file', async () => {
    const { code, out } = await planb(
      'export',
      DEMO_SCHEDULE,
      '--backup',
      DEMO_BACKUP,
      '--format',
      'ics',
      '--day',
      '2027-02-06',
    );
    expect(code).toBe(0);
    expect(out.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(out.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expectGolden(
      'demo-notes-saturday.ics',
      out.replace(/^DTSTAMP:\d{8}T\d{6}Z\r$/gm, 'DTSTAMP:20270207T183000Z\r'),
    );
    const events = new ICAL.Component(ICAL.parse(out)).getAllSubcomponents('vevent');
    expect(events).toHaveLength(5);
  });

  const usage: [string, string[], RegExp][] = [
    ['no schedule', ['export', '--backup', 'b.json', '--format', 'ics'], /one schedule/],
    ['no backup', ['export', DEMO_SCHEDULE, '--format', 'ics'], /needs --backup/],
    [
      'no format',
      ['export', DEMO_SCHEDULE, '--backup', DEMO_BACKUP],
      /--format markdown or --format ics/,
    ],
    [
      'an unknown format',
      ['export', DEMO_SCHEDULE, '--backup', DEMO_BACKUP, '--format', 'pdf'],
      /--format markdown/,
    ],
  ];
  for (const [name, args, message] of usage) {
    it(`${name}: usage error, exit code 2`, async () => {
      const { code, out, err } = await planb(...args);
      expect([code, out]).toEqual([2, '']);
      expect(err).toMatch(message);
      expect(err).toContain('Usage: planb');
    });
  }

  const bad: [string, () => string[], RegExp][] = [
    [
      'a missing backup file',
      () => ['--backup', '/nonexistent/backup.json'],
      /No file at \/nonexistent\/backup\.json/,
    ],
    [
      'a backup that is not JSON',
      () => ['--backup', tempFile('b.json', 'oops')],
      /not a Plan B backup we can read: it is not valid JSON/,
    ],
    [
      'a backup with a bad record',
      () => [
        '--backup',
        tempFile('b.json', '{"format":"planb-backup","version":1,"notes":[{"talk":"slug:x"}]}'),
      ],
      /notes\[0\]\.text: must be text/,
    ],
    [
      'a day that is not a date',
      () => ['--backup', DEMO_BACKUP, '--day', 'saturday'],
      /"saturday" is not a date: write it as YYYY-MM-DD/,
    ],
    [
      'a day outside the conference',
      () => ['--backup', DEMO_BACKUP, '--day', '2027-02-08'],
      /2027-02-08 is not a day of Plan B Demo Conference 2027/,
    ],
  ];
  for (const [name, args, message] of bad) {
    it(`${name}: a clear message on stderr, exit code 1, nothing on stdout`, async () => {
      const { code, out, err } = await planb(
        'export',
        DEMO_SCHEDULE,
        '--format',
        'markdown',
        ...args(),
      );
      expect([code, out]).toEqual([1, '']);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/unexpected error|Usage/);
    });
  }

  it('a schedule that cannot be read names the file', async () => {
    const schedule = tempFile('schedule.xml', '<!DOCTYPE html><html></html>');
    const { code, err } = await planb(
      'export',
      schedule,
      '--backup',
      DEMO_BACKUP,
      '--format',
      'ics',
    );
    expect(code).toBe(1);
    expect(err).toMatch(/schedule\.xml.*web page/);
  });

  it('is listed in the usage text', async () => {
    const { out } = await planb('help');
    expect(out).toContain(
      'export <schedule> --backup <backup.json> --format markdown|ics [--day YYYY-MM-DD]',
    );
  });
});
