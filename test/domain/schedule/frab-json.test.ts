import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../../src/domain/errors';
import { parseFrabJson } from '../../../src/domain/schedule/frab-json';
import { parseSchedule } from '../../../src/domain/schedule/index';
import { finishConference } from '../../../src/domain/schedule/normalize';
import { venueTime } from '../../../src/domain/time';
import { thrown } from '../../support/errors';
import { describeWithSharedData, readShared } from '../../support/shared-data';

// biome-ignore lint/suspicious/noExplicitAny: fixtures reach freely into raw JSON documents.
type Json = Record<string, any>;

function parse(data: unknown, format: 'frab-json' | 'pretalx-json' = 'frab-json') {
  return finishConference(parseFrabJson(data, format));
}

function allEvents(doc: Json): Json[] {
  return doc.schedule.conference.days.flatMap((d: Json) => Object.values(d.rooms).flat());
}

/** A minimal frab document: one day, one room, the given events. */
function frab(events: unknown[], conference: Json = {}): Json {
  return {
    schedule: {
      version: '1',
      conference: {
        acronym: 'demo',
        title: 'Demo',
        time_zone_name: 'Europe/Brussels',
        ...conference,
        days: [{ index: 1, date: '2020-02-01', rooms: { 'H.1302 (Depage)': events } }],
      },
    },
  };
}

const event = (extra: Json = {}): Json => ({
  id: 1,
  guid: 'b3e8c7a0-0000-4000-8000-000000000001',
  start: '10:00',
  duration: '00:30',
  room: 'H.1302 (Depage)',
  slug: 'one',
  title: 'One',
  persons: [{ id: 7, public_name: 'Ada' }],
  links: [{ url: 'https://example.org/slides.pdf', title: 'Slides' }],
  ...extra,
});

describeWithSharedData('frab JSON: 36C3 (36c3-schedule.json)', () => {
  const doc: Json = JSON.parse(readShared('36c3-schedule.json'));
  const c = parse(doc);

  it('has the counts DATA.md states', () => {
    expect(c.talks).toHaveLength(162);
    expect(c.rooms.map((r) => r.name)).toEqual(['Ada', 'Borg', 'Clarke', 'Dijkstra', 'Eliza']);
    expect(c.days.map((d) => d.date)).toEqual([
      '2019-12-27',
      '2019-12-28',
      '2019-12-29',
      '2019-12-30',
    ]);
    expect(new Set(c.talks.map((t) => t.key)).size).toBe(162);
  });

  it('maps conference fields', () => {
    expect(c.acronym).toBe('36c3');
    expect(c.title).toBe('36th Chaos Communication Congress');
    expect(c.baseUrl).toBe('https://fahrplan.events.ccc.de/congress/2019/Fahrplan/');
    expect(c.source).toEqual({ format: 'frab-json', version: 'mkdir' });
    // The file names no zone: inferred from its +01:00 offsets.
    expect(c.timeZone).toBe('Etc/GMT-1');
  });

  it('takes every start from the event date, exactly as the file writes it', () => {
    const byGuid = new Map(c.talks.map((t) => [t.guid, t]));
    for (const e of allEvents(doc)) {
      const t = byGuid.get(e.guid)!;
      expect(t.start).toBe(Date.parse(e.date));
      const [h, m] = e.duration.split(':').map(Number);
      expect(t.end - t.start).toBe((h * 60 + m) * 60_000);
    }
  });

  it('spot-checks the first and last talk of each day against the file text', () => {
    const spots: [number, string, string, string, string][] = [
      [
        0,
        '2019-12-27T11:00:00+01:00',
        'Opening Ceremony',
        '2019-12-28T00:50:00+01:00',
        'Hacker Jeopardy',
      ],
      [
        1,
        '2019-12-28T11:30:00+01:00',
        'Der Pfad von 4G zu 5G',
        '2019-12-29T00:50:00+01:00',
        'Chaos Communication Slam',
      ],
      [
        2,
        '2019-12-29T11:30:00+01:00',
        'Von Menschen radikalisiert',
        '2019-12-30T00:50:00+01:00',
        'Hebocon',
      ],
      [
        3,
        '2019-12-30T11:30:00+01:00',
        'HAL - The Open-Source Hardware Analyzer',
        '2019-12-30T17:20:00+01:00',
        'Closing Ceremony (de)',
      ],
    ];
    for (const [day, firstAt, firstTitle, lastAt, lastTitle] of spots) {
      const talks = c.talks.filter((t) => t.day === day);
      expect(talks[0]!.start).toBe(Date.parse(firstAt));
      expect(talks[0]!.title.startsWith(firstTitle)).toBe(true);
      expect(talks.at(-1)!.start).toBe(Date.parse(lastAt));
      expect(talks.at(-1)!.title).toBe(lastTitle);
    }
    // Talks after midnight stay on the festival day the file files them under.
    const jeopardy = c.talks.find((t) => t.title === 'Hacker Jeopardy')!;
    expect(jeopardy.day).toBe(0);
    expect(venueTime(jeopardy.start, c.timeZone)).toBe('00:50');
  });

  it('maps persons, links and attachments (root-relative ones resolved against base_url)', () => {
    const t = c.talks.find((x) => x.id === '11172')!;
    expect(t.persons).toEqual([{ id: '1626', name: 'Hannes Mehnert' }]);
    expect(t.links.other.map((l) => l.url)).toContain('https://mirage.io/');
    expect(t.links.slides[0]!.url).toBe(
      'https://fahrplan.events.ccc.de/congress/2019/Fahrplan/system/event_attachments/attachments/000/004/050/original/talk.pdf?1577440685',
    );
    const opening = c.talks.find((x) => x.id === '11223')!;
    expect(opening).toMatchObject({ type: 'lecture', language: 'de', track: 'CCC', room: 'Ada' });
    expect(opening.url).toBe(
      'https://fahrplan.events.ccc.de/congress/2019/Fahrplan/events/11223.html',
    );
    // frab's "missing.png" placeholder attachment is dropped.
    const all = c.talks.flatMap((x) => [
      ...x.links.slides,
      ...x.links.other,
      ...x.links.recordings,
    ]);
    expect(all.some((l) => l.url.includes('missing.png'))).toBe(false);
  });

  it('gives the same instants from day date + start when events have no date', () => {
    const stripped: Json = structuredClone(doc);
    for (const e of allEvents(stripped)) delete e.date;
    const again = parse(stripped);
    expect(again.talks.map((t) => [t.key, t.start])).toEqual(c.talks.map((t) => [t.key, t.start]));
  });

  it('reads through parseSchedule too', () => {
    const viaIndex = parseSchedule(readShared('36c3-schedule.json'));
    expect(viaIndex.talks).toHaveLength(162);
    expect(viaIndex.source.format).toBe('frab-json');
  });
});

describeWithSharedData('pretalx JSON: rC3 (pretalx-rc3-schedule.json)', () => {
  const doc: Json = JSON.parse(readShared('pretalx-rc3-schedule.json'));
  const c = parse(doc, 'pretalx-json');

  it('has 48 talks, 5 rooms, 4 days', () => {
    expect(c.talks).toHaveLength(48);
    expect(c.rooms).toHaveLength(5);
    expect(c.rooms[0]).toEqual({
      name: 'r3s - Monheim/Rhein',
      slug: 'r3smonheimrhein',
      building: 'unknown',
    });
    expect(c.days.map((d) => d.date)).toEqual([
      '2020-12-27',
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
    ]);
    expect(c.source).toEqual({ format: 'pretalx-json', version: '1.3' });
    expect(c.acronym).toBe('rc3-channels-2020');
  });

  it('spot-checks the first and last talk of each day against the file text', () => {
    const spots: [number, string, string][] = [
      [0, '2020-12-27T11:30:00+01:00', '2020-12-27T22:00:00+01:00'],
      [1, '2020-12-28T11:00:00+01:00', '2020-12-28T21:30:00+01:00'],
      [2, '2020-12-29T11:00:00+01:00', '2020-12-29T22:00:00+01:00'],
      [3, '2020-12-30T10:00:00+01:00', '2020-12-30T16:00:00+01:00'],
    ];
    for (const [day, first, last] of spots) {
      const talks = c.talks.filter((t) => t.day === day);
      expect(talks[0]!.start).toBe(Date.parse(first));
      expect(talks.at(-1)!.start).toBe(Date.parse(last));
    }
    const gluon = c.talks.find((t) => t.slug === 'MJA8QY')!;
    expect(gluon.end - gluon.start).toBe(40 * 60_000);
    expect(gluon.url).toBe('https://pretalx.rc3.studio/rc3-channels-2020/talk/MJA8QY/');
  });

  it('keys persons on their pretalx code and never copies submission answers', () => {
    const gluon = c.talks.find((t) => t.slug === 'MJA8QY')!;
    expect(gluon.persons).toEqual([
      { id: 'SCD9VJ', name: 'Chris Fiege' },
      { id: 'MCQKPV', name: 'Kasa' },
    ]);
    // Answers hold organizer-only data (a phone number in this file).
    expect(JSON.stringify(c)).not.toContain('0160 84');
  });
});

describe('frab JSON: mapping details', () => {
  it('uses listed rooms and track objects with their slugs, and keeps empty rooms', () => {
    const c = parse(
      frab([event({ track: 'Databases' })], {
        rooms: [
          { name: 'H.1302 (Depage)', slug: 'h1302' },
          { name: 'Empty', slug: 'empty-room' },
        ],
        tracks: [{ name: 'Databases', slug: 'db', color: '#fff' }, 'Other'],
      }),
    );
    expect(c.rooms.map((r) => [r.name, r.slug])).toEqual([
      ['H.1302 (Depage)', 'h1302'],
      ['Empty', 'empty-room'],
    ]);
    expect(c.tracks).toEqual([
      { name: 'Databases', slug: 'db' },
      { name: 'Other', slug: 'other' },
    ]);
  });

  it('reads day date + start in time_zone_name, and persons by name, guid or id', () => {
    const c = parse(
      frab([
        event({
          persons: [{ name: 'Grace', guid: 'g-1' }, { public_name: 'Linus', id: 3 }, 'Ken', {}],
        }),
      ]),
    );
    expect(c.talks[0]!.start).toBe(Date.parse('2020-02-01T10:00:00+01:00'));
    expect(c.talks[0]!.persons).toEqual([
      { id: 'g-1', name: 'Grace' },
      { id: '3', name: 'Linus' },
      { id: 'ken', name: 'Ken' },
    ]);
    expect(c.talks[0]!.links.slides[0]!.url).toBe('https://example.org/slides.pdf');
    expect(c.timeZone).toBe('Europe/Brussels');
  });

  it('infers a zone from offsets when time_zone_name is absent, else UTC', () => {
    const withOffset = frab([event({ date: '2020-02-01T10:00:00+05:30' })], {
      time_zone_name: undefined,
    });
    expect(parse(withOffset).timeZone).toBe('Asia/Kolkata');
    const floating = frab([event()], { time_zone_name: 'Not/AZone' });
    const c = parse(floating);
    expect(c.timeZone).toBe('UTC');
    expect(c.talks[0]!.start).toBe(Date.parse('2020-02-01T10:00:00Z'));
  });

  it('skips one bad event among good ones', () => {
    const c = parse(
      frab([event(), event({ id: 2, guid: 'x-2', start: 'soon' }), 'not an event', null]),
    );
    expect(c.talks.map((t) => t.id)).toEqual(['1']);
  });

  it('leaves a file without events to finishConference (no-events)', () => {
    const e = thrown(() => parse(frab([])));
    expect(e).toBeInstanceOf(ScheduleError);
    expect((e as ScheduleError).code).toBe('no-events');
  });
});

describe('frab JSON: wrong shapes', () => {
  const cases: [string, unknown, string][] = [
    ['{}', {}, 'schedule'],
    ['a JSON array', [], '(top level)'],
    ['no conference', { schedule: {} }, 'schedule.conference'],
    ['days not a list', { schedule: { conference: { days: 'x' } } }, 'schedule.conference.days'],
    [
      'a day not an object',
      { schedule: { conference: { days: [1] } } },
      'schedule.conference.days[0]',
    ],
    [
      'rooms a string',
      { schedule: { conference: { days: [{ date: '2020-02-01', rooms: 'x' }] } } },
      'schedule.conference.days[0].rooms',
    ],
    [
      'rooms a list',
      { schedule: { conference: { days: [{ date: '2020-02-01', rooms: [[]] }] } } },
      'schedule.conference.days[0].rooms',
    ],
    [
      "a room's events not a list",
      { schedule: { conference: { days: [{}, { date: '2020-02-01', rooms: { Ada: {} } }] } } },
      'schedule.conference.days[1].rooms["Ada"]',
    ],
    [
      'every event without a start',
      frab([event({ start: undefined }), event({ start: 12 })]),
      'schedule.conference.days[0].rooms["H.1302 (Depage)"][0].start',
    ],
  ];
  for (const [name, data, where] of cases) {
    it(`${name} → wrong-shape at ${where}`, () => {
      const e = thrown(() => parse(data));
      expect(e).toBeInstanceOf(ScheduleError);
      expect((e as ScheduleError).code).toBe('wrong-shape');
      expect((e as ScheduleError).where).toBe(where);
      expect((e as ScheduleError).message).toContain(where);
    });
  }

  it('throws nothing but ScheduleError for arbitrary JSON anywhere in the tree', () => {
    const value = fc.jsonValue({ maxDepth: 4 });
    const docs = fc.oneof(
      value,
      value.map((days) => ({ schedule: { conference: { days } } })),
      value.map((rooms) => ({
        schedule: { conference: { days: [{ date: '2020-02-01', rooms }] } },
      })),
      fc.array(value, { maxLength: 4 }).map((events) => frab(events)),
      fc
        .dictionary(fc.constantFrom(...Object.keys(event())), value)
        .map((fields) => frab([event(fields), { ...event(), ...fields }])),
    );
    fc.assert(
      fc.property(docs, fc.boolean(), (doc, pretalx) => {
        const e = thrown(() => parse(doc, pretalx ? 'pretalx-json' : 'frab-json'));
        if (e !== undefined && !(e instanceof ScheduleError)) throw e;
      }),
      { numRuns: 400 },
    );
  });
});
