import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../../src/domain/errors';
import { parseIcs } from '../../../src/domain/schedule/ics';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { finishConference } from '../../../src/domain/schedule/normalize';
import { thrown } from '../../support/errors';
import { describeWithSharedData, readShared } from '../../support/shared-data';

function parse(text: string) {
  return finishConference(parseIcs(text));
}

function expectScheduleError(fn: () => unknown, code: string): ScheduleError {
  const e = thrown(fn);
  expect(e).toBeInstanceOf(ScheduleError);
  expect((e as ScheduleError).code).toBe(code);
  return e as ScheduleError;
}

/** A calendar from header lines and VEVENT bodies (each a list of lines), CRLF-joined. */
function ics(header: string[], events: string[][], eol = '\r\n'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Plan B//EN',
    ...header,
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
    '',
  ].join(eol);
}

/** "20200201T093000" → { uid → wall clock } for every VEVENT in a real file. */
function wallClocks(text: string, dtstart: RegExp): Map<string, string> {
  const out = new Map<string, string>();
  for (const block of text.split('BEGIN:VEVENT').slice(1)) {
    const uid = /^UID:(.+?)\r?$/m.exec(block)![1]!;
    const m = dtstart.exec(block)!;
    out.set(uid, `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`);
  }
  return out;
}

describeWithSharedData('ICS: FOSDEM 2020 (fosdem-2020-schedule.ics)', () => {
  const text = readShared('fosdem-2020-schedule.ics');
  const c = parse(text);

  it('reads the quirky export: 870 talks, 35 rooms, 2 days, 71 tracks', () => {
    expect(text.endsWith('END:VCALENDAR\n\n\nhtrh\n\n')).toBe(true); // junk after the end
    expect(text.includes('\r\n')).toBe(false); // LF only
    expect(c.talks).toHaveLength(870);
    expect(c.rooms).toHaveLength(35);
    expect(c.days.map((d) => d.date)).toEqual(['2020-02-01', '2020-02-02']);
    expect(c.tracks).toHaveLength(71);
    expect(c.timeZone).toBe('Europe/Brussels');
    expect(c.title).toBe('FOSDEM 2020');
    expect(c.acronym).toBe('fosdem-2020');
    expect(c.baseUrl).toBe('https://fosdem.org/2020/schedule/');
  });

  it('reads floating DTSTARTs as Brussels time (every event, against the file text)', () => {
    const clocks = wallClocks(text, /^DTSTART:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/m);
    expect(clocks.size).toBe(870);
    for (const t of c.talks) expect(t.start).toBe(Date.parse(`${clocks.get(t.id)}+01:00`));
    const first = c.talks[0]!;
    expect([first.title, first.room, first.start, first.end]).toEqual([
      'Welcome to FOSDEM 2020',
      'Janson',
      Date.parse('2020-02-01T09:30:00+01:00'),
      Date.parse('2020-02-01T09:55:00+01:00'),
    ]);
    const last = c.talks.at(-1)!;
    expect([last.title, last.start, last.end]).toEqual([
      'Closing FOSDEM 2020',
      Date.parse('2020-02-02T17:50:00+01:00'),
      Date.parse('2020-02-02T18:15:00+01:00'),
    ]);
  });

  it('repairs https:/ URLs, keys on the /event/<slug>/, maps persons, track and text', () => {
    const t = c.talks.find((x) => x.id === '9230@FOSDEM20@fosdem.org')!;
    expect(t).toMatchObject({
      key: 'slug:seccomp',
      slug: 'seccomp',
      url: 'https://fosdem.org/2020/schedule/event/seccomp/',
      title: 'SECCOMP your PostgreSQL',
      room: 'K.1.105 (La Fontaine)',
      track: 'Databases',
      persons: [{ id: 'joe-conway', name: 'Joe Conway' }],
    });
    expect(t.guid).toBeUndefined();
    expect(t.abstract.startsWith('<p>SECCOMP ("SECure COMPuting with filters")')).toBe(true);
    expect(c.talks.every((x) => x.url?.startsWith('https://fosdem.org/2020/schedule/event/'))).toBe(
      true,
    );
  });

  it('keeps commas FOSDEM left unescaped in CATEGORIES', () => {
    const tracks = c.tracks.map((x) => x.name);
    expect(tracks).toContain('HPC, Big Data, and Data Science');
    expect(tracks).toContain('MySQL, MariaDB and Friends');
    expect(tracks).not.toContain('HPC');
  });

  it('flags the CANCELLED titles', () => {
    expect(c.talks.filter((x) => x.cancelled).map((x) => x.title)).toEqual([
      'United Nations Technology and Innovation Labs',
      'A way of GPU virtualization for container',
    ]);
  });

  it('gives the same keys as the XML of the same conference (slug scan of the XML)', () => {
    const xml = readShared('fosdem-2020-schedule.xml');
    const xmlKeys = new Set([...xml.matchAll(/<slug>([^<]*)<\/slug>/g)].map((m) => `slug:${m[1]}`));
    expect(xmlKeys.size).toBe(872);
    const matching = c.talks.filter((t) => xmlKeys.has(t.key));
    expect(matching).toHaveLength(870); // all of them; the XML has 2 talks the ICS lacks
  });

  it('agrees with the XML through parseSchedule: same keys, instants and rooms', () => {
    const viaIcs = parseSchedule(text);
    const viaXml = new Map(
      parseSchedule(readShared('fosdem-2020-schedule.xml')).talks.map((t) => [t.key, t]),
    );
    expect(viaIcs.source.format).toBe('ics');
    for (const t of viaIcs.talks) {
      const x = viaXml.get(t.key)!;
      expect([t.start, t.end, t.room]).toEqual([x.start, x.end, x.room]);
    }
  });
});

describeWithSharedData('ICS: linux.conf.au 2020 (lca2020-schedule.ics)', () => {
  const text = readShared('lca2020-schedule.ics');
  const c = parse(text);

  it('reads 262 talks over 6 days in Australia/Brisbane', () => {
    expect(text.includes('\r\n ')).toBe(true); // CRLF and folded
    expect(c.talks).toHaveLength(262);
    expect(c.timeZone).toBe('Australia/Brisbane');
    expect(c.title).toBe('linux.conf.au 2020');
    expect(c.days.map((d) => d.date)).toEqual([
      '2020-01-12',
      '2020-01-13',
      '2020-01-14',
      '2020-01-15',
      '2020-01-16',
      '2020-01-17',
    ]);
    expect(c.rooms.map((r) => r.name)).toContain('Arena');
  });

  it('resolves TZID=Australia/Brisbane without a VTIMEZONE as +10:00 (every event)', () => {
    const clocks = wallClocks(
      text,
      /^DTSTART;TZID=Australia\/Brisbane;VALUE=DATE-TIME:(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)\r?$/m,
    );
    expect(clocks.size).toBe(262);
    for (const t of c.talks) expect(t.start).toBe(Date.parse(`${clocks.get(t.id)}+10:00`));
    expect(c.talks[0]!.start).toBe(Date.parse('2020-01-12T15:00:00+10:00'));
    expect(c.talks[0]!.end).toBe(Date.parse('2020-01-12T17:00:00+10:00'));
    expect(c.talks.at(-1)!.title).toBe('Conference Close');
    expect(c.talks.at(-1)!.start).toBe(Date.parse('2020-01-17T16:40:00+10:00'));
    expect(c.talks.at(-1)!.end).toBe(Date.parse('2020-01-17T17:25:00+10:00'));
  });

  it('unfolds text, keys on the UID, takes speakers from the "Speaker:" line', () => {
    const t = c.talks.find((x) => x.id === '85@lca2020.linux.org.au')!;
    expect(t.key).toBe('guid:85@lca2020.linux.org.au');
    expect(t.title).toBe('Keynote: Who cares about Democracy?');
    expect(t.persons).toEqual([{ id: 'a-prof-vanessa-teague', name: 'A/Prof Vanessa Teague' }]);
    expect(t.abstract.startsWith("I'll begin with analysis of the Swiss e-voting system")).toBe(
      true,
    );
    const breakfast = c.talks.find((x) => x.id === '201@lca2020.linux.org.au')!;
    expect(breakfast.abstract).toContain('Women of Open Technology Breakfast</a>, Presented');
    expect(breakfast.url).toBeUndefined(); // the site root is not the talk's page
    expect(new Set(c.talks.map((x) => x.key)).size).toBe(262);
  });

  it('reports a cut-off download as truncated', () => {
    expectScheduleError(() => parseIcs(text.slice(0, text.length / 2)), 'truncated');
  });
});

describe('ICS: times and zones', () => {
  const at = (c: ReturnType<typeof parse>, uid: string) => c.talks.find((t) => t.id === uid)!;

  it('reads floating times in X-WR-TIMEZONE, else the calendar TZID, else UTC', () => {
    const floating = ['UID:f', 'DTSTART:20200201T100000', 'SUMMARY:F'];
    const withXwr = parse(ics(['X-WR-TIMEZONE:Europe/Brussels'], [floating]));
    expect(at(withXwr, 'f').start).toBe(Date.parse('2020-02-01T10:00:00+01:00'));

    const zoned = ['UID:z', 'DTSTART;TZID=America/New_York:20200201T100000', 'SUMMARY:Z'];
    const withTzid = parse(ics([], [floating, zoned]));
    expect(withTzid.timeZone).toBe('America/New_York');
    expect(at(withTzid, 'f').start).toBe(Date.parse('2020-02-01T10:00:00-05:00'));
    expect(at(withTzid, 'z').start).toBe(Date.parse('2020-02-01T10:00:00-05:00'));

    const bare = parse(ics([], [floating]));
    expect(bare.timeZone).toBe('UTC');
    expect(at(bare, 'f').start).toBe(Date.parse('2020-02-01T10:00:00Z'));
  });

  it('reads UTC times as they are, and a VTIMEZONE through ical.js', () => {
    const c = parse(
      ics(
        [
          'X-WR-TIMEZONE:Asia/Tokyo',
          'BEGIN:VTIMEZONE',
          'TZID:Custom Venue Time',
          'BEGIN:STANDARD',
          'DTSTART:19700101T000000',
          'TZOFFSETFROM:+0530',
          'TZOFFSETTO:+0530',
          'END:STANDARD',
          'END:VTIMEZONE',
        ],
        [
          ['UID:u', 'DTSTART:20200201T100000Z', 'DTEND:20200201T110000Z', 'SUMMARY:U'],
          [
            'UID:v',
            'DTSTART;TZID=Custom Venue Time:20200201T100000',
            'DURATION:PT45M',
            'SUMMARY:V',
          ],
        ],
      ),
    );
    expect(at(c, 'u').start).toBe(Date.parse('2020-02-01T10:00:00Z'));
    expect(at(c, 'u').end).toBe(Date.parse('2020-02-01T11:00:00Z'));
    expect(at(c, 'v').start).toBe(Date.parse('2020-02-01T10:00:00+05:30'));
    expect(at(c, 'v').end - at(c, 'v').start).toBe(45 * 60_000);
    expect(c.timeZone).toBe('Asia/Tokyo');
  });

  it('reads all-day events from venue midnight to the next', () => {
    const c = parse(
      ics(
        ['X-WR-TIMEZONE:Europe/Brussels'],
        [['UID:d', 'DTSTART;VALUE=DATE:20200201', 'SUMMARY:D']],
      ),
    );
    expect(at(c, 'd').start).toBe(Date.parse('2020-02-01T00:00:00+01:00'));
    expect(at(c, 'd').end).toBe(Date.parse('2020-02-02T00:00:00+01:00'));
  });
});

describe('ICS: mapping details', () => {
  it('handles LF and CRLF, strips junk after END:VCALENDAR, flags STATUS:CANCELLED', () => {
    const events = [
      ['UID:1', 'DTSTART:20200201T100000Z', 'SUMMARY:One', 'STATUS:CANCELLED'],
      ['UID:2', 'DTSTART:20200201T110000Z', 'SUMMARY:Two', 'ATTACH:https://example.org/s.pdf'],
    ];
    for (const eol of ['\n', '\r\n']) {
      const c = parse(`${ics([], events, eol)}\x00garbage: more junk\nhtrh`);
      expect(c.talks.map((t) => [t.title, t.cancelled])).toEqual([
        ['One', true],
        ['Two', false],
      ]);
      expect(c.talks[1]!.links.slides[0]!.url).toBe('https://example.org/s.pdf');
    }
  });

  it('takes persons from a per-talk ORGANIZER but not from one shared by all', () => {
    const ev = (uid: string, who: string) => [
      `UID:${uid}`,
      'DTSTART:20200201T100000Z',
      `ORGANIZER;CN=${who}:mailto:x@example.org`,
    ];
    expect(parse(ics([], [ev('a', 'Conf'), ev('b', 'Conf')])).persons).toEqual([]);
    expect(parse(ics([], [ev('a', 'Ada'), ev('b', 'Grace')])).persons.map((p) => p.name)).toEqual([
      'Ada',
      'Grace',
    ]);
  });

  it('leaves a calendar without VEVENT to finishConference (no-events)', () => {
    const raw = parseIcs(ics(['X-WR-TIMEZONE:Europe/Brussels'], []));
    expect(raw.talks).toEqual([]);
    expectScheduleError(() => finishConference(raw), 'no-events');
  });

  it('skips a bad event among good ones; throws the first problem when all are bad', () => {
    const good = ['UID:ok', 'DTSTART:20200201T100000Z', 'SUMMARY:OK'];
    const noStart = ['UID:nostart', 'SUMMARY:No start'];
    const garbage = ['UID:garbage', 'DTSTART:garbage', 'SUMMARY:Bad'];
    expect(parse(ics([], [noStart, good, garbage])).talks.map((t) => t.id)).toEqual(['ok']);
    const e = expectScheduleError(() => parseIcs(ics([], [noStart, garbage])), 'wrong-shape');
    expect(e.where).toBe('VEVENT #1 (UID nostart)');
    const g = expectScheduleError(() => parseIcs(ics([], [garbage])), 'malformed');
    expect(g.where).toBe('VEVENT #1 (UID garbage)'); // In words, quoting the line as written (not ical.js's "invalid date-time value").
    expect(g.problem).toBe(
      'its start is not a date and time ("DTSTART:garbage"): a calendar writes a date and time as 20200201T103000 (venue time) or 20200201T093000Z (UTC).',
    );
  });
});

describe('ICS: broken files', () => {
  it('BEGIN:VCALENDAR then garbage → malformed, with the line', () => {
    const e = expectScheduleError(
      () =>
        parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nthis is not iCalendar\r\nEND:VCALENDAR\r\n'),
      'malformed',
    );
    expect(e.where).toBe('line 3');
  });

  it('no END → truncated', () => {
    const e = expectScheduleError(
      () => parseIcs('BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:1\nDTSTART:2020'),
      'truncated',
    );
    expect(e.where).toBe('end of file');
  });

  it('throws nothing but ScheduleError for arbitrary lines in a calendar', () => {
    const line = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'BEGIN:VTIMEZONE',
        'END:VTIMEZONE',
        'DTSTART:20200201T100000',
        'DTSTART;TZID=Nowhere/Land:20200201T100000',
        'DTSTART;VALUE=DATE:2020',
        'DTEND:x',
        'DURATION:PTxM',
        'CATEGORIES:a,, b',
        'ATTENDEE;CN="unterminated:x',
        'URL:https:/x',
        'RRULE:FREQ=DAILY',
      ),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, end) => {
        const text = ['BEGIN:VCALENDAR', ...lines, ...(end ? ['END:VCALENDAR'] : [])].join('\n');
        const e = thrown(() => parse(text));
        if (e !== undefined && !(e instanceof ScheduleError)) throw e;
      }),
      { numRuns: 500 },
    );
  });
});
