// The parts of Plan B on hand-made schedules, one edge at a time: ranking by track and topic,
// the shared words and speakers behind "related", what a "likely full" guess rests on, and the
// stay-or-go card at the ends of a day.
import { describe, expect, it } from 'vitest';
import type { RoomFullness } from '../../../src/domain/fullness';
import type { Conference, Talk } from '../../../src/domain/model';
import { buildTopics, likelyFull, planB, stayOrGo, topicRelation } from '../../../src/domain/planb';
import { roomSlug } from '../../../src/domain/schedule/normalize';
import { zonedToUtc } from '../../../src/domain/time';
import { assignBuildings, ULB_SOLBOSCH } from '../../../src/domain/venue';

const MIN = 60_000;
const TZ = 'Europe/Brussels';
const at = (hhmm: string) => {
  const [hour, minute] = hhmm.split(':').map(Number) as [number, number];
  return zonedToUtc({ year: 2030, month: 2, day: 2 }, { hour, minute }, TZ);
};

function talk(slug: string, room: string, start: string, fields: Partial<Talk> = {}): Talk {
  return {
    key: `slug:${slug}`,
    id: slug,
    slug,
    title: slug,
    subtitle: '',
    abstract: '',
    description: '',
    type: 'devroom',
    track: 'Cooking',
    language: 'en',
    persons: [],
    start: at(start),
    end: at(start) + 25 * MIN,
    day: 0,
    room,
    links: { slides: [], recordings: [], other: [] },
    cancelled: false,
    ...fields,
  };
}

function conference(talks: Talk[]): Conference {
  const rooms = [...new Set(talks.map((t) => t.room))].map((name) => ({
    name,
    slug: roomSlug(name),
    building: 'unknown',
  }));
  const conf: Conference = {
    acronym: 'fosdem-2030',
    title: 'FOSDEM 2030',
    timeZone: TZ,
    days: [{ index: 1, date: '2030-02-02', start: at('09:00'), end: at('19:00') }],
    rooms,
    tracks: [],
    talks: [...talks].sort((a, b) => a.start - b.start),
    persons: [],
    venue: 'ULB Solbosch',
    source: { format: 'pentabarf-xml' },
  };
  return assignBuildings(conf, ULB_SOLBOSCH);
}

const kube = 'Operators and controllers for Kubernetes: pods in production Kubernetes clusters.';
const full = talk('wanted', 'UD2.208 (Decroly)', '11:00', {
  title: 'Kubernetes operators explained',
  abstract: kube,
  track: 'Containers',
  persons: [{ id: 'p1', name: 'Ada Example' }],
});
const sameTrack = talk('overflow', 'UD2.218A', '11:05', {
  track: 'Containers',
  title: 'Signing container images for kubernetes pods',
  abstract: 'Container images, signed and verified before kubernetes pods pull them.',
});
const related = talk('k8s', 'UD2.119', '11:05', {
  title: 'Writing kubernetes controllers',
  abstract: kube,
  track: 'Go',
  persons: [{ id: 'p1', name: 'Ada Example' }],
});
const unrelated = talk('bread', 'UD2.120 (Chavanne)', '11:10', { title: 'Sourdough at scale' });
const later = talk('next-here', 'UD2.208 (Decroly)', '11:30', {
  title: 'Operators, part 2: Kubernetes pods in production',
  track: 'Containers',
});
// The afternoon of a schedule, so the topic model has a conference to learn from: other
// tracks, each on its own subject.
const SUBJECTS = [
  ['Databases', 'Query planning in PostgreSQL: indexes, joins and the planner'],
  ['Databases', 'PostgreSQL replication and failover for busy clusters of databases'],
  ['Web', 'Rendering fonts in the browser: web fonts, layout and shaping'],
  ['Web', 'Service workers and offline web applications in the browser'],
  ['Hardware', 'Soldering your first keyboard: switches, diodes and firmware'],
  ['Hardware', 'RISC-V boards for hobbyists: firmware, boot and debugging'],
  ['Legal', 'Licence compliance for distributions: copyleft obligations explained'],
  ['Legal', 'Copyleft enforcement and the licence of your distribution'],
  ['Radio', 'Software-defined radio receivers with GNU Radio blocks'],
  ['Radio', 'Amateur radio satellites and software-defined radio ground stations'],
] as const;
const afternoon = SUBJECTS.map(([track, title], i) =>
  talk(`pm-${i}`, ['AW1.120', 'H.1308 (Rolin)', 'K.3.201'][i % 3]!, `1${4 + (i % 4)}:00`, {
    track,
    title,
    abstract: `${title}. A practical session about ${title.toLowerCase()}.`,
  }),
);
const conf = conference([full, sameTrack, related, unrelated, later, ...afternoon]);
const reported = (
  room: string,
  minutesAgo: number,
  extra: Partial<RoomFullness> = {},
): RoomFullness => ({
  room,
  level: 'full',
  confidence: 0.3,
  source: 'crowd',
  reports: 1,
  updatedAt: at('11:02') - minutesAgo * MIN,
  ...extra,
});

describe('ranking', () => {
  const plan = planB({
    now: at('11:02'),
    conference: conf,
    talk: full.key,
    options: { limit: Infinity },
  });

  it('related talks above the unrelated one, each saying why, all at one minute’s walk', () => {
    expect(plan.alternatives.map((s) => s.key).slice(-1)).toEqual([unrelated.key]);
    expect(new Set(plan.alternatives.slice(0, 2).map((s) => s.key))).toEqual(
      new Set([sameTrack.key, related.key]),
    );
    expect(plan.alternatives.map((s) => s.walkMinutes)).toEqual([1, 1, 1]);
    const byKey = new Map(plan.alternatives.map((s) => [s.key, s]));
    expect(byKey.get(sameTrack.key)!.topic?.reason).toMatch(/^same track: Containers/);
    expect(byKey.get(related.key)!.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^also about .*kubernetes/i),
        'same speaker: Ada Example',
      ]),
    );
    expect(byKey.get(unrelated.key)!.topic).toBeUndefined();
    expect(plan.nothingRelated).toBe(false);
    expect(plan.alternatives[2]!.reasons).toEqual([
      '1 min walk, building U',
      'starts in 8 min',
      'ends in 33 min',
    ]);
  });

  it('offers the room’s livestream before the talk starts too, marked not live yet', () => {
    const before = planB({ now: at('10:55'), conference: conf, talk: full.key });
    expect(before.livestream).toEqual({
      watch: 'https://live.fosdem.org/watch/ud2208',
      hls: 'https://stream.fosdem.org/ud2208.m3u8',
      live: false,
    });
    expect(
      planB({ now: at('11:26'), conference: conf, talk: full.key }).livestream,
    ).toBeUndefined();
  });

  it('unknown talk keys and rooms give no full talk and no error', () => {
    const plan = planB({ now: at('11:02'), conference: conf, talk: 'slug:nope', room: 'Nowhere' });
    expect(plan.fullTalk).toBeUndefined();
    expect(plan.fullRoom).toBeUndefined();
    expect(plan.livestream).toBeUndefined();
  });
});

describe('topic model', () => {
  const index = buildTopics(conf);
  it('is symmetric, zero for a talk with itself and for a talk on nothing alike', () => {
    const ab = topicRelation(index, full, related);
    expect(ab.score).toBeCloseTo(topicRelation(index, related, full).score, 6);
    expect(ab.terms.map((t) => t.toLowerCase())).toContain('kubernetes');
    expect(topicRelation(index, full, full).score).toBe(0);
    const none = topicRelation(index, full, unrelated);
    expect(none.content).toBe(0);
    expect(none.terms).toEqual([]);
  });

  it('reads a compound name as part of its family, and names joined by a slash one by one', () => {
    const bsd = talk('bsd', 'H.2215', '10:00', {
      title: 'What is new in BSD kernels',
      abstract: 'BSD schedulers, BSD jails and the BSD boot loader, compared.',
    });
    const netbsd = talk('netbsd', 'K.4.201', '10:00', {
      title: 'Porting Go to NetBSD/arm64',
      abstract: 'Signals and threads on NetBSD/arm64, and what Go needed.',
    });
    const js = talk('js', 'H.1308', '10:00', {
      title: 'JavaScript bundlers compared',
      abstract: 'Bundling JavaScript for the browser.',
    });
    const java = talk('java', 'H.1309', '10:00', {
      title: 'Java records in depth',
      abstract: 'Records arrived in Java 16.',
    });
    const topics = buildTopics(conference([bsd, netbsd, js, java]));
    const termsOf = (t: Talk) =>
      [...topics.terms[topics.rows.get(t.key)!]!].map((id) => topics.labels[id]);
    // "NetBSD/arm64" is NetBSD and arm64, and NetBSD is a BSD: the two talks share a term.
    expect(termsOf(netbsd)).toContain('BSD');
    expect(topicRelation(topics, bsd, netbsd).content).toBeGreaterThan(0);
    // "Script" is no name of its own: JavaScript is not taken for a kind of Java.
    expect(termsOf(js)).not.toContain('Java');
    expect(topicRelation(topics, java, js).content).toBe(0);
  });
});

describe('likely full', () => {
  const ctx = { now: at('11:02'), conference: conf };
  it('says nothing without reports', () => {
    expect(likelyFull(related, ctx)).toBeUndefined();
  });
  it('rests on a recent full report, or standing room only', () => {
    expect(likelyFull(related, { ...ctx, fullness: [reported('ud2119', 10)] })).toEqual({
      kind: 'likely',
      because: 'reported full 10 min ago',
    });
    expect(
      likelyFull(related, { ...ctx, fullness: [reported('ud2119', 0, { level: 'standing' })] }),
    ).toEqual({
      kind: 'likely',
      because: 'standing room only just now',
    });
    expect(
      likelyFull(related, { ...ctx, fullness: [reported('ud2119', 1, { confidence: 1 })] })?.kind,
    ).toBe('known');
  });
  it('guesses a small room on a popular track from an older report of the track', () => {
    const fullness = [reported('ud2208', 120)];
    expect(likelyFull(sameTrack, { ...ctx, fullness })?.because).toBe(
      'small room on a popular track: Containers (UD2.208 (Decroly) was reported full at 09:02)',
    );
    const big = new Map([['ud2218a', 500]]);
    expect(likelyFull(sameTrack, { ...ctx, fullness, capacities: big })).toBeUndefined();
    expect(likelyFull(unrelated, { ...ctx, fullness })).toBeUndefined();
  });
});

describe('stay or go', () => {
  it('needs a room, and says when there is nothing more', () => {
    expect(stayOrGo({ now: at('11:02'), conference: conf }).kind).toBe('none');
    expect(stayOrGo({ now: at('11:02'), conference: conf, room: 'X.1' }).message).toMatch(
      /No talks/,
    );
    expect(stayOrGo({ now: at('12:00'), conference: conf, room: 'ud2208' }).message).toBe(
      'Nothing more in UD2.208 (Decroly) today.',
    );
  });
  it('a full room with nothing bookmarked: stay and keep the seat', () => {
    const advice = stayOrGo({
      now: at('11:20'),
      conference: conf,
      room: 'ud2208',
      fullness: [reported('ud2208', 1, { confidence: 1 })],
    });
    expect(advice).toMatchObject({ kind: 'stay', nextHere: { key: later.key } });
    expect(advice.message).toMatch(/staying keeps your seat/);
  });
  it('go with time to spare: leave by, and see the next talk here first if it fits', () => {
    const far = talk('far', 'K.3.401', '12:30');
    const c = conference([full, later, far]);
    const advice = stayOrGo({
      now: at('11:02'),
      conference: c,
      room: 'ud2208',
      bookmarks: new Set([far.key]),
      venue: ULB_SOLBOSCH,
    });
    expect(advice.kind).toBe('go');
    expect(advice.message).toMatch(
      /leave by 12:1\d\. You can still see “Operators, part 2: Kubernetes pods in production” here first\./,
    );
    expect(advice.warning).toBeUndefined();
  });
});
