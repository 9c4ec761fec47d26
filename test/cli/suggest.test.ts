// `planb suggest`: an organizer (or a script) asks what Plan B would tell an attendee at a full
// door. Same engine as the app; --json for scripts; every bad value is a clear message, exit 1.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { describeWithSharedData, sharedPath } from '../support/shared-data';

const demo = resolve(import.meta.dirname, '../../data/demo/planb-demo.xml');

async function planb(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describeWithSharedData('planb suggest on FOSDEM 2020', () => {
  const fosdem = sharedPath('fosdem-2020-schedule.xml');

  it('--json: the full talk, the livestream URL, ranked alternatives and the advice', async () => {
    const { code, out, err } = await planb(
      'suggest',
      fosdem,
      '--at',
      '2020-02-01 11:00',
      '--full',
      'ud2.208 (decroly)',
      '--full',
      'UD2218A',
      '--from',
      'UD2.208 (Decroly)',
      '--json',
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(
      expect.arrayContaining(['fullTalk', 'livestream', 'alternatives', 'stayOrGo']),
    );
    expect(json.fullTalk).toMatchObject({
      title: 'Lazy distribution of container images',
      room: 'UD2.208 (Decroly)',
      building: 'U',
      start: '2020-02-01T10:55:00+01:00',
    });
    expect(json.livestream).toBe('https://live.fosdem.org/watch/ud2208');
    // Nothing on containers runs elsewhere: said, with the room's next talk and the devroom's.
    expect(json.nothingRelated).toBe(true);
    expect(json.nextInRoom).toMatchObject({
      room: 'UD2.208 (Decroly)',
      queueFrom: '2020-02-01T11:10:00+01:00',
    });
    expect(json.laterInTrack.map((t: { title: string }) => t.title)).toContain(
      'Container Live Migration',
    );
    expect(json.alternatives.length).toBeGreaterThan(0);
    for (const a of json.alternatives) {
      expect(Object.keys(a).sort()).toEqual(
        [
          'building',
          'end',
          'key',
          'reasons',
          'related',
          'room',
          'start',
          'title',
          'walkMinutes',
        ].sort(),
      );
      expect(['UD2.208 (Decroly)', 'UD2.218A']).not.toContain(a.room);
      expect(a.reasons.join(' · ')).toMatch(/min walk/);
    }
    expect(json.stayOrGo.kind).toMatch(/^(stay|go|none)$/);
  });

  it('a bookmark comes first; the text output says why', async () => {
    const { code, out } = await planb(
      'suggest',
      fosdem,
      '--at',
      '2020-02-01 11:00',
      '--full',
      'ud2208',
      '--bookmark',
      'slug:quantum_machine_learning_with_pennylane',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Full: “Lazy distribution of container images”/);
    expect(out).toMatch(/Watch it live: https:\/\/live\.fosdem\.org\/watch\/ud2208/);
    expect(out).toMatch(/ 1\. 11:05–11:40 {2}Quantum machine learning with PennyLane/);
    expect(out).toMatch(/you bookmarked it · \d+ min walk, building U/);
  });
});

describe('planb suggest on the demo conference', () => {
  it('gives no livestream for a conference without one: null in JSON', async () => {
    const { code, out } = await planb(
      'suggest',
      demo,
      '--at',
      '2027-02-06 11:00',
      '--full',
      'UB2.252A (Lameere)',
      '--json',
    );
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.livestream).toBeNull();
    expect(json.alternatives[0].title).toMatch(/SELinux/);
  });

  it('the tight transfer: go, with the walk to K', async () => {
    const { code, out } = await planb(
      'suggest',
      demo,
      '--at',
      '2027-02-06 14:20',
      '--full',
      'aw1120',
      '--from',
      'AW1.120',
      '--bookmark',
      'monitoring_office_suite_part2',
    );
    expect(code).toBe(0);
    expect(out).toMatch(/Stay or go: Go: “Self-hosting a collaborative office suite, part 2/);
    expect(out).toMatch(/Warning: .*may not get back in/);
  });

  it.each([
    [['--at', 'tomorrow', '--full', 'Janson'], /--at "tomorrow" is not a date and time/],
    [['--at', '2027-02-06 11:00', '--full', 'Atlantis'], /--full "Atlantis": no such room/],
    [['--at', '2027-02-06 11:00', '--full', 'Janson', '--from', 'X'], /--from "X": no such room/],
    [
      ['--at', '2027-02-06 11:00', '--full', 'Janson', '--talk', 'slug:nope'],
      /--talk "slug:nope": no talk/,
    ],
    [
      ['--at', '2027-02-06 11:00', '--full', 'Janson', '--bookmark', 'x'],
      /--bookmark "x": no talk/,
    ],
  ])('bad values are a clear message and exit 1: %j', async (args, message) => {
    const { code, out, err } = await planb('suggest', demo, ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(message);
  });

  it('missing --at or --full is a usage error (exit 2)', async () => {
    expect((await planb('suggest', demo, '--full', 'Janson')).code).toBe(2);
    expect((await planb('suggest', demo, '--at', '2027-02-06 11:00')).code).toBe(2);
  });
});
