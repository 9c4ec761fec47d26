// Venue wall clock ⇄ UTC instants. Every result must be the same whatever the device's zone:
// run these also with TZ=America/New_York and TZ=Asia/Tokyo.
import { describe, expect, it } from 'vitest';
import {
  isValidTimeZone,
  parseClock,
  parseDurationMs,
  parseIsoDate,
  parseVenueDateTime,
  toVenueIso,
  venueDate,
  venueTime,
  zonedParts,
  zonedToUtc,
  zoneOffsetMs,
} from '../../src/domain/time';

const BRUSSELS = 'Europe/Brussels';
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const utc = (text: string) => Date.parse(text);

describe('zonedToUtc (venue wall clock → instant)', () => {
  it('reads FOSDEM times in winter (+01:00) and a summer day (+02:00)', () => {
    const winter = zonedToUtc({ year: 2020, month: 2, day: 1 }, { hour: 9, minute: 30 }, BRUSSELS);
    expect(iso(winter)).toBe('2020-02-01T08:30:00.000Z');
    const summer = zonedToUtc({ year: 2024, month: 7, day: 6 }, { hour: 10, minute: 0 }, BRUSSELS);
    expect(iso(summer)).toBe('2024-07-06T08:00:00.000Z');
  });

  it('keeps seconds', () => {
    const t = zonedToUtc(
      { year: 2020, month: 2, day: 1 },
      { hour: 9, minute: 30, second: 15 },
      BRUSSELS,
    );
    expect(iso(t)).toBe('2020-02-01T08:30:15.000Z');
  });

  it('spring-forward gap (Brussels 2024-03-31 02:00→03:00): 02:30 is read with the winter offset', () => {
    const t = zonedToUtc({ year: 2024, month: 3, day: 31 }, { hour: 2, minute: 30 }, BRUSSELS);
    expect(iso(t)).toBe('2024-03-31T01:30:00.000Z');
    expect(toVenueIso(t, BRUSSELS)).toBe('2024-03-31T03:30:00+02:00');
  });

  it('times either side of the gap are exact', () => {
    const before = zonedToUtc({ year: 2024, month: 3, day: 31 }, { hour: 1, minute: 59 }, BRUSSELS);
    const after = zonedToUtc({ year: 2024, month: 3, day: 31 }, { hour: 3, minute: 0 }, BRUSSELS);
    expect(iso(before)).toBe('2024-03-31T00:59:00.000Z');
    expect(iso(after)).toBe('2024-03-31T01:00:00.000Z');
  });

  it('autumn overlap (Brussels 2024-10-27 03:00→02:00): 02:30 happens twice, the earlier wins', () => {
    const t = zonedToUtc({ year: 2024, month: 10, day: 27 }, { hour: 2, minute: 30 }, BRUSSELS);
    expect(iso(t)).toBe('2024-10-27T00:30:00.000Z');
    expect(toVenueIso(t, BRUSSELS)).toBe('2024-10-27T02:30:00+02:00');
    expect(toVenueIso(t + 3_600_000, BRUSSELS)).toBe('2024-10-27T02:30:00+01:00');
  });

  it('works for zones west of UTC and with half-hour offsets', () => {
    const ny = zonedToUtc(
      { year: 2024, month: 3, day: 10 },
      { hour: 2, minute: 30 },
      'America/New_York',
    );
    expect(iso(ny)).toBe('2024-03-10T07:30:00.000Z'); // gap: read as EST
    const adelaide = zonedToUtc(
      { year: 2020, month: 1, day: 13 },
      { hour: 9, minute: 0 },
      'Australia/Adelaide',
    );
    expect(iso(adelaide)).toBe('2020-01-12T22:30:00.000Z');
  });
});

describe('zoneOffsetMs and zonedParts', () => {
  it('gives the offset in force at an instant, either side of a change', () => {
    expect(zoneOffsetMs(utc('2024-03-31T00:59:59Z'), BRUSSELS)).toBe(3_600_000);
    expect(zoneOffsetMs(utc('2024-03-31T01:00:00Z'), BRUSSELS)).toBe(7_200_000);
    expect(zoneOffsetMs(utc('2024-10-27T00:59:59Z'), BRUSSELS)).toBe(7_200_000);
    expect(zoneOffsetMs(utc('2024-10-27T01:00:00Z'), BRUSSELS)).toBe(3_600_000);
    expect(zoneOffsetMs(utc('2024-07-01T12:00:00Z'), 'America/New_York')).toBe(-4 * 3_600_000);
  });

  it('gives the venue wall clock and weekday', () => {
    expect(zonedParts(utc('2020-02-01T23:30:00Z'), BRUSSELS)).toEqual({
      year: 2020,
      month: 2,
      day: 2,
      hour: 0,
      minute: 30,
      second: 0,
      weekday: 0,
    });
  });
});

describe('toVenueIso, venueDate, venueTime', () => {
  it('writes the venue offset: +01:00 in winter, +02:00 in summer', () => {
    expect(toVenueIso(utc('2020-02-01T08:30:00Z'), BRUSSELS)).toBe('2020-02-01T09:30:00+01:00');
    expect(toVenueIso(utc('2024-07-06T08:00:00Z'), BRUSSELS)).toBe('2024-07-06T10:00:00+02:00');
    expect(toVenueIso(utc('2024-07-06T08:00:00Z'), 'America/New_York')).toBe(
      '2024-07-06T04:00:00-04:00',
    );
    expect(toVenueIso(utc('2024-07-06T08:00:00Z'), 'UTC')).toBe('2024-07-06T08:00:00+00:00');
  });

  it('a talk just after local midnight is on the next venue date', () => {
    const t = utc('2019-12-27T23:50:00Z');
    expect(venueDate(t, 'Europe/Berlin')).toBe('2019-12-28');
    expect(venueTime(t, 'Europe/Berlin')).toBe('00:50');
    expect(venueDate(t, 'UTC')).toBe('2019-12-27');
  });
});

describe('parseVenueDateTime (the --at option and the time-travel clock)', () => {
  it('reads venue-local "YYYY-MM-DD HH:MM" and the T form', () => {
    expect(iso(parseVenueDateTime('2024-02-03 11:00', BRUSSELS))).toBe('2024-02-03T10:00:00.000Z');
    expect(iso(parseVenueDateTime('2024-02-03T11:00:30', BRUSSELS))).toBe(
      '2024-02-03T10:00:30.000Z',
    );
    expect(iso(parseVenueDateTime(' 2024-07-06 9:05 ', BRUSSELS))).toBe('2024-07-06T07:05:00.000Z');
  });

  it('an explicit offset or Z wins over the venue zone', () => {
    expect(iso(parseVenueDateTime('2024-02-03T11:00:00+02:00', BRUSSELS))).toBe(
      '2024-02-03T09:00:00.000Z',
    );
    expect(iso(parseVenueDateTime('2024-02-03T11:00:00Z', BRUSSELS))).toBe(
      '2024-02-03T11:00:00.000Z',
    );
  });

  it('local times in the DST gap and overlap follow zonedToUtc', () => {
    expect(iso(parseVenueDateTime('2024-03-31 02:30', BRUSSELS))).toBe('2024-03-31T01:30:00.000Z');
    expect(iso(parseVenueDateTime('2024-10-27 02:30', BRUSSELS))).toBe('2024-10-27T00:30:00.000Z');
  });

  it('refuses what is not a date and time', () => {
    for (const bad of [
      '',
      'tomorrow',
      '2024-02-30 10:00',
      '2024-02-03 24:00',
      '2024-02-03 10:61',
    ]) {
      expect(parseVenueDateTime(bad, BRUSSELS), bad).toBeUndefined();
    }
  });
});

describe('small parsers', () => {
  it('parseIsoDate checks the calendar', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2023-02-29')).toBeUndefined();
    expect(parseIsoDate('2024-2-3')).toBeUndefined();
  });

  it('parseClock reads HH:MM and HH:MM:SS', () => {
    expect(parseClock('09:30')).toEqual({ hour: 9, minute: 30, second: 0 });
    expect(parseClock('9:30:15')).toEqual({ hour: 9, minute: 30, second: 15 });
    expect(parseClock('09:60')).toBeUndefined();
    expect(parseClock('0930')).toBeUndefined();
  });

  it('parseDurationMs reads Pentabarf durations, hours beyond a day included', () => {
    expect(parseDurationMs('00:25')).toBe(25 * 60_000);
    expect(parseDurationMs('01:30:30')).toBe((90 * 60 + 30) * 1000);
    expect(parseDurationMs('26:00')).toBe(26 * 3_600_000);
    expect(parseDurationMs('soon')).toBeUndefined();
  });

  it('isValidTimeZone knows IANA zones only', () => {
    expect(isValidTimeZone(BRUSSELS)).toBe(true);
    expect(isValidTimeZone('Etc/GMT-1')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('zonedParts without an Intl call per instant', () => {
  // zonedParts asks Intl once per zone and quarter hour; this checks it against Intl itself,
  // minute by minute, around DST changes (including Lord Howe's half-hour shift).
  const cases: [string, string][] = [
    ['Europe/Brussels', '2024-03-31T00:00:00Z'],
    ['Europe/Brussels', '2024-10-27T00:00:00Z'],
    ['America/New_York', '2024-03-10T05:00:00Z'],
    ['Australia/Lord_Howe', '2024-04-06T14:00:00Z'],
    ['Asia/Kolkata', '2024-01-01T00:00:00Z'],
  ];
  for (const [zone, from] of cases) {
    it(`agrees with Intl in ${zone} from ${from} for 6 hours`, () => {
      const intl = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      });
      const start = Date.parse(from);
      for (let t = start; t < start + 6 * 3600_000; t += 7 * 60_000) {
        const want = Object.fromEntries(
          intl.formatToParts(new Date(t)).map((p) => [p.type, p.value]),
        );
        const got = zonedParts(t, zone);
        expect([got.year, got.month, got.day, got.hour, got.minute]).toEqual(
          [want.year, want.month, want.day, want.hour, want.minute].map(Number),
        );
      }
    });
  }
});
