import { describe, expect, it } from 'vitest';
import { affecting, describeDiff, diffConferences } from '../../src/domain/diff';
import type { Conference, Talk } from '../../src/domain/model';
import { parseSchedule } from '../../src/domain/schedule/index';
import { describeWithSharedData, readShared } from '../support/shared-data';

const H = 3_600_000;
const SAT = Date.UTC(2024, 1, 3, 9); // 10:00 in Brussels

function talk(key: string, over: Partial<Talk> = {}): Talk {
  return {
    key,
    id: key,
    title: `Talk ${key}`,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'devroom',
    track: 'Go devroom',
    language: 'en',
    persons: [],
    start: SAT,
    end: SAT + H / 2,
    day: 0,
    room: 'UD2.208 (Decroly)',
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
    ...over,
  };
}

function conference(talks: Talk[]): Conference {
  return {
    acronym: 'fosdem-2024',
    title: 'FOSDEM 2024',
    timeZone: 'Europe/Brussels',
    days: [],
    rooms: [],
    tracks: [],
    talks,
    persons: [],
    source: { format: 'pentabarf-xml' },
  };
}

describe('diffConferences on hand-made versions', () => {
  it('lists added, removed, moved, retimed and retitled talks, counting each changed talk once', () => {
    const old = conference([
      talk('slug:a'),
      talk('slug:b'),
      talk('slug:gone'),
      talk('slug:same'),
      talk('slug:c'),
    ]);
    const next = conference([
      talk('slug:a', { room: 'K.3.201' }),
      talk('slug:b', { start: SAT + H, end: SAT + 1.5 * H, room: 'Janson' }),
      talk('slug:new'),
      talk('slug:same'),
      talk('slug:c', { title: 'A better title' }),
    ]);
    const diff = diffConferences(old, next);
    expect(diff.counts).toEqual({
      added: 1,
      removed: 1,
      moved: 2,
      retimed: 1,
      retitled: 1,
      cancelled: 0,
      uncancelled: 0,
      changed: 3,
      unchanged: 1,
    });
    expect(diff.moved[0]).toEqual({
      key: 'slug:a',
      title: 'Talk slug:a',
      before: 'UD2.208 (Decroly)',
      after: 'K.3.201',
    });
    expect(diff.retimed[0]?.after).toEqual({ start: SAT + H, end: SAT + 1.5 * H });
    expect(diff.retitled[0]).toMatchObject({ before: 'Talk slug:c', after: 'A better title' });
    expect(diff.removed.map((t) => t.key)).toEqual(['slug:gone']);
    expect(diff.added.map((t) => t.key)).toEqual(['slug:new']);
    expect(describeDiff(diff.counts)).toBe(
      '1 new talk, 1 removed, 2 moved room, 1 new time, 1 renamed.',
    );
  });

  it('when a title only gains a CANCELLED marker, the talk is cancelled, not retitled', () => {
    // The parser strips the marker and sets `cancelled`; the cleaned titles are equal.
    const old = conference([talk('slug:x', { title: 'Rust in the kernel' }), talk('slug:y')]);
    const next = conference([
      talk('slug:x', { title: 'Rust in the kernel', cancelled: true }),
      talk('slug:y', { title: 'Something else entirely', cancelled: true }),
    ]);
    const diff = diffConferences(old, next);
    expect(diff.cancelled.map((t) => t.key)).toEqual(['slug:x', 'slug:y']);
    expect(diff.retitled.map((t) => t.key)).toEqual(['slug:y']);
    expect(diffConferences(next, old).uncancelled.map((t) => t.key)).toEqual(['slug:x', 'slug:y']);
  });

  it('a cancelled talk that stays cancelled is not reported again', () => {
    const both = [talk('slug:x', { cancelled: true })];
    expect(diffConferences(conference(both), conference(both)).counts.changed).toBe(0);
  });

  it('pairs a talk whose key went from slug to guid, and lists it as rekeyed', () => {
    const old = conference([talk('slug:s1', { slug: 's1' })]);
    const next = conference([talk('guid:g1', { slug: 's1', guid: 'g1', room: 'Janson' })]);
    const diff = diffConferences(old, next);
    expect(diff.counts.added + diff.counts.removed).toBe(0);
    expect(diff.rekeyed).toEqual([{ from: 'slug:s1', to: 'guid:g1' }]);
    expect(diff.moved[0]).toMatchObject({ key: 'guid:g1', previousKey: 'slug:s1' });
  });

  it('does not pair two talks that share a slug but have different guids', () => {
    const old = conference([talk('guid:g1', { slug: 's', guid: 'g1' })]);
    const next = conference([talk('guid:g2', { slug: 's', guid: 'g2' })]);
    expect(diffConferences(old, next).counts).toMatchObject({ added: 1, removed: 1 });
  });
});

describe('affecting: what happened to my bookmarked talks', () => {
  const old = conference([talk('slug:a'), talk('slug:b'), talk('slug:c'), talk('slug:d')]);
  const next = conference([
    talk('slug:a', { room: 'Janson' }),
    talk('slug:b', { room: 'K.1.105 (La Fontaine)' }),
    talk('slug:c', { cancelled: true }),
  ]);
  const diff = diffConferences(old, next);

  it('says "2 of your talks moved, 1 was cancelled" in one sentence', () => {
    const mine = affecting(diff, new Set(['slug:a', 'slug:b', 'slug:c']));
    expect(mine).toMatchObject({ moved: 2, cancelled: 1, removed: 0, talks: 3 });
    expect(mine.sentence).toBe('2 of your talks moved and 1 was cancelled.');
  });

  it('names removed talks, agrees in number, and says when nothing changed', () => {
    expect(affecting(diff, new Set(['slug:d'])).sentence).toBe(
      '1 of your talks was removed from the schedule.',
    );
    expect(affecting(diff, new Set(['slug:c', 'slug:d', 'slug:a'])).sentence).toBe(
      '1 of your talks moved, 1 was cancelled and 1 was removed from the schedule.',
    );
    expect(affecting(diff, new Set(['slug:zzz'])).sentence).toBe('None of your talks changed.');
  });

  it('matches bookmarks saved under the key the talk had before', () => {
    const d = diffConferences(
      conference([talk('slug:s1', { slug: 's1', title: 'Go generics' })]),
      conference([
        talk('guid:g1', {
          slug: 's1',
          guid: 'g1',
          title: 'Go generics',
          start: SAT + H,
          end: SAT + 2 * H,
        }),
      ]),
    );
    expect(affecting(d, new Set(['slug:s1'])).sentence).toBe('1 of your talks changed time.');
  });
});

/** One `<event>` of a Pentabarf file, read with plain regexes (independent of the parser). */
interface ScannedEvent {
  title: string;
  cancelled: boolean;
  room: string;
  when: string;
}

// Our rule, applied here independently: a leading CANCELLED/CANCELED marker (optionally in
// brackets) is not part of the title; gaining or losing it is (un)cancelling, not retitling.
const CANCEL_MARK = /^\[?\s*cancell?ed\s*\]?\s*[:\-–—]?\s*/i;

function scanEvents(xml: string): Map<string, ScannedEvent> {
  const out = new Map<string, ScannedEvent>();
  for (const day of xml.matchAll(/<day\b[^>]*\bdate="([^"]+)"[^>]*>([\s\S]*?)<\/day>/g)) {
    for (const ev of (day[2] ?? '').matchAll(/<event\b[^>]*>([\s\S]*?)<\/event>/g)) {
      const field = (tag: string) =>
        decode(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(ev[1] ?? '')?.[1] ?? '');
      const raw = field('title').replace(/\s+/g, ' ').trim();
      const cancelled = CANCEL_MARK.test(raw);
      out.set(field('slug'), {
        title: raw.replace(CANCEL_MARK, ''),
        cancelled,
        room: field('room'),
        when: `${day[1]} ${field('start')} +${field('duration')}`,
      });
    }
  }
  return out;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

describeWithSharedData('diffConferences on FOSDEM 2024, preliminary → final', () => {
  const oldXml = readShared('fosdem-2024-schedule-preliminary-2023-12-29.xml');
  const newXml = readShared('fosdem-2024-schedule.xml');

  it('finds the same changes as a by-slug comparison of the two files', () => {
    const a = scanEvents(oldXml);
    const b = scanEvents(newXml);
    const common = [...a.keys()].filter((s) => b.has(s));
    const both = (test: (x: ScannedEvent, y: ScannedEvent) => boolean) =>
      common.filter((s) => test(a.get(s)!, b.get(s)!)).length;
    const expected = {
      added: [...b.keys()].filter((s) => !a.has(s)).length,
      removed: [...a.keys()].filter((s) => !b.has(s)).length,
      moved: both((x, y) => x.room !== y.room),
      retimed: both((x, y) => x.when !== y.when),
      retitled: both((x, y) => x.title !== y.title),
      cancelled: both((x, y) => !x.cancelled && y.cancelled),
      uncancelled: both((x, y) => x.cancelled && !y.cancelled),
    };
    // What these two files hold (every numeric id changed; slugs stayed; guids appeared).
    expect(expected).toEqual({
      added: 259,
      removed: 59,
      moved: 61,
      retimed: 90,
      retitled: 1,
      cancelled: 0,
      uncancelled: 0,
    });

    const diff = diffConferences(parseSchedule(oldXml), parseSchedule(newXml));
    expect(diff.counts).toMatchObject(expected);
    expect(diff.counts.changed + diff.counts.unchanged).toBe(common.length);
    expect(diff.retitled[0]?.after).toBe(
      'From disconnected elements to a harmonious ecosystem : The Epiverse-TRACE project',
    );
  });
});
