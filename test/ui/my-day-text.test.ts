// My day's lines in words, for every kind of move and overlap: what the attendee reads between
// two talks (stay, walk and free time, tight transfer, unknown walk at a venue Plan B has no map
// of) and on a talk that clashes with another.
import { describe, expect, it } from 'vitest';
import type { OverlapConflict } from '../../src/domain/conflicts';
import type { Talk } from '../../src/domain/model';
import type { PlanMove } from '../../src/domain/my-day';
import { moveText, overlapText } from '../../src/ui/views/MyDay/conflict-text';

const at = (hhmm: string) => Date.parse(`2027-02-06T${hhmm}:00+01:00`);
function talk(key: string, room: string, from: string, to: string): Talk {
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
  };
}
function move(from: Talk, to: Talk, extra: Partial<PlanMove> = {}): PlanMove {
  const minutes = (to.start - from.end) / 60_000;
  return {
    kind: 'move',
    from,
    to,
    start: from.end,
    end: to.start,
    minutes,
    stay: from.room === to.room,
    ...extra,
  };
}
const say = (m: PlanMove) => {
  const { label, text } = moveText(m);
  return label ? `${label}${m.conflict ? ':' : ''} ${text}` : text;
};

describe('the line before a talk', () => {
  const a = talk('a', 'UD2.208 (Decroly)', '10:30', '10:50');

  it('same room: stay here, with the break or "no break"', () => {
    expect(say(move(a, talk('b', 'UD2.208 (Decroly)', '10:55', '11:15')))).toBe(
      'Stay here in UD2.208 · 5 min',
    );
    expect(say(move(a, talk('b', 'UD2.208 (Decroly)', '10:50', '11:15')))).toBe(
      'Stay here in UD2.208 · no break',
    );
  });

  it('a walk that fits, with the free time when it is long enough to count', () => {
    const b = talk('b', 'AW1.120', '11:05', '11:30');
    expect(say(move(a, b, { walkingMinutes: 8, freeLabel: 'free 10:50–11:05 (15 min)' }))).toBe(
      '8 min walk to AW1.120 · 15 min free',
    );
    const late = talk('c', 'AW1.120', '13:25', '14:00');
    expect(say(move(a, late, { walkingMinutes: 8, freeLabel: 'free' }))).toBe(
      '8 min walk to AW1.120 · 2 h 35 min free',
    );
  });

  it('a tight transfer names the walk, the seat margin and the minutes there are', () => {
    const b = talk('b', 'K.1.105 (La Fontaine)', '10:55', '11:30');
    const conflict = {
      kind: 'tight-transfer' as const,
      first: 'a',
      second: 'b',
      fromRoom: a.room,
      toRoom: b.room,
      gapMinutes: 5,
      walkingMinutes: 10,
      marginMinutes: 3,
      minutes: 8,
      message: '',
    };
    expect(say(move(a, b, { walkingMinutes: 10, conflict }))).toBe(
      'Tight transfer: 10 min walk to K.1.105 plus 3 to find a seat, you have 5 min',
    );
  });

  it('no campus map: a quick room change is flagged, a slow one just says where', () => {
    const x = talk('x', 'Hall 1', '10:00', '10:30');
    const quick = talk('y', 'Hall 2', '10:32', '11:00');
    const conflict = {
      kind: 'unknown-walk' as const,
      first: 'x',
      second: 'y',
      fromRoom: 'Hall 1',
      toRoom: 'Hall 2',
      gapMinutes: 2,
      minutes: 0,
      message: '',
    };
    expect(say(move(x, quick, { conflict }))).toBe(
      'Quick room change: walking time to Hall 2 unknown, you have 2 min',
    );
    expect(say(move(x, talk('z', 'Hall 3', '10:40', '11:00')))).toBe('To Hall 3 · 10 min');
  });
});

describe('an overlap on a talk', () => {
  const podman = talk('podman', 'UD2.208 (Decroly)', '10:30', '10:50');
  const byKey = new Map([[podman.key, podman]]);
  const conflict: OverlapConflict = {
    kind: 'overlap',
    first: 'podman',
    second: 'sudo',
    minutes: 20,
    message: '',
  };
  const none = new Set<string>();

  it('says which talk the day follows, and why when it is the attended one', () => {
    const o = { conflict, other: 'podman', otherFollowed: true };
    expect(overlapText(o, byKey, none).text).toBe(
      '20 min with “Talk podman”, which My day follows',
    );
    expect(overlapText(o, byKey, new Set(['podman'])).text).toBe(
      '20 min with “Talk podman”, which you attended',
    );
    expect(overlapText({ ...o, otherFollowed: false }, byKey, none).text).toBe(
      '20 min with “Talk podman”',
    );
  });
});
