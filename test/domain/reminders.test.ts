import { describe, expect, it } from 'vitest';
import type { Talk } from '../../src/domain/model';
import {
  DEFAULT_REMINDER_SETTINGS,
  MAX_REMINDERS,
  normalizeReminderSettings,
  reminderInstants,
  remindersAt,
  reminderText,
  reminderTimes,
} from '../../src/domain/reminders';
import { parseSchedule } from '../../src/domain/schedule';
import { MINUTE } from '../../src/domain/time';
import { ULB_SOLBOSCH, venueForConference } from '../../src/domain/venue';
import { describeWithSharedData, readShared } from '../support/shared-data';

/** A talk on 2027-02-06 from hh:mm to hh:mm, Brussels time. */
function talk(key: string, room: string, from: string, to: string, extra: Partial<Talk> = {}) {
  return {
    key,
    id: key,
    title: `Talk ${key}`,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'talk',
    track: '',
    language: 'en',
    persons: [],
    start: at(from),
    end: at(to),
    day: 0,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
    ...extra,
  } satisfies Talk;
}
const at = (hhmm: string) => Date.parse(`2027-02-06T${hhmm}:00+01:00`);
const EARLY = at('08:00');
const venue = ULB_SOLBOSCH;

describe('reminderTimes: when each bookmarked talk reminds', () => {
  it('reminds 5 minutes before by default, earliest first', () => {
    const talks = [talk('b', 'K.3.401', '12:00', '12:30'), talk('a', 'Janson', '10:00', '10:50')];
    expect(reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY)).toEqual([
      { talk: 'a', at: at('09:55'), leaveNow: false },
      { talk: 'b', at: at('11:55'), leaveNow: false },
    ]);
  });

  it('follows the chosen number of minutes, and 0 turns every reminder off', () => {
    const talks = [talk('a', 'Janson', '10:00', '10:50')];
    expect(reminderTimes(talks, { minutesBefore: 15, off: [] }, venue, EARLY)[0]?.at).toBe(
      at('09:45'),
    );
    expect(reminderTimes(talks, { minutesBefore: 0, off: [] }, venue, EARLY)).toEqual([]);
  });

  it('skips a talk whose reminder is switched off, and cancelled talks', () => {
    const talks = [
      talk('a', 'Janson', '10:00', '10:50'),
      talk('b', 'Janson', '11:00', '11:50', { cancelled: true }),
      talk('c', 'Janson', '12:00', '12:50'),
    ];
    const keys = reminderTimes(talks, { minutesBefore: 5, off: ['a'] }, venue, EARLY).map(
      (r) => r.talk,
    );
    expect(keys).toEqual(['c']);
  });

  it('says "leave now" when the walk from the previous talk is at least the lead time', () => {
    // AW → K is a 12-minute walk: the reminder comes when you must leave AW1.120.
    const talks = [talk('aw', 'AW1.120', '14:00', '14:25'), talk('k', 'K.3.401', '14:30', '14:55')];
    const [, k] = reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY);
    expect(k).toEqual({
      talk: 'k',
      at: at('14:18'),
      leaveNow: true,
      walkMinutes: 12,
      fromRoom: 'AW1.120',
    });
  });

  it('keeps the usual lead, with the walk, when the walk is shorter', () => {
    const talks = [talk('a', 'K.3.401', '10:00', '10:25'), talk('b', 'K.3.201', '10:30', '10:55')];
    const [, b] = reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY);
    expect(b).toMatchObject({ at: at('10:25'), leaveNow: false, fromRoom: 'K.3.401' });
    expect(b!.walkMinutes).toBeLessThan(5);
  });

  it('counts no walk from a talk that ended long before, from a cancelled one, or in the same room', () => {
    const talks = [
      talk('long-ago', 'AW1.120', '09:00', '09:30'),
      talk('k', 'K.3.401', '10:30', '10:55'),
      talk('gone', 'AW1.121', '11:00', '11:20', { cancelled: true }),
      talk('k2', 'K.3.401', '11:30', '11:55'),
      talk('k3', 'K.3.401', '12:00', '12:30'),
    ];
    const byKey = new Map(
      reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY).map((r) => [r.talk, r]),
    );
    expect(byKey.get('k')).toEqual({ talk: 'k', at: at('10:25'), leaveNow: false });
    // k2's previous talk is k (same room, 35 min before: outside the window) → no walk at all.
    expect(byKey.get('k2')).toEqual({ talk: 'k2', at: at('11:25'), leaveNow: false });
    expect(byKey.get('k3')).toEqual({ talk: 'k3', at: at('11:55'), leaveNow: false });
  });

  it('without a venue model there is no walk and no "leave now"', () => {
    const talks = [talk('a', 'Hall 1', '10:00', '10:25'), talk('b', 'Hall 2', '10:30', '10:55')];
    expect(reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, undefined, EARLY)[1]).toEqual({
      talk: 'b',
      at: at('10:25'),
      leaveNow: false,
    });
  });

  it('drops reminders already past and talks already started', () => {
    const talks = [talk('a', 'Janson', '10:00', '10:50'), talk('b', 'Janson', '11:00', '11:50')];
    expect(
      reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, at('10:54')).map((r) => r.talk),
    ).toEqual(['b']);
    expect(reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, at('10:56'))).toEqual([]);
  });

  it(`keeps at most ${MAX_REMINDERS}, the earliest`, () => {
    const many = Array.from({ length: MAX_REMINDERS + 50 }, (_, i) =>
      talk(`t${i}`, 'Janson', '10:00', '10:30', {
        start: at('10:00') + i * 30 * MINUTE,
        end: at('10:30') + i * 30 * MINUTE,
      }),
    );
    const reminders = reminderTimes(many, DEFAULT_REMINDER_SETTINGS, venue, EARLY);
    expect(reminders).toHaveLength(MAX_REMINDERS);
    expect(reminders.at(-1)?.talk).toBe(`t${MAX_REMINDERS - 1}`);
  });
});

describe('what the relay is told and how a push finds its talks again', () => {
  const talks = [
    talk('a', 'Janson', '10:00', '10:50'),
    talk('b', 'K.3.401', '10:00', '10:50'),
    talk('c', 'Janson', '11:00', '11:50'),
  ];
  const reminders = reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY);

  it('sends only distinct instants, never talk keys', () => {
    // c: you may be in K.3.401 (b) or in Janson (a) until 10:50: the longer walk (10 min) counts.
    expect(reminderInstants(reminders)).toEqual([at('09:55'), at('10:50')]);
    expect(reminders.at(-1)).toMatchObject({ talk: 'c', leaveNow: true, fromRoom: 'K.3.401' });
  });

  it('a push for 09:55 stands for both talks starting at 10:00', () => {
    expect(remindersAt(reminders, at('09:55')).map((r) => r.talk)).toEqual(['a', 'b']);
    expect(remindersAt(reminders, at('09:55') + 30_000).map((r) => r.talk)).toEqual(['a', 'b']);
    expect(remindersAt(reminders, at('10:30'))).toEqual([]);
  });
});

describe('reminderText', () => {
  it('names the room with its building and floor', () => {
    const t = talk('k', 'K.3.401', '11:00', '11:30', { title: 'Kubernetes' });
    const [r] = reminderTimes([t], DEFAULT_REMINDER_SETTINGS, venue, EARLY);
    expect(reminderText(r!, t, venue, at('10:55'))).toEqual({
      title: 'In 5 min: Kubernetes',
      body: 'K.3.401 (building K, floor 3)',
    });
  });

  it('"Leave now" with the walk and the time left', () => {
    const talks = [talk('aw', 'AW1.120', '14:00', '14:25'), talk('k', 'K.3.401', '14:30', '14:55')];
    const r = reminderTimes(talks, DEFAULT_REMINDER_SETTINGS, venue, EARLY)[1]!;
    expect(reminderText(r, talks[1]!, venue, r.at)).toEqual({
      title: 'Leave now: Talk k',
      body: 'K.3.401 (building K, floor 3) · 12 min walk from AW1.120 · starts in 12 min',
    });
  });
});

describe('normalizeReminderSettings', () => {
  it('keeps good values and replaces bad ones with the defaults', () => {
    expect(normalizeReminderSettings({ minutesBefore: 10, off: ['a', 3] })).toEqual({
      minutesBefore: 10,
      off: ['a'],
    });
    expect(normalizeReminderSettings(undefined)).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(normalizeReminderSettings({ minutesBefore: -1 })).toEqual(DEFAULT_REMINDER_SETTINGS);
    expect(normalizeReminderSettings({ minutesBefore: 2.5 }).minutesBefore).toBe(5);
  });
});

describeWithSharedData('reminders on FOSDEM 2020 (the attendee of USER-STORY.md)', () => {
  const conference = parseSchedule(readShared('fosdem-2020-schedule.xml'));
  const fosdem = venueForConference(conference);
  const pick = (slug: string) => conference.talks.find((t) => t.key === `slug:${slug}`)!;

  it('two container talks in Decroly, then "leave now" for ONLYOFFICE in building AW', () => {
    const podman = pick('containers_podman');
    const lazy = pick('containers_lazy_image_distribution');
    const office = pick('onlyoffice_securly_collaborate');
    const reminders = reminderTimes(
      [office, lazy, podman],
      DEFAULT_REMINDER_SETTINGS,
      fosdem,
      Date.parse('2020-02-01T08:00:00Z'),
    );
    expect(reminders.map((r) => [r.talk, new Date(r.at).toISOString()])).toEqual([
      ['slug:containers_podman', '2020-02-01T09:25:00.000Z'],
      ['slug:containers_lazy_image_distribution', '2020-02-01T09:50:00.000Z'],
      ['slug:onlyoffice_securly_collaborate', '2020-02-01T10:22:00.000Z'],
    ]);
    const text = reminderText(reminders[2]!, office, fosdem, reminders[2]!.at);
    expect(text.title).toMatch(/^Leave now: ONLYOFFICE/);
    expect(text.body).toBe(
      'AW1.120 (building AW, floor 1) · 8 min walk from UD2.208 (Decroly) · starts in 8 min',
    );
  });
});
