// An organizer checks a schedule file from the command line before the conference, and a script
// diffs two versions. Bad input must give a clear message on stderr and a non-zero exit code.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { describeWithSharedData, readShared, sharedPath } from '../support/shared-data';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../..');
const demo = resolve(root, 'data/demo/planb-demo.xml');

async function planb(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe('planb inspect', () => {
  it('summarizes the demo conference for a person', async () => {
    const { code, out } = await planb('inspect', demo);
    expect(code).toBe(0);
    expect(out).toMatch(/Plan B Demo Conference/);
    expect(out).toMatch(/Europe\/Brussels/);
    expect(out).toMatch(/2 days/);
  });

  it('lists every talk with its key and venue-offset times for scripts', async () => {
    const { code, out } = await planb('inspect', demo, '--json', '--talks');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.talkList).toHaveLength(json.talks);
    for (const t of json.talkList) {
      expect(t.key).toMatch(/^(guid|slug|id):/);
      expect(t.start).toMatch(/^2027-02-0[67]T\d\d:\d\d:00\+01:00$/);
    }
    expect(Object.keys(json.buildings).sort()).toEqual(['AW', 'H', 'J', 'K', 'U']);
    expect(json.unmappedRooms).toEqual([]);
  });

  it('a missing file is a clear error with exit code 1', async () => {
    const { code, err, out } = await planb('inspect', '/nonexistent/schedule.xml');
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/No file at \/nonexistent\/schedule\.xml/);
  });

  it('a file that is not a schedule names the file and the problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planb-cli-'));
    const file = join(dir, 'error.html');
    writeFileSync(file, '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>');
    const { code, err } = await planb('inspect', file);
    expect(code).toBe(1);
    expect(err).toMatch(/error\.html/);
    expect(err).toMatch(/web page/);
  });

  it('wrong usage prints the usage with exit code 2', async () => {
    expect((await planb('inspect')).code).toBe(2);
    expect((await planb('frobnicate', demo)).code).toBe(2);
    const { code, err } = await planb('inspect', demo, '--colour');
    expect(code).toBe(2);
    expect(err).toMatch(/Usage: planb/);
  });
});

describeWithSharedData('planb on real schedules', () => {
  it('inspect --json gives the FOSDEM 2024 facts', async () => {
    const { code, out } = await planb('inspect', sharedPath('fosdem-2024-schedule.xml'), '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      title: 'FOSDEM 2024',
      timeZone: 'Europe/Brussels',
      days: 2,
      rooms: 35,
    });
    expect(json.roomsWithTalks).toBe(29);
    expect(json.talks).toBe(874);
    expect(json.unmappedRooms).toEqual([]);
    expect(json.buildings.unknown ?? 0).toBe(0);
    const total = Object.values(json.buildings as Record<string, number>).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBe(874);
  });

  it('inspect counts cancelled talks of FOSDEM 2020 from their titles', async () => {
    const json = JSON.parse(
      (await planb('inspect', sharedPath('fosdem-2020-schedule.xml'), '--json')).out,
    );
    const marked =
      readShared('fosdem-2020-schedule.xml').match(/<title>\s*(\[\s*)?CANCELL?ED/gi) ?? [];
    expect(json.cancelled).toBe(marked.length);
    expect(json.cancelled).toBeGreaterThan(0);
  });

  it('diff --json reports FOSDEM 2024 preliminary → final as counts and lists', async () => {
    const { code, out } = await planb(
      'diff',
      sharedPath('fosdem-2024-schedule-preliminary-2023-12-29.xml'),
      sharedPath('fosdem-2024-schedule.xml'),
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    for (const name of ['added', 'removed', 'moved', 'retimed', 'retitled', 'cancelled']) {
      expect(typeof json[name]).toBe('number');
      expect(json[`${name}Talks`]).toHaveLength(json[name]);
    }
    expect(json.added - json.removed).toBe(874 - 674);
  });

  it('the installed bin runs the same code, with exit codes', async () => {
    const bin = resolve(root, 'bin/planb.js');
    const ok = await run(process.execPath, [
      bin,
      'inspect',
      sharedPath('36c3-schedule.json'),
      '--json',
    ]);
    expect(JSON.parse(ok.stdout).talks).toBe(162);
    const failed = await run(process.execPath, [bin, 'inspect', join(root, 'package.json')]).catch(
      (e) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/not a frab or pretalx schedule/);
  });
});
