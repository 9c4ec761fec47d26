// The schedule XML adapter (Pentabarf and frab/c3voc), through parseSchedule where possible.
// Times asserted below were read off the files' own text (<start>/<date>, <duration>).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../../../src/domain/errors';
import type { Conference, Talk } from '../../../src/domain/model';
import { parseSchedule } from '../../../src/domain/schedule';
import { parseScheduleXml } from '../../../src/domain/schedule/xml';
import { zoneFromOffsets } from '../../../src/domain/schedule/xml-time';
import { toVenueIso } from '../../../src/domain/time';
import { scheduleErrorOf } from '../../support/errors';
import { describeWithSharedData, readShared } from '../../support/shared-data';

const iso = (ms: number) => new Date(ms).toISOString();

function talkById(c: Conference, id: string): Talk {
  const talk = c.talks.find((t) => t.id === id);
  if (!talk) throw new Error(`no talk ${id}`);
  return talk;
}

/** Talks per day: the earliest start and the latest start (with its talk). */
function dayEdges(c: Conference, day: number) {
  const talks = c.talks.filter((t) => t.day === day);
  const latest = talks.reduce((a, b) => (b.start > a.start ? b : a));
  return { first: talks[0]!, latest };
}

describeWithSharedData('FOSDEM 2020 (Pentabarf XML, no zone name, no <date>)', () => {
  const c = parseSchedule(readShared('fosdem-2020-schedule.xml'));

  it('has every talk, room, day, track and person', () => {
    expect(c.source).toEqual({ format: 'pentabarf-xml' });
    expect(c.talks).toHaveLength(872);
    expect(c.rooms).toHaveLength(35);
    expect(new Set(c.talks.map((t) => t.room)).size).toBe(35);
    expect(c.days.map((d) => d.date)).toEqual(['2020-02-01', '2020-02-02']);
    expect(c.tracks).toHaveLength(71);
    expect(c.persons).toHaveLength(841);
    expect(c.timeZone).toBe('Europe/Brussels');
    expect(c.acronym).toBe('fosdem-2020');
    expect(c.title).toBe('FOSDEM 2020');
    expect(c.venue).toBe('ULB (Université Libre de Bruxelles)');
    expect(c.city).toBe('Brussels');
  });

  it('reads <start> on the day date in Brussels time: first and last talk of each day', () => {
    const sat = dayEdges(c, 0);
    expect(sat.first.id).toBe('9025'); // 09:30, 00:25, Janson
    expect(iso(sat.first.start)).toBe('2020-02-01T08:30:00.000Z');
    expect(iso(sat.first.end)).toBe('2020-02-01T08:55:00.000Z');
    expect(sat.latest.id).toBe('10695'); // 18:50, 00:10, AW1.125
    expect(iso(sat.latest.start)).toBe('2020-02-01T17:50:00.000Z');
    expect(iso(sat.latest.end)).toBe('2020-02-01T18:00:00.000Z');

    const sun = dayEdges(c, 1);
    expect(iso(sun.first.start)).toBe('2020-02-02T08:00:00.000Z');
    const radio = talkById(c, '10697'); // 09:00, 00:30, AW1.120
    expect(iso(radio.start)).toBe('2020-02-02T08:00:00.000Z');
    expect(iso(radio.end)).toBe('2020-02-02T08:30:00.000Z');
    expect(sun.latest.id).toBe('9024'); // Closing FOSDEM 2020, 17:50, 00:25
    expect(iso(sun.latest.start)).toBe('2020-02-02T16:50:00.000Z');
    expect(iso(sun.latest.end)).toBe('2020-02-02T17:15:00.000Z');
  });

  it('maps the talk fields, HTML as given', () => {
    const t = talkById(c, '9025');
    expect(t.key).toBe('slug:keynotes_welcome');
    expect(t.title).toBe('Welcome to FOSDEM 2020');
    expect(t.track).toBe('Keynotes');
    expect(t.type).toBe('keynote');
    expect(t.room).toBe('Janson');
    expect(t.abstract).toBe('<p>FOSDEM welcome and opening talk.</p>');
    expect(t.description).toBe('<p>Welcome to FOSDEM 2020!</p>');
    expect(t.persons).toEqual([{ id: '6', name: 'FOSDEM Staff' }]);
    expect(t.links.recordings.map((l) => l.url)).toEqual([
      'https://video.fosdem.org/2020/Janson/keynotes_welcome.webm',
      'https://video.fosdem.org/2020/Janson/keynotes_welcome.mp4',
    ]);
    expect(t.links.other).toEqual([
      { url: 'https://submission.fosdem.org/feedback/9025.php', title: 'Submit feedback' },
    ]);
  });

  it('flags and cleans the three CANCELLED titles and the 41 AMENDMENT prefixes', () => {
    const cancelled = c.talks.filter((t) => t.cancelled).map((t) => t.title);
    expect(cancelled.sort()).toEqual([
      'A way of GPU virtualization for container',
      'Testing apps with third-party API integrations',
      'United Nations Technology and Innovation Labs',
    ]);
    expect(c.talks.filter((t) => t.title.startsWith('AMENDMENT')).length).toBe(0);
    expect(c.talks.filter((t) => t.amended).length).toBe(41);
    const rook = c.talks.find((t) => t.title === 'Rook Cloud Native Storage for Kubernetes');
    expect(rook?.amended).toBe(true);
  });

  it('drops the dat:// link and trims hrefs with trailing spaces', () => {
    const urls = c.talks.flatMap((t) => [
      ...t.links.slides,
      ...t.links.recordings,
      ...t.links.other,
    ]);
    expect(urls.some((l) => l.url.startsWith('dat:'))).toBe(false);
    expect(urls.some((l) => /\s|%20$/.test(l.url))).toBe(false);
    expect(urls.map((l) => l.url)).toContain('https://vimeo.com/236161417');
    expect(urls.map((l) => l.url)).toContain('https://github.com/logicalclocks/maggy');
  });
});

describeWithSharedData('FOSDEM 2024 final (pretalx-made Pentabarf: guids, <date>, slugs)', () => {
  const c = parseSchedule(readShared('fosdem-2024-schedule.xml'));

  it('has every talk, lists every room and track, even those without talks', () => {
    expect(c.source).toEqual({ format: 'pentabarf-xml', version: 'latest' });
    expect(c.talks).toHaveLength(874);
    expect(c.rooms).toHaveLength(35);
    expect(new Set(c.talks.map((t) => t.room)).size).toBe(29);
    // The top-level <tracks> lists 67; 65 hold talks ("BOF - Track A/B" are empty).
    expect(c.tracks).toHaveLength(67);
    expect(new Set(c.talks.map((t) => t.track)).size).toBe(65);
    expect(c.days.map((d) => d.date)).toEqual(['2024-02-03', '2024-02-04']);
    expect(c.acronym).toBe('fosdem-2024');
    expect(c.timeZone).toBe('Europe/Brussels');
    expect(c.baseUrl).toBe('https://fosdem.org/2025/schedule/');
  });

  it('takes room slugs from the file', () => {
    const slug = (name: string) => c.rooms.find((r) => r.name === name)?.slug;
    expect(slug('K.1.105 (La Fontaine)')).toBe('k1105');
    expect(slug('UB2.252A (Lameere)')).toBe('ub2252a');
  });

  it('reads <date> with its offset: first and last talk of each day', () => {
    const sat = dayEdges(c, 0);
    expect(sat.first.id).toBe('3023');
    expect(iso(sat.first.start)).toBe('2024-02-03T08:30:00.000Z');
    expect(iso(sat.first.end)).toBe('2024-02-03T08:55:00.000Z');
    expect(sat.latest.id).toBe('3744'); // 18:55+01:00, 00:05, H.2214
    expect(iso(sat.latest.end)).toBe('2024-02-03T18:00:00.000Z');
    const sun = dayEdges(c, 1);
    expect(iso(sun.first.start)).toBe('2024-02-04T08:00:00.000Z');
    expect(iso(talkById(c, '3694').end)).toBe('2024-02-04T08:10:00.000Z');
    expect(sun.latest.id).toBe('3024'); // 17:50+01:00, 00:25
    expect(iso(sun.latest.start)).toBe('2024-02-04T16:50:00.000Z');
    expect(iso(sun.latest.end)).toBe('2024-02-04T17:15:00.000Z');
  });

  it('keeps guid, slug and url, and sorts attachments and links', () => {
    const t = talkById(c, '3023');
    expect(t.guid).toBe('5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039');
    expect(t.key).toBe('guid:5bb0aa4e-0c0e-5ccd-9523-0ed1ca679039');
    expect(t.slug).toBe('fosdem-2024-3023-welcome-to-fosdem-2024');
    expect(t.url).toBe(
      'https://fosdem.org/2025/schedule/event/fosdem-2024-3023-welcome-to-fosdem-2024/',
    );
    expect(t.language).toBe('en');
    expect(t.persons.map((p) => p.name)).toEqual(['FOSDEM Staff', 'Richard "RichiH" Hartmann']);
    expect(t.links.slides).toHaveLength(1);
    expect(t.links.slides[0]!.url).toMatch(/FOSDEM_Welcome_opening_talk.*\.pdf$/);
    expect(t.links.recordings).toHaveLength(2);
  });
});

describeWithSharedData('FOSDEM 2024 preliminary (weeks before the event)', () => {
  const c = parseSchedule(readShared('fosdem-2024-schedule-preliminary-2023-12-29.xml'));

  it('has its talks and lists its rooms, empty ones included', () => {
    expect(c.talks).toHaveLength(674);
    expect(c.rooms).toHaveLength(32);
    expect(new Set(c.talks.map((t) => t.room)).size).toBe(26);
    expect(c.days).toHaveLength(2);
    expect(c.source.format).toBe('pentabarf-xml');
  });

  it('has no guids, so its talks are keyed on slugs', () => {
    expect(c.talks.every((t) => t.guid === undefined && t.key.startsWith('slug:'))).toBe(true);
  });
});

describeWithSharedData('36C3 (frab XML, no zone name, <date> with +01:00)', () => {
  const text = readShared('36c3-schedule.xml');
  const c = parseSchedule(text);

  it('has every talk, room and day', () => {
    expect(c.source).toEqual({ format: 'frab-xml', version: 'mkdir' });
    expect(c.talks).toHaveLength(162);
    expect(c.rooms).toHaveLength(5);
    expect(c.days.map((d) => d.date)).toEqual([
      '2019-12-27',
      '2019-12-28',
      '2019-12-29',
      '2019-12-30',
    ]);
    expect(c.acronym).toBe('36c3');
    expect(c.tracks.map((t) => t.name)).toContain('Ethics, Society & Politics');
  });

  it('uses the fixed zone its offsets imply, showing the printed wall clock', () => {
    expect(c.timeZone).toBe('Etc/GMT-1');
    expect(toVenueIso(talkById(c, '11223').start, c.timeZone)).toBe('2019-12-27T11:00:00+01:00');
  });

  it('keeps after-midnight talks on their conference day: first and last of each day', () => {
    const opening = dayEdges(c, 0).first;
    expect(opening.id).toBe('11223');
    expect(iso(opening.start)).toBe('2019-12-27T10:00:00.000Z');
    expect(iso(opening.end)).toBe('2019-12-27T10:30:00.000Z');
    const jeopardy = dayEdges(c, 0).latest; // <date>2019-12-28T00:50:00+01:00, 02:00
    expect(jeopardy.id).toBe('11177');
    expect(iso(jeopardy.start)).toBe('2019-12-27T23:50:00.000Z');
    expect(iso(jeopardy.end)).toBe('2019-12-28T01:50:00.000Z');
    expect(iso(dayEdges(c, 1).first.start)).toBe('2019-12-28T10:30:00.000Z');
    const closing = dayEdges(c, 3).latest;
    expect(closing.id).toBe('11224'); // 17:20+01:00, 00:30
    expect(iso(closing.start)).toBe('2019-12-30T16:20:00.000Z');
    expect(iso(closing.end)).toBe('2019-12-30T16:50:00.000Z');
  });

  it('keys talks on guids, and drops relative attachments and hrefs without a scheme', () => {
    expect(talkById(c, '11223').key).toBe('guid:6a32cb72-a69d-423c-91b5-60d88eb8e6c7');
    expect(talkById(c, '10565').links.slides).toEqual([
      { url: 'https://wills.co.tt/bitbucket/36c3/messaging.pdf', title: 'Slides' },
    ]);
    const urls = c.talks.flatMap((t) => [
      ...t.links.slides,
      ...t.links.recordings,
      ...t.links.other,
    ]);
    expect(urls.every((l) => /^https?:\/\//.test(l.url))).toBe(true);
  });

  it('without <date> elements reads the same instants from <start>, rolling over at day start', () => {
    const noDates = parseSchedule(text.replace(/<date>[^<]*<\/date>\n/g, ''));
    expect(noDates.talks.map((t) => [t.key, t.start, t.end, t.day])).toEqual(
      c.talks.map((t) => [t.key, t.start, t.end, t.day]),
    );
  });
});

describeWithSharedData('a real file cut short', () => {
  it('FOSDEM 2020 cut in half is truncated, with where it stops', () => {
    const full = readShared('fosdem-2020-schedule.xml');
    const e = scheduleErrorOf(full.slice(0, Math.floor(full.length / 2)));
    expect(e.code).toBe('truncated');
    expect(e.where).toMatch(/^line \d+, column \d+$/);
    expect(e.problem).toMatch(/cut off/);
  });
});

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<schedule>\n';

function schedule(body: string, conference = '<title>Test Con</title>'): string {
  return `${HEAD}<conference>${conference}</conference>\n${body}\n</schedule>\n`;
}

function event(id: string, start: string, duration: string, extra = ''): string {
  return `<event id="${id}"><start>${start}</start><duration>${duration}</duration><room>Janson</room><title>Talk ${id}</title>${extra}</event>`;
}

describe('hand-made Pentabarf shapes', () => {
  it('reads the old FOSDEM shape: events directly in <day> with a <room> child', () => {
    const c = parseSchedule(
      schedule(
        `<day index="1" date="2007-02-24">${event('1', '10:00', '01:00')}${event('2', '11:00', '00:45')}</day>`,
        '<title>FOSDEM 2007</title><day_change>09:00:00</day_change>',
      ),
    );
    expect(c.source.format).toBe('pentabarf-xml');
    expect(c.timeZone).toBe('Europe/Brussels');
    expect(c.rooms.map((r) => r.name)).toEqual(['Janson']);
    expect(c.talks.map((t) => [t.id, iso(t.start), iso(t.end)])).toEqual([
      ['1', '2007-02-24T09:00:00.000Z', '2007-02-24T10:00:00.000Z'],
      ['2', '2007-02-24T10:00:00.000Z', '2007-02-24T10:45:00.000Z'],
    ]);
  });

  it('accepts HH:MM:SS starts and durations', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-01"><room name="Janson">${event('1', '09:30:30', '00:25:15')}</room></day>`,
      ),
    );
    expect(iso(c.talks[0]!.start)).toBe('2020-02-01T08:30:30.000Z');
    expect(iso(c.talks[0]!.end)).toBe('2020-02-01T08:55:45.000Z');
  });

  it('a talk across the spring DST change keeps its length (01:30 + 1 h ends 03:30 CEST)', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2024-03-31"><room name="Janson">${event('1', '01:30', '01:00')}</room></day>`,
        '<title>Night Con</title><time_zone_name>Europe/Brussels</time_zone_name>',
      ),
    );
    const t = c.talks[0]!;
    expect(iso(t.start)).toBe('2024-03-31T00:30:00.000Z');
    expect(iso(t.end)).toBe('2024-03-31T01:30:00.000Z');
    expect(toVenueIso(t.end, c.timeZone)).toBe('2024-03-31T03:30:00+02:00');
  });

  it('a day in summer time is read with +02:00', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2024-07-06"><room name="Janson">${event('1', '10:00', '00:30')}</room></day>`,
      ),
    );
    expect(iso(c.talks[0]!.start)).toBe('2024-07-06T08:00:00.000Z');
  });

  it('keeps both talks when a file repeats an event id, with distinct keys', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-01"><room name="Janson">${event('7', '10:00', '00:30')}${event('7', '11:00', '00:30')}</room></day>`,
      ),
    );
    expect(c.talks.map((t) => t.id)).toEqual(['7', '7']);
    expect(new Set(c.talks.map((t) => t.key)).size).toBe(2);
  });

  it('lists empty room wrappers and days without events', () => {
    const c = parseSchedule(
      schedule(
        '<day date="2020-02-01"><room name="Janson" slug="main-hall">' +
          `${event('1', '10:00', '00:30')}</room><room name="K.1.105 (La Fontaine)"/></day>` +
          '<day date="2020-02-02"><room name="Janson"/></day>',
      ),
    );
    expect(c.rooms.map((r) => [r.name, r.slug])).toEqual([
      ['Janson', 'main-hall'],
      ['K.1.105 (La Fontaine)', 'k1105'],
    ]);
    expect(c.days.map((d) => d.date)).toEqual(['2020-02-01', '2020-02-02']);
  });

  it('skips an event without a readable start, and says so when none is readable', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-01"><room name="Janson">${event('1', 'soon', '00:30')}${event('2', '10:00', 'long')}</room></day>`,
      ),
    );
    expect(c.talks.map((t) => t.id)).toEqual(['2']);
    expect(c.talks[0]!.end).toBe(c.talks[0]!.start); // unreadable duration: zero length
    const e = scheduleErrorOf(
      schedule(
        `<day date="2020-02-01"><room name="Janson">\n${event('1', '', '00:30')}</room></day>`,
      ),
    );
    expect(e.code).toBe('no-events');
    expect(e.where).toBe('line 5');
  });

  it('puts a talk after a night-time <day_change> on the next calendar date, same day', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2019-12-27"><room name="Ada">${event('1', '23:00', '01:00')}${event('2', '00:30', '01:00')}</room></day>`,
        '<title>Night Con</title><day_change>04:00</day_change>',
      ),
    );
    expect(c.talks.map((t) => [iso(t.start), t.day])).toEqual([
      ['2019-12-27T22:00:00.000Z', 0],
      ['2019-12-27T23:30:00.000Z', 0],
    ]);
  });

  it('maps persons, tracks with slugs, links, attachments, recordings and CDATA', () => {
    const extra =
      '<slug>talk_one</slug><track slug="rust">Rust</track><type>devroom</type><language>en</language>' +
      '<subtitle>  A  subtitle </subtitle><description><![CDATA[<p>Raw & ready</p>]]></description>' +
      '<persons><person id="42">Ada  Lovelace</person><person>Grace Hopper</person></persons>' +
      '<attachments><attachment type="slides" href="https://example.org/s.pdf">Slides</attachment></attachments>' +
      '<links><link href="thttps://example.org/typo">Typo</link><link href="mailto:a@b.c">Mail</link>' +
      '<link href="/relative">Relative</link><link href=" https://example.org/a b ">Spaced</link></links>' +
      '<recording><license>CC BY 4.0</license><url>https://cdn.media.ccc.de/x.mp4</url></recording>' +
      '<unknown><nested>ignored</nested></unknown>';
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-01"><room name="Janson">${event('1', '10:00', '00:30', extra)}</room></day>`,
        '<acronym>testcon</acronym><title>Test Con</title><track name="Rust" slug="rust-lang"/>',
      ),
    );
    const t = c.talks[0]!;
    expect(t.key).toBe('slug:talk_one');
    expect(t.subtitle).toBe('A subtitle');
    expect(t.description).toBe('<p>Raw & ready</p>');
    expect(t.persons).toEqual([
      { id: '42', name: 'Ada Lovelace' },
      { id: 'grace-hopper', name: 'Grace Hopper' },
    ]);
    expect(t.links.slides.map((l) => l.url)).toEqual(['https://example.org/s.pdf']);
    expect(t.links.recordings.map((l) => l.url)).toEqual(['https://cdn.media.ccc.de/x.mp4']);
    expect(t.links.other.map((l) => l.url)).toEqual(['https://example.org/a%20b']);
    expect(c.tracks).toEqual([{ name: 'Rust', slug: 'rust-lang' }]);
  });
  it('takes a track slug from the event when the file lists no tracks', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-01"><room name="A">${event('1', '10:00', '00:30', '<track slug="golang">Go</track>')}</room></day>`,
      ),
    );
    expect(c.tracks).toEqual([{ name: 'Go', slug: 'golang' }]);
  });

  it('ignores a day date that is not a calendar date (its talks need a <date>)', () => {
    const c = parseSchedule(
      schedule(
        `<day date="2020-02-30"><room name="A">${event('1', '10:00', '00:30')}` +
          `${event('2', '10:00', '00:30', '<date>2020-02-01T10:00:00+01:00</date>')}</room></day>`,
      ),
    );
    expect(c.talks.map((t) => t.id)).toEqual(['2']);
    expect(c.days.map((d) => d.date)).toEqual(['2020-02-01']);
  });
});

describe('format and zone rules', () => {
  const day = `<day date="2020-02-01"><room name="A"><event id="1" guid="a7f1c2d4-0000-4000-8000-000000000001"><date>2020-02-01T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration><title>T</title></event></room></day>`;

  it('frab-xml when a <generator> says so (or guids without a Pentabarf <day_change>)', () => {
    const frab = parseScheduleXml(
      `<schedule><generator name="frab" version="0.7"/>${day}</schedule>`,
    );
    expect(frab.format).toBe('frab-xml');
    expect(parseScheduleXml(`<schedule><generator name="pretalx"/>${day}</schedule>`).format).toBe(
      'frab-xml',
    );
    expect(parseScheduleXml(`<schedule>${day}</schedule>`).format).toBe('frab-xml');
    const fosdemLike = `<schedule><conference><day_change>09:00:00</day_change></conference>${day}</schedule>`;
    expect(parseScheduleXml(fosdemLike).format).toBe('pentabarf-xml');
  });

  it('<time_zone_name> wins; else the offsets decide', () => {
    const named = `<schedule><conference><time_zone_name>Europe/Berlin</time_zone_name></conference>${day}</schedule>`;
    expect(parseScheduleXml(named).timeZone).toBe('Europe/Berlin');
    const sample = (date: string, offsetMin: number) => ({ utc: Date.parse(date), offsetMin });
    expect(zoneFromOffsets([sample('2020-02-01T10:00:00-05:00', -300)])).toBe('Etc/GMT+5');
    expect(zoneFromOffsets([sample('2020-02-01T10:00:00Z', 0)])).toBe('UTC');
    expect(zoneFromOffsets([sample('2020-01-13T09:00:00+05:30', 330)])).toBe('Asia/Kolkata');
    // A conference across the October DST change: +02:00 then +01:00.
    const across = [
      sample('2019-10-26T10:00:00+02:00', 120),
      sample('2019-10-27T10:00:00+01:00', 60),
    ];
    expect(zoneFromOffsets(across)).toBe('Europe/Brussels');
    expect(zoneFromOffsets([])).toBe('Europe/Brussels');
  });
});

describe('errors: ScheduleError only, with a code and where', () => {
  it('a truncated file', () => {
    const e = scheduleErrorOf(
      schedule(`<day date="2020-02-01">${event('1', '10:00', '00:30')}</day>`).slice(0, 120),
    );
    expect(e.code).toBe('truncated');
    expect(e.where).toMatch(/^line \d+, column \d+$/);
  });

  it('a root element that is not <schedule> is named', () => {
    const e = scheduleErrorOf('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>');
    expect(e.code).toBe('not-a-schedule');
    expect(e.problem).toMatch(/<rss>/);
    expect(e.where).toBe('line 2');
  });

  it('an undefined entity (HTML &nbsp; in XML) is malformed, with line and column', () => {
    const e = scheduleErrorOf(schedule('<day date="2020-02-01">\n<room name="A&nbsp;B"/></day>'));
    expect(e.code).toBe('malformed');
    expect(e.problem).toMatch(/undefined entity/);
    expect(e.where).toMatch(/^line 5, column \d+$/);
  });

  it('mismatched tags are malformed', () => {
    const e = scheduleErrorOf(schedule('<day date="2020-02-01"><room name="A"></day></room>'));
    expect(e.code).toBe('malformed');
    expect(e.where).toMatch(/^line 4/);
  });

  it('never throws anything else, whatever is cut or garbled', () => {
    const base = schedule(
      `<day date="2020-02-01"><room name="A">${event('1', '10:00', '00:30', '<persons><person id="1">P</person></persons><links><link href="https://x.org">L</link></links>')}</room></day>`,
    );
    fc.assert(
      fc.property(
        fc.nat(base.length),
        fc.nat(base.length),
        fc.string({ maxLength: 8 }),
        (cut, at, junk) => {
          const text = base.slice(0, at) + junk + base.slice(at, Math.max(at, cut));
          try {
            parseScheduleXml(text);
          } catch (e) {
            expect(e).toBeInstanceOf(ScheduleError);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
