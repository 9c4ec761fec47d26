// The attendee bookmarked talks in FOSDEM Companion on the train, or exported them from Plan B
// on another device: the calendar file brings those bookmarks in, each matched to a talk of the
// current schedule by the best evidence it has, and whatever matches nothing is reported.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../../src/domain/export/ics';
import { selectForExport } from '../../../src/domain/export/selection';
import { CalendarImportError, matchCalendarBookmarks } from '../../../src/domain/import/calendar';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../../support/shared-data';
import { demoBackup, demoConference, demoTalk, GOLDEN_NOW } from '../export/support';

/** A calendar of VEVENTs, each given as its property lines. */
function ics(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//be.digitalia.fosdem//NONSGML 2.0.0//EN',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

const matches = (text: string) =>
  matchCalendarBookmarks(demoConference(), text).matched.map((m) => [m.talk.slug, m.by]);

describe('bookmarks from a calendar, on the demo conference', () => {
  it('a Plan B export matches every talk still in the schedule by its UID', () => {
    const exported = exportIcs(selectForExport(demoConference(), demoBackup()), {
      now: GOLDEN_NOW,
    });
    const result = matchCalendarBookmarks(demoConference(), exported);
    expect(result.matched.map((m) => m.by)).toEqual(Array(7).fill('planb-uid'));
    // The talk that left the schedule matches nothing and is reported, not guessed.
    expect(result.unmatched).toEqual([
      {
        uid: 'slug%3Aremoved_p2p_matrix_demo@planb',
        title: 'P2P Matrix: a [live] demo',
        start: Date.UTC(2027, 1, 7, 13),
      },
    ]);
  });

  it('a Companion event matches by the slug in its URL, else by id in the same year', () => {
    expect(
      matches(
        ics(
          [
            'UID:99999@2027@be.digitalia.fosdem',
            'URL:https://example.org/2027/schedule/event/containers_pods_no_daemon/',
          ],
          ['UID:27002@2027@be.digitalia.fosdem', 'SUMMARY:Renamed since'],
        ),
      ),
    ).toEqual([
      ['containers_pods_no_daemon', 'slug'],
      ['keynote_network_fails', 'companion-id'],
    ]);
  });

  it('an id from another year is not trusted (ids change every year)', () => {
    const result = matchCalendarBookmarks(
      demoConference(),
      ics(['UID:27002@2026@be.digitalia.fosdem', 'SUMMARY:Something else']),
    );
    expect(result.matched).toEqual([]);
    expect(result.unmatched).toEqual([
      { uid: '27002@2026@be.digitalia.fosdem', title: 'Something else' },
    ]);
  });

  it('else by title and start, ignoring case, accents and CANCELLED/AMENDMENT markers', () => {
    const talk = demoTalk('db_sharding_tears');
    const start = new Date(talk.start).toISOString().replace(/[-:]|\.\d+/g, '');
    expect(
      matches(
        ics(
          [
            'UID:a@example.org',
            `DTSTART:${start}`,
            'SUMMARY:AMENDMENT CANCELLED Sharding WITHOUT téars',
          ],
          // The same title an hour later is another talk.
          ['UID:b@example.org', 'DTSTART:20270207T110000Z', 'SUMMARY:Sharding without tears'],
        ),
      ),
    ).toEqual([['db_sharding_tears', 'title-time']]);
  });

  it('reads a floating start in the venue zone, and a TZID start in its zone', () => {
    expect(
      matches(
        ics(
          ['UID:a', 'DTSTART:20270206T093000', 'SUMMARY:Welcome to the Plan B Demo Conference'],
          [
            'UID:b',
            'DTSTART;TZID=Europe/London:20270207T160000',
            'SUMMARY:Closing: see you next year',
          ],
        ),
      ),
    ).toEqual([
      ['keynote_welcome', 'title-time'],
      ['keynote_closing', 'title-time'],
    ]);
  });

  it('a file that is not a calendar is refused, saying nothing was added', () => {
    const read = (text: string) => () => matchCalendarBookmarks(demoConference(), text);
    expect(read('{"format": "planb-backup"}')).toThrow(CalendarImportError);
    expect(read('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:cut off')).toThrow(
      /^This calendar cannot be read: .* No bookmarks were added\.$/,
    );
  });

  it('a bad date is said in words, quoting the line, and nothing was added', () => {
    const read = (start: string) => () =>
      matchCalendarBookmarks(
        demoConference(),
        ics(
          ['UID:1@x', 'SUMMARY:Welcome', 'DTSTART:20270206T090000'],
          ['UID:2@x', 'SUMMARY:Closing', start],
        ),
      );
    for (const start of ['DTSTART:2027-02-06T10:00', 'DTSTART:garbage']) {
      let error: unknown;
      try {
        read(start)();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CalendarImportError);
      const text = (error as Error).message;
      expect(text).toBe(
        `This calendar cannot be read: event 2 ("Closing") has a start that is not a date and time (${JSON.stringify(start)}): a calendar writes a date and time as 20200201T103000 (venue time) or 20200201T093000Z (UTC). No bookmarks were added.`,
      );
      expect(text).not.toMatch(/extract integer|invalid date-time/);
    }
  });

  it('a calendar with no events matches nothing', () => {
    expect(matchCalendarBookmarks(demoConference(), ics())).toEqual({ matched: [], unmatched: [] });
  });
});

describeWithSharedData('a FOSDEM Companion export against FOSDEM 2020', () => {
  // Hand-written in the shape Companion's BookmarksExportProvider writes: UTC times, unescaped
  // commas and semicolons, line breaks of the description written as folds.
  const file = readFileSync(
    resolve(import.meta.dirname, '../../fixtures/export/companion-fosdem-2020.ics'),
    'utf8',
  );
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));

  it('matches by slug, id and title+time, each talk once, and reports the rest', () => {
    const result = matchCalendarBookmarks(fosdem, file);
    expect(result.matched.map((m) => [m.talk.slug, m.by])).toEqual([
      ['containers_podman', 'slug'],
      ['kubernetes', 'companion-id'],
      ['python2020_sudo', 'title-time'],
    ]);
    expect(result.unmatched.map((u) => u.title)).toEqual(['A talk that is in no schedule']);
  });
});
