// The attendee puts the talks they went to, with their notes, into their own calendar. The file
// must be strict iCalendar (CRLF, folded at 75 octets, UTC times) and must read back: with
// ical.js, and with Plan B's own importer, keeping titles, times and notes.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { UserRecords } from '../../../src/domain/export/backup';
import { exportIcs, foldLines, talkKeyFromUid, talkUid } from '../../../src/domain/export/ics';
import { selectForExport } from '../../../src/domain/export/selection';
import type { Conference } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../../support/shared-data';
import { demoBackup, demoConference, demoTalk, expectGolden, GOLDEN_NOW } from './support';

function calendar(records: UserRecords, conference: Conference = demoConference()): string {
  return exportIcs(selectForExport(conference, records), { now: GOLDEN_NOW });
}

function events(ics: string): ICAL.Component[] {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

const utf8 = (line: string) => new TextEncoder().encode(line).length;

describe('the ICS export of the demo conference', () => {
  const ics = calendar(demoBackup());

  it('matches the golden files (whole conference, and Saturday only)', () => {
    expectGolden('demo-notes.ics', ics);
    expectGolden(
      'demo-notes-saturday.ics',
      exportIcs(selectForExport(demoConference(), demoBackup(), { day: '2027-02-06' }), {
        now: GOLDEN_NOW,
      }),
    );
  });

  it('is strict RFC 5545 text: CRLF everywhere, no line over 75 octets, final CRLF', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) {
      expect(utf8(line)).toBeLessThanOrEqual(75);
      // A fold never falls inside an escape such as \n: no line ends in half of one.
      expect((/\\*$/.exec(line)?.[0].length ?? 0) % 2).toBe(0);
    }
  });

  it('has one VEVENT per dated talk with UID, DTSTAMP, UTC times, summary, location, category', () => {
    const all = events(ics);
    // 8 talks in the backup's records have a time; the note restored without one is left out.
    expect(all).toHaveLength(8);
    const pods = all.find((e) =>
      e.getFirstPropertyValue('summary')?.toString().startsWith('Pods'),
    )!;
    expect(pods.getFirstPropertyValue('uid')).toBe('slug%3Acontainers_pods_no_daemon@planb');
    expect(pods.getFirstPropertyValue('dtstamp')?.toString()).toBe('2027-02-07T18:30:00Z');
    expect(ics).toContain('DTSTART:20270206T100000Z\r\nDTEND:20270206T102500Z\r\n');
    expect(pods.getFirstPropertyValue('location')).toBe('UB2.252A (Lameere), Building U');
    expect(pods.getFirstPropertyValue('categories')).toBe('Containers');
    const description = String(pods.getFirstPropertyValue('description'));
    expect(description.startsWith('Speaker: Henrik Dalby\n\nPods without a daemon:')).toBe(true);
    expect(description).toContain('```sh\npodman run --pid container:containername');
  });

  it('marks a cancelled talk CANCELLED', () => {
    const sharding = events(ics).find(
      (e) => e.getFirstPropertyValue('summary') === 'Sharding without tears',
    );
    expect(sharding?.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps a note whose talk left the schedule, at its last known time and room', () => {
    const orphan = events(ics).find((e) =>
      String(e.getFirstPropertyValue('uid')).includes('removed'),
    );
    expect(orphan?.getFirstPropertyValue('summary')).toBe('P2P Matrix: a [live] demo');
    expect(orphan?.getFirstPropertyValue('dtstart')?.toString()).toBe('2027-02-07T13:00:00Z');
    expect(orphan?.getFirstPropertyValue('location')).toBe('UD2.208 (Decroly), Building U');
  });

  it("reads back through Plan B's importer with the same titles, times, speakers and notes", () => {
    const back = parseSchedule(ics);
    expect(back.title).toBe('Plan B Demo Conference 2027');
    expect(back.timeZone).toBe('Europe/Brussels');
    const selection = selectForExport(demoConference(), demoBackup());
    const sent = selection.days.flatMap((d) => d.items);
    expect(back.talks.map((t) => [t.title, t.start, t.end, t.cancelled])).toEqual(
      sent.map((i) => [i.title, i.start, i.end, i.cancelled]),
    );
    for (const item of sent) {
      const talk = back.talks.find((t) => t.title === item.title)!;
      expect(talk.abstract).toBe(item.note.trim());
      expect(talk.persons.map((p) => p.name)).toEqual(item.speakers);
      expect(talk.track).toBe(item.track);
    }
  });
});

describe('UIDs', () => {
  it('are stable, made from the TalkKey, and give the key back', () => {
    for (const key of ['slug:podman', 'guid:0b4c-AB', 'id:fosdem-2020/9116', 'slug:a@b,c;d']) {
      expect(talkUid(key)).toMatch(/^[A-Za-z0-9%._~!*'()-]+@planb$/);
      expect(talkKeyFromUid(talkUid(key))).toBe(key);
    }
    expect(talkKeyFromUid('9116@2020@be.digitalia.fosdem')).toBeUndefined();
    expect(talkKeyFromUid('%E0%A4%A@planb')).toBeUndefined();
  });

  it('do not change between exports, so a calendar replaces events instead of doubling them', () => {
    const uids = (now: number) =>
      events(exportIcs(selectForExport(demoConference(), demoBackup()), { now })).map((e) =>
        e.getFirstPropertyValue('uid'),
      );
    expect(uids(1)).toEqual(uids(2));
  });
});

describe('folding', () => {
  it('folds a long line of "é" and emoji at 75 octets without splitting a character', () => {
    const talk = demoTalk('containers_rootless_practice');
    const note = `${'é'.repeat(120)} ${'😀'.repeat(40)} ${'👩‍👩‍👧‍👦'.repeat(10)} ${'a'.repeat(200)}`;
    const ics = calendar({
      bookmarks: [],
      attended: [],
      notes: [{ talk: talk.key, text: note, updatedAt: 1 }],
    });
    const lines = ics.split('\r\n');
    for (const line of lines) {
      expect(utf8(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\uD800-\uDBFF]$/); // no half of a surrogate pair
    }
    // Continuation lines are used to the full: 75 octets with the leading space, or close to it.
    const description = lines.filter((l, i) => i > 0 && l.startsWith(' '));
    expect(description.some((l) => utf8(l) === 75)).toBe(true);
    const [event] = events(ics);
    expect(String(event!.getFirstPropertyValue('description'))).toBe(
      `Speaker: ${talk.persons[0]!.name}\n\n${note}`,
    );
  });

  it('refolds ical.js output, whose continuation lines can reach 76 octets', () => {
    const long = `SUMMARY:${'a'.repeat(200)}`;
    const folded = foldLines(`BEGIN:VCALENDAR\r\n${long}\r\nEND:VCALENDAR`);
    const lines = folded.split('\r\n');
    expect(lines.map(utf8)).toEqual([15, 75, 75, 60, 13, 0]);
    expect(folded.replace(/\r\n /g, '')).toBe(`BEGIN:VCALENDAR\r\n${long}\r\nEND:VCALENDAR\r\n`);
  });
});

describe('awkward text', () => {
  it('escapes commas, semicolons, backslashes and newlines, and reads them back', () => {
    const talk = demoTalk('containers_rootless_practice');
    const conference: Conference = {
      ...demoConference(),
      talks: demoConference().talks.map((t) =>
        t.key === talk.key
          ? { ...t, title: 'C++ & Rust; a, b \\ c', track: 'HPC, Big Data, and Data Science' }
          : t,
      ),
    };
    const note = 'Line one; two, three\\n\r\nLine four';
    const ics = calendar(
      { bookmarks: [], attended: [], notes: [{ talk: talk.key, text: note, updatedAt: 1 }] },
      conference,
    );
    const [event] = events(ics);
    expect(event!.getFirstPropertyValue('summary')).toBe('C++ & Rust; a, b \\ c');
    expect(event!.getFirstProperty('categories')!.getValues()).toEqual([
      'HPC, Big Data, and Data Science',
    ]);
    const back = parseSchedule(ics).talks[0]!;
    expect(back.abstract).toBe('Line one; two, three\\n\nLine four');
    expect(back.track).toBe('HPC, Big Data, and Data Science');
  });

  it('leaves out a talk whose time was never known, and writes a valid calendar with no talks', () => {
    const ics = calendar({ bookmarks: [{ talk: 'slug:gone' }], notes: [], attended: [] });
    expect(events(ics)).toHaveLength(0);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  });
});

describeWithSharedData('FOSDEM 2020 talks in a calendar', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const keys = fosdem.talks
    .filter((t) => /podman|udica|kubernetes$/i.test(t.slug ?? ''))
    .map((t) => t.key);

  it('read back with the same keys: FOSDEM talks have no page URL in 2020, so the UID carries the key', () => {
    expect(keys.length).toBeGreaterThanOrEqual(3);
    const ics = calendar(
      { bookmarks: keys.map((talk) => ({ talk })), notes: [], attended: [] },
      fosdem,
    );
    const back = parseSchedule(ics);
    expect(back.talks).toHaveLength(keys.length);
    for (const t of back.talks) {
      expect(talkKeyFromUid(t.id)).toBeDefined();
      const original = fosdem.talks.find((o) => o.key === talkKeyFromUid(t.id))!;
      expect([t.title, t.start, t.end]).toEqual([original.title, original.start, original.end]);
    }
  });
});
