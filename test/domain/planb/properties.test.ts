// Whatever the clock, the crowd reports and the bookmarks, Plan B keeps its promises: it never
// throws, never sends anyone into a room known full or to a cancelled talk, only offers talks
// they can reach in time, puts bookmarks first and related talks above unrelated ones, and
// only gives livestreams the conference's own profile provides.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FULLNESS_LEVELS, isKnownFull, type RoomFullness } from '../../../src/domain/fullness';
import type { Conference } from '../../../src/domain/model';
import {
  PLAN_B_DEFAULTS,
  type PlanBContext,
  planB,
  type Suggestion,
} from '../../../src/domain/planb';
import { parseSchedule } from '../../../src/domain/schedule';
import { roomLinks, ULB_SOLBOSCH, walkingMinutes } from '../../../src/domain/venue';
import { describeWithSharedData, readShared } from '../../support/shared-data';

const MIN = 60_000;

type Inputs = Omit<PlanBContext, 'conference'>;

/** Random Plan B inputs over a conference: clocks around its talks, fullness, bookmarks, rooms. */
function inputs(conf: Conference): fc.Arbitrary<Inputs> {
  const first = conf.days[0]!.start - 60 * MIN;
  const last = conf.days.at(-1)!.end + 60 * MIN;
  const slugs = conf.rooms.map((r) => r.slug);
  const names = conf.rooms.map((r) => r.name);
  const keys = conf.talks.map((t) => t.key);
  const roomText = fc.oneof(
    fc.constantFrom(...names),
    fc.constantFrom(...slugs).map((s) => s.toUpperCase()),
    fc.string({ maxLength: 8 }),
  );
  // Mostly around a talk's start, where Plan B has something to say; sometimes any time at all.
  const nearTalk = fc
    .tuple(fc.constantFrom(...conf.talks), fc.integer({ min: -30, max: 30 }))
    .map(([t, m]) => t.start + m * MIN);
  const clock = fc.oneof(
    { weight: 4, arbitrary: nearTalk },
    { weight: 1, arbitrary: fc.integer({ min: first, max: last }) },
  );
  return clock.chain((now) => {
    const nearby = keys.filter((_, i) => Math.abs(conf.talks[i]!.start - now) <= 40 * MIN);
    const report: fc.Arbitrary<RoomFullness> = fc.record({
      room: fc.constantFrom(...slugs),
      level: fc.constantFrom(...FULLNESS_LEVELS, 'unknown' as const),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      source: fc.constantFrom('official' as const, 'crowd' as const, 'none' as const),
      reports: fc.nat(20),
      updatedAt: fc.integer({ min: now - 600 * MIN, max: now + 5 * MIN }),
      official: fc.constantFrom('open' as const, 'full' as const, 'emergency' as const),
    });
    return fc.record(
      {
        now: fc.constant(now),
        fullness: fc.array(report, { maxLength: 12 }),
        bookmarks: fc
          .tuple(fc.subarray(nearby), fc.uniqueArray(fc.constantFrom(...keys), { maxLength: 20 }))
          .map(([near, any]) => new Set([...near, ...any])),
        talk: fc.oneof(
          fc.constantFrom(...(nearby.length > 0 ? nearby : keys)),
          fc.constantFrom(...keys),
          fc.string({ maxLength: 6 }),
        ),
        room: roomText,
        fromRoom: roomText,
        options: fc.record({ limit: fc.constantFrom(5, Infinity) }),
      },
      { requiredKeys: ['now', 'options'] },
    );
  });
}

function tier(s: Suggestion): number {
  if (s.bookmarked) return 2;
  return s.topic ? 1 : 0;
}

function checkInvariants(ctx: PlanBContext): void {
  const plan = planB(ctx);
  const fullness = new Map((ctx.fullness as RoomFullness[] | undefined)?.map((f) => [f.room, f]));
  // Walks start at the attendee's room when given (checked in the scenarios), else the full room.
  const origin = ctx.fromRoom === undefined ? plan.fullRoom?.name : undefined;
  expect(plan.alternatives.length).toBeLessThanOrEqual(ctx.options?.limit ?? 5);
  for (const s of plan.alternatives) {
    expect(s.talk.cancelled).toBe(false);
    expect(isKnownFull(fullness.get(s.room.slug))).toBe(false);
    expect(s.room.name).not.toBe(plan.fullRoom?.name);
    expect(s.key).not.toBe(plan.fullTalk?.key);
    expect(s.talk.start).toBeLessThanOrEqual(ctx.now + PLAN_B_DEFAULTS.startsWithinMinutes * MIN);
    const arrival = ctx.now + s.walkMinutes * MIN;
    expect(arrival).toBeLessThan(s.talk.end);
    if (s.lateJoin) {
      // Offered late only when nothing else is: every alternative is then a late join.
      expect(plan.alternatives.every((a) => a.lateJoin)).toBe(true);
      expect(s.talk.end - arrival).toBeGreaterThanOrEqual(PLAN_B_DEFAULTS.lateJoinMinLeft * MIN);
    } else {
      expect(s.talk.start).toBeGreaterThanOrEqual(
        ctx.now - PLAN_B_DEFAULTS.startedWithinMinutes * MIN,
      );
      expect(Math.max(0, arrival - s.talk.start)).toBeLessThanOrEqual(
        PLAN_B_DEFAULTS.maxMissedMinutes * MIN,
      );
    }
    if (origin && s.walkKnown)
      expect(s.walkMinutes).toBe(walkingMinutes(ULB_SOLBOSCH, origin, s.room.name));
    expect(s.bookmarked).toBe(ctx.bookmarks?.has(s.key) ?? false);
    expect(s.reasons.length).toBeGreaterThan(0);
  }
  for (let i = 1; i < plan.alternatives.length; i++) {
    const [a, b] = [plan.alternatives[i - 1]!, plan.alternatives[i]!];
    expect(a.score).toBeGreaterThanOrEqual(b.score);
    expect(tier(a)).toBeGreaterThanOrEqual(tier(b));
  }
  if (plan.livestream) {
    const room = plan.fullTalk!.room;
    expect(plan.livestream.watch).toBe(roomLinks(ctx.conference, room).livestream);
    expect(ctx.now).toBeLessThan(plan.fullTalk!.end);
    expect(plan.livestream.live).toBe(ctx.now >= plan.fullTalk!.start);
  }
  expect(['stay', 'go', 'none']).toContain(plan.stayOrGo.kind);
  expect(plan.stayOrGo.message.length).toBeGreaterThan(0);
}

describe('Plan B invariants on the demo conference', () => {
  const demo = parseSchedule(
    readFileSync(new URL('../../../data/demo/planb-demo.xml', import.meta.url), 'utf8'),
  );

  it('hold for random clocks, fullness, bookmarks and rooms, and nothing throws', () => {
    fc.assert(
      fc.property(inputs(demo), (i) => checkInvariants({ ...i, conference: demo })),
      { numRuns: 300 },
    );
  });

  it('never give the demo conference a livestream', () => {
    fc.assert(
      fc.property(inputs(demo), (i) => {
        expect(planB({ ...i, conference: demo }).livestream).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });
});

describeWithSharedData('Plan B invariants on FOSDEM 2020', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));

  it('hold for random clocks, fullness, bookmarks and rooms, and nothing throws', () => {
    fc.assert(
      fc.property(inputs(fosdem), (i) => checkInvariants({ ...i, conference: fosdem })),
      { numRuns: 200 },
    );
  });

  it('livestreams are live.fosdem.org/watch/<room slug> with the matching HLS stream', () => {
    const during = inputs(fosdem).filter((i) => !!planB({ ...i, conference: fosdem }).livestream);
    fc.assert(
      fc.property(during, (i) => {
        const plan = planB({ ...i, conference: fosdem });
        const slug = fosdem.rooms.find((r) => r.name === plan.fullTalk!.room)!.slug;
        expect(plan.livestream!.watch).toBe(`https://live.fosdem.org/watch/${slug}`);
        expect(plan.livestream!.hls).toBe(`https://stream.fosdem.org/${slug}.m3u8`);
      }),
      { numRuns: 50 },
    );
  });
});
