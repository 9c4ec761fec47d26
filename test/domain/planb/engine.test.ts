// An attendee reaches a devroom and the door is closed: Plan B offers the livestream and talks
// they can still reach, with reasons. Scenarios on FOSDEM 2020 and on the demo conference;
// they assert properties (reachable, never into a full room, ranked by bookmark, track, topic),
// not a frozen list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RoomFullness } from '../../../src/domain/fullness';
import type { Conference } from '../../../src/domain/model';
import { PLAN_B_DEFAULTS, type PlanB, type PlanBContext, planB } from '../../../src/domain/planb';
import { parseSchedule } from '../../../src/domain/schedule';
import { parseVenueDateTime } from '../../../src/domain/time';
import { ULB_SOLBOSCH, walkingMinutes } from '../../../src/domain/venue';
import { describeWithSharedData, readShared } from '../../support/shared-data';

const MIN = 60_000;
const demo = parseSchedule(
  readFileSync(new URL('../../../data/demo/planb-demo.xml', import.meta.url), 'utf8'),
);

function at(conf: Conference, local: string): number {
  return parseVenueDateTime(local, conf.timeZone)!;
}

function full(slug: string, updatedAt: number, extra: Partial<RoomFullness> = {}): RoomFullness {
  return {
    room: slug,
    level: 'full',
    confidence: 0.9,
    source: 'crowd',
    reports: 4,
    updatedAt,
    ...extra,
  };
}

const keyOf = (conf: Conference, title: RegExp) => conf.talks.find((t) => title.test(t.title))!.key;

/** The invariants every Plan B answer must keep, whatever the scenario. */
function expectSound(ctx: PlanBContext, plan: PlanB, fullSlugs: string[]): void {
  const origin = ctx.fromRoom ?? plan.fullRoom?.name;
  for (const s of plan.alternatives) {
    expect(s.talk.cancelled).toBe(false);
    expect(fullSlugs).not.toContain(s.room.slug);
    expect(s.key).not.toBe(plan.fullTalk?.key);
    expect(s.talk.start).toBeGreaterThanOrEqual(
      ctx.now - PLAN_B_DEFAULTS.startedWithinMinutes * MIN,
    );
    expect(s.talk.start).toBeLessThanOrEqual(ctx.now + PLAN_B_DEFAULTS.startsWithinMinutes * MIN);
    if (origin) expect(s.walkMinutes).toBe(walkingMinutes(ULB_SOLBOSCH, origin, s.room.name));
    const arrival = ctx.now + s.walkMinutes * MIN;
    expect(arrival).toBeLessThan(s.talk.end);
    const missed = Math.max(0, arrival - s.talk.start) / MIN;
    expect(missed).toBeLessThanOrEqual(PLAN_B_DEFAULTS.maxMissedMinutes);
    expect(missed).toBeLessThanOrEqual(
      ((s.talk.end - s.talk.start) / MIN) * PLAN_B_DEFAULTS.maxMissedShare,
    );
    const walk = s.walkMinutes === 0 ? 'no walk' : `${s.walkMinutes} min walk`;
    expect(s.reasons.some((r) => r.startsWith(walk))).toBe(true);
  }
  const scores = plan.alternatives.map((s) => s.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describeWithSharedData('Plan B on FOSDEM 2020', () => {
  const fosdem = parseSchedule(readShared('fosdem-2020-schedule.xml'));

  describe('Saturday 11:00, "UD2.208 (Decroly)" full, the attendee at its door in building U', () => {
    const now = at(fosdem, '2020-02-01 11:00');
    const fullness = [full('ud2208', now - 2 * MIN)];
    const ctx: PlanBContext = {
      now,
      conference: fosdem,
      fullness,
      room: 'UD2.208 (Decroly)',
      options: { limit: Infinity },
    };
    const plan = planB(ctx);

    it('names the containers talk that is running and offers its livestream and recording', () => {
      expect(plan.fullTalk?.title).toBe('Lazy distribution of container images');
      expect(plan.livestream).toEqual({
        watch: 'https://live.fosdem.org/watch/ud2208',
        hls: 'https://stream.fosdem.org/ud2208.m3u8',
        live: true,
      });
      expect(plan.recordingLater?.url).toMatch(/^https:\/\/video\.fosdem\.org\/2020\/UD2\.208\//);
    });

    it('offers only talks reachable in time, none in the full room, nearest buildings cheaper', () => {
      expect(plan.alternatives.length).toBeGreaterThanOrEqual(5);
      expectSound(ctx, plan, ['ud2208']);
      const inU = plan.alternatives.filter((s) => s.building === 'U');
      const elsewhere = plan.alternatives.filter((s) => s.building !== 'U');
      expect(inU.length).toBeGreaterThan(0);
      expect(Math.max(...inU.map((s) => s.walkMinutes))).toBeLessThan(
        Math.min(...elsewhere.map((s) => s.walkMinutes)),
      );
      expect(inU[0]!.reasons.join(' · ')).toMatch(/\d min walk, building U/);
    });

    it('a bookmarked talk comes first, saying so', () => {
      const last = plan.alternatives.at(-1)!;
      const again = planB({ ...ctx, bookmarks: new Set([last.key]) });
      expect(again.alternatives[0]!.key).toBe(last.key);
      expect(again.alternatives[0]!.reasons[0]).toBe('you bookmarked it');
    });

    it('the default list holds the 5 best', () => {
      const short = planB({ ...ctx, options: {} });
      expect(short.alternatives.map((s) => s.key)).toEqual(
        plan.alternatives.slice(0, 5).map((s) => s.key),
      );
    });
  });

  it('Saturday 14:00 in the containers devroom: related talks rank above unrelated ones', () => {
    const now = at(fosdem, '2020-02-01 14:00');
    const ctx: PlanBContext = {
      now,
      conference: fosdem,
      fullness: [full('ud2208', now)],
      room: 'ud2208',
      options: { limit: Infinity },
    };
    const plan = planB(ctx);
    expect(plan.fullTalk?.title).toMatch(/Below Kubernetes/);
    expectSound(ctx, plan, ['ud2208']);
    const related = plan.alternatives.filter((s) => s.topic);
    expect(related.some((s) => /kubernetes/i.test(s.topic!.reason))).toBe(true);
    // At equal distance, every related talk is listed before every unrelated one.
    for (const a of related)
      for (const b of plan.alternatives)
        if (!related.includes(b) && b.walkMinutes === a.walkMinutes)
          expect(plan.alternatives.indexOf(a)).toBeLessThan(plan.alternatives.indexOf(b));
  });

  describe('Sunday 15:00: AW1.126 full with the attendee inside, two other rooms reported full', () => {
    const now = at(fosdem, '2020-02-02 15:00');
    const fullSlugs = ['aw1126', 'h2215', 'ud2218a'];
    const fullness = fullSlugs.map((s) => full(s, now - 3 * MIN));
    const ctx: PlanBContext = {
      now,
      conference: fosdem,
      fullness,
      room: 'AW1.126',
      fromRoom: 'AW1.126',
      options: { limit: Infinity },
    };
    const plan = planB(ctx);

    it('never sends anyone into the three full rooms, and the stream is AW1.126’s', () => {
      expect(plan.fullTalk?.room).toBe('AW1.126');
      expect(plan.livestream?.watch).toBe('https://live.fosdem.org/watch/aw1126');
      expect(plan.alternatives.length).toBeGreaterThan(0);
      expectSound(ctx, plan, fullSlugs);
    });

    it('advises going to a bookmarked talk elsewhere, warning the room may not let them back in', () => {
      const target = plan.alternatives.find(
        (s) => s.room.name !== 'AW1.126' && s.talk.start > now,
      )!;
      const advice = planB({ ...ctx, bookmarks: new Set([target.key]) }).stayOrGo;
      expect(advice.kind).toBe('go');
      expect(advice.nextWanted?.key).toBe(target.key);
      expect(advice.message).toContain(target.room.name);
      expect(advice.warning).toMatch(/may not get back in/);
    });

    it('advises staying when the next bookmarked talk is in this room', () => {
      const nextHere = fosdem.talks.find((t) => t.room === 'AW1.126' && t.start > now)!;
      const advice = planB({ ...ctx, bookmarks: new Set([nextHere.key]) }).stayOrGo;
      expect(advice).toMatchObject({ kind: 'stay', nextHere: { key: nextHere.key } });
      expect(advice.message).toMatch(/keep your seat/);
    });
  });
});

describe('Plan B on the demo conference', () => {
  it('Saturday 11:00, containers room full: the container security talk is offered first', () => {
    const now = at(demo, '2027-02-06 11:00');
    const ctx: PlanBContext = {
      now,
      conference: demo,
      fullness: [full('ub2252a', now)],
      room: 'UB2.252A (Lameere)',
    };
    const plan = planB(ctx);
    expectSound(ctx, plan, ['ub2252a']);
    expect(plan.fullTalk?.title).toMatch(/^Pods without a daemon/);
    const selinux = plan.alternatives.find((s) => /SELinux/.test(s.talk.title))!;
    expect(plan.alternatives[0]).toBe(selinux);
    // Two short invented abstracts share a few words: ranked first, but not claimed related.
    expect(plan.alternatives.every((s) => s.topic === undefined)).toBe(true);
    expect(plan.nothingRelated).toBe(true);
  });

  it('is not FOSDEM: no livestream is ever invented, the recording comes from the talk’s links', () => {
    const now = at(demo, '2027-02-06 09:35');
    const plan = planB({ now, conference: demo, room: 'Janson', fullness: [full('janson', now)] });
    expect(plan.fullTalk?.title).toMatch(/^Welcome/);
    expect(plan.livestream).toBeUndefined();
    expect(plan.recordingLater?.url).toBe('https://video.example.org/2027/keynote_welcome.webm');
  });

  it('the tight transfer AW1.120 → K.3.401: go now, with the walk and the warning', () => {
    const now = at(demo, '2027-02-06 14:20');
    const part2 = keyOf(demo, /part 2/);
    const plan = planB({
      now,
      conference: demo,
      fullness: [full('aw1120', now - 5 * MIN)],
      bookmarks: new Set([part2]),
      fromRoom: 'AW1.120',
      room: 'AW1.120',
    });
    const walk = walkingMinutes(ULB_SOLBOSCH, 'AW1.120', 'K.3.401')!;
    expect(plan.stayOrGo).toMatchObject({ kind: 'go', nextWanted: { key: part2 } });
    expect(plan.stayOrGo.message).toContain(`${walk} min walk`);
    expect(plan.stayOrGo.message).toMatch(/leave now/);
    expect(plan.stayOrGo.warning).toMatch(/may not get back in/);
    expect(plan.alternatives[0]).toMatchObject({ key: part2, bookmarked: true, walkMinutes: walk });
  });

  it('never suggests the cancelled talk, even bookmarked', () => {
    const cancelled = demo.talks.find((t) => t.cancelled)!;
    const plan = planB({
      now: cancelled.start - 5 * MIN,
      conference: demo,
      room: 'UD2.208 (Decroly)',
      bookmarks: new Set([cancelled.key]),
      options: { limit: Infinity },
    });
    expect(plan.alternatives.length).toBeGreaterThan(0);
    expect(plan.alternatives.map((s) => s.key)).not.toContain(cancelled.key);
  });

  it('a room reported full half an hour ago ranks lower, saying why', () => {
    const now = at(demo, '2027-02-07 10:55');
    const base: PlanBContext = {
      now,
      conference: demo,
      room: 'UD2.208 (Decroly)',
      options: { limit: Infinity },
    };
    const before = planB(base).alternatives;
    const top = before[0]!;
    const stale = full(top.room.slug, now - 20 * MIN, { confidence: 0.3 });
    const after = planB({ ...base, fullness: [stale] }).alternatives;
    const moved = after.find((s) => s.key === top.key)!;
    expect(moved.likelyFull).toEqual({ kind: 'likely', because: 'reported full 20 min ago' });
    expect(moved.reasons).toContain('likely full, arrive early: reported full 20 min ago');
    expect(after.indexOf(moved)).toBeGreaterThan(0);
  });

  it('with unknown walking (no venue) every room is in reach, and the walk shows as unknown', () => {
    const now = at(demo, '2027-02-06 11:55');
    const plan = planB({ now, conference: demo, venue: null, room: 'AW1.120' });
    expect(plan.alternatives.length).toBeGreaterThan(0);
    for (const s of plan.alternatives) {
      expect(s.walkKnown).toBe(false);
      expect(s.reasons.join(' · ')).toMatch(/walking time unknown/);
      expect(s.reasons.join(' · ')).not.toMatch(/assuming/);
    }
  });
});
