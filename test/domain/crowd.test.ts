// Crowd aggregation: how reports from attendees' phones and the venue's own feed become
// "full · 3 reports · 4 min ago".
import { describe, expect, it } from 'vitest';
import {
  aggregateRoomFullness,
  type CrowdReport,
  decayWeight,
  fullnessAgeSeconds,
  type OfficialRoomState,
} from '../../src/domain/crowd';
import { withOwnReports } from '../../src/domain/crowd-local';
import { isFullOrFilling, isKnownFull } from '../../src/domain/fullness';

const MIN = 60_000;
/** Saturday 2024-02-03, 11:00 Brussels (10:00 UTC). */
const at11 = Date.UTC(2024, 1, 3, 10, 0);
const t = (minutes: number) => at11 + minutes * MIN;
let seq = 0;
const report = (
  device: string,
  level: CrowdReport['level'],
  minute: number,
  room = 'ud2208',
): CrowdReport => ({ id: `r${++seq}`, room, level, at: t(minute), device });

describe('crowd reports', () => {
  it('three phones report Decroly full at 11:02: at 11:03 it is known full with high confidence', () => {
    const reports = [
      report('anna', 'full', 2),
      report('ben', 'full', 2),
      report('chloe', 'queue', 2),
    ];
    const decroly = aggregateRoomFullness(reports, [], t(3)).get('ud2208')!;
    expect(decroly.level).toBe('full');
    expect(decroly.source).toBe('crowd');
    expect(decroly.reports).toBe(3);
    expect(decroly.updatedAt).toBe(t(2));
    expect(fullnessAgeSeconds(decroly, t(3))).toBe(60);
    expect(isKnownFull(decroly)).toBe(true);
    expect(decroly.confidence).toBeGreaterThan(0.6);
  });

  it('one phone alone saying "full" makes the room look filling, never known full', () => {
    const decroly = aggregateRoomFullness([report('anna', 'queue', 0)], [], t(0)).get('ud2208')!;
    expect(decroly.level).toBe('queue');
    expect(decroly.confidence).toBeCloseTo(1 / 3);
    expect(isKnownFull(decroly)).toBe(false);
    expect(isFullOrFilling(decroly)).toBe(true);
  });

  it('a phone that taps "full" twenty times still counts once', () => {
    const spam = Array.from({ length: 20 }, (_, i) => report('troll', 'full', i / 10));
    const decroly = aggregateRoomFullness(spam, [], t(2)).get('ud2208')!;
    expect(decroly.reports).toBe(1);
    expect(isKnownFull(decroly)).toBe(false);
  });

  it("a device's latest report replaces its earlier one: full at 11:00, seats at 11:20", () => {
    const reports = [report('anna', 'full', 0), report('anna', 'seats', 20)];
    const decroly = aggregateRoomFullness(reports, [], t(21)).get('ud2208')!;
    expect(decroly.level).toBe('seats');
    expect(decroly.reports).toBe(1);
  });

  it('reports fade: three "full" reports from 11:00 weigh half at 11:10 and are gone after 13:00', () => {
    const reports = ['a', 'b', 'c'].map((d) => report(d, 'full', 0));
    const fresh = aggregateRoomFullness(reports, [], t(0)).get('ud2208')!;
    const tenLater = aggregateRoomFullness(reports, [], t(10)).get('ud2208')!;
    expect(fresh.confidence).toBeCloseTo(1);
    expect(tenLater.confidence).toBeCloseTo(0.5);
    expect(tenLater.level).toBe('full');
    expect(aggregateRoomFullness(reports, [], t(121)).has('ud2208')).toBe(false);
    expect(decayWeight(10 * MIN)).toBeCloseTo(0.5);
  });

  it('the half-life is configurable: with 5 minutes, ten-minute-old reports count a quarter', () => {
    const reports = ['a', 'b', 'c'].map((d) => report(d, 'full', 0));
    const decroly = aggregateRoomFullness(reports, [], t(10), { halfLifeMs: 5 * MIN });
    expect(decroly.get('ud2208')!.confidence).toBeCloseTo(0.25);
  });

  it('fresh news beats old news: two "full" at 11:00, two "seats" at 11:25 → seats', () => {
    const reports = [
      report('a', 'full', 0),
      report('b', 'full', 0),
      report('c', 'seats', 25),
      report('d', 'seats', 25),
    ];
    const decroly = aggregateRoomFullness(reports, [], t(26)).get('ud2208')!;
    expect(decroly.level).toBe('seats');
    expect(decroly.reports).toBe(4);
    expect(decroly.confidence).toBeLessThan(0.7);
  });

  it('a crowd split evenly between seats and full reads as the emptier level, with low confidence', () => {
    const decroly = aggregateRoomFullness(
      [report('a', 'seats', 0), report('b', 'full', 0)],
      [],
      t(0),
    ).get('ud2208')!;
    expect(decroly.level).toBe('seats');
    expect(decroly.confidence).toBeLessThanOrEqual(1 / 3 + 1e-9);
    expect(isFullOrFilling(decroly)).toBe(false);
  });

  it('reports from the future (a phone with a wrong clock) and from hours ago are ignored', () => {
    const reports = [report('a', 'full', 5), report('b', 'full', -180)];
    expect(aggregateRoomFullness(reports, [], t(0)).size).toBe(0);
  });

  it('lists the rooms asked for even when nobody reported them, as unknown', () => {
    const rooms = aggregateRoomFullness([report('a', 'seats', 0, 'janson')], [], t(0), {
      rooms: ['ud2208', 'janson'],
    });
    expect(rooms.get('ud2208')).toEqual({
      room: 'ud2208',
      level: 'unknown',
      confidence: 0,
      source: 'none',
      reports: 0,
    });
    expect(rooms.get('janson')!.level).toBe('seats');
  });
});

describe('the official room status wins', () => {
  const official = (state: OfficialRoomState['state'], minute: number): OfficialRoomState => ({
    room: 'ud2208',
    state,
    fetchedAt: t(minute),
  });

  it('volunteers mark Decroly full at 11:00; attendees saying "seats" do not change it', () => {
    const reports = ['a', 'b', 'c'].map((d) => report(d, 'seats', 1));
    const decroly = aggregateRoomFullness(reports, [official('full', 0)], t(2)).get('ud2208')!;
    expect(decroly).toMatchObject({
      level: 'full',
      source: 'official',
      official: 'full',
      confidence: 1,
      reports: 3,
      updatedAt: t(0),
    });
    expect(isKnownFull(decroly)).toBe(true);
  });

  it('an official "open" keeps the crowd\'s detail but never reads as full', () => {
    const standing = aggregateRoomFullness(
      [report('a', 'standing', 1)],
      [official('open', 0)],
      t(2),
    ).get('ud2208')!;
    expect(standing).toMatchObject({ level: 'standing', source: 'official', official: 'open' });
    const crowdSaysFull = ['a', 'b', 'c'].map((d) => report(d, 'queue', 1));
    const open = aggregateRoomFullness(crowdSaysFull, [official('open', 0)], t(2)).get('ud2208')!;
    expect(open.level).toBe('standing');
    expect(isKnownFull(open)).toBe(false);
    const nobody = aggregateRoomFullness([], [official('open', 0)], t(2)).get('ud2208')!;
    expect(nobody.level).toBe('seats');
  });

  it('an official state fetched 7 minutes ago is stale: never current, the crowd shows instead', () => {
    const reports = [report('a', 'standing', 5)];
    const decroly = aggregateRoomFullness(reports, [official('full', 0)], t(7)).get('ud2208')!;
    expect(decroly.source).toBe('crowd');
    expect(decroly.official).toBeUndefined();
    expect(decroly.level).toBe('standing');
    const alone = aggregateRoomFullness([], [official('emergency', 0)], t(7));
    expect(alone.has('ud2208')).toBe(false);
  });

  it('an evacuation (state 2) reads as full', () => {
    const decroly = aggregateRoomFullness([], [official('emergency', 0)], t(1)).get('ud2208')!;
    expect(decroly).toMatchObject({ level: 'full', official: 'emergency' });
    expect(isKnownFull(decroly)).toBe(true);
  });
});

describe("this phone's own reports", () => {
  it('count at once in its own view, before the relay has them', () => {
    const relay = aggregateRoomFullness(
      ['a', 'b'].map((d) => report(d, 'seats', 0)),
      [],
      t(1),
    );
    const mine = report('me', 'queue', 4);
    const view = withOwnReports(relay, [mine], t(4)).get('ud2208')!;
    expect(view).toMatchObject({ level: 'queue', reports: 1, updatedAt: t(4), source: 'crowd' });
    // The attendee saw it: full confidence on this phone at once, so it counts as known full.
    expect(view.confidence).toBeCloseTo(1);
    expect(isKnownFull(view)).toBe(true);
  });

  it('change nothing once the relay counted them, and never override the official state', () => {
    const mine = report('me', 'full', 1);
    const counted = aggregateRoomFullness([mine, report('b', 'full', 1)], [], t(2));
    expect(withOwnReports(counted, [mine], t(2)).get('ud2208')).toEqual(counted.get('ud2208'));
    const official = aggregateRoomFullness(
      [],
      [{ room: 'ud2208', state: 'open', fetchedAt: t(0) }],
      t(2),
    );
    expect(withOwnReports(official, [mine], t(2)).get('ud2208')!.source).toBe('official');
  });
});

describe('one address, one phone: the abuse rule', () => {
  const from = (source: string, device: string, level: CrowdReport['level'], minute = 0) => ({
    ...report(device, level, minute),
    source,
  });

  it('27 invented devices behind one address weigh like one phone: filling, never known full', () => {
    const fakes = Array.from({ length: 27 }, (_, i) => from('203.0.113.9', `fake-${i}`, 'queue'));
    const decroly = aggregateRoomFullness(fakes, [], t(0)).get('ud2208')!;
    expect(decroly.level).toBe('queue');
    expect(decroly.confidence).toBeCloseTo(1 / 3);
    expect(isKnownFull(decroly)).toBe(false);
    expect(decroly.reports).toBe(27);
  });

  it('the same address cannot outvote two other addresses that see seats', () => {
    const reports = [
      ...Array.from({ length: 10 }, (_, i) => from('198.51.100.7', `fake-${i}`, 'queue')),
      from('192.0.2.1', 'anna', 'seats'),
      from('192.0.2.2', 'ben', 'seats'),
    ];
    const decroly = aggregateRoomFullness(reports, [], t(0)).get('ud2208')!;
    expect(decroly.level).toBe('seats');
    expect(isFullOrFilling(decroly)).toBe(false);
  });

  it('two addresses agreeing make the room known full; three make it certain', () => {
    const two = [from('192.0.2.1', 'anna', 'full'), from('192.0.2.2', 'ben', 'full')];
    const decroly = aggregateRoomFullness(two, [], t(0)).get('ud2208')!;
    expect(decroly.confidence).toBeCloseTo(2 / 3);
    expect(isKnownFull(decroly)).toBe(true);
    const three = [...two, from('192.0.2.3', 'chloe', 'full')];
    expect(aggregateRoomFullness(three, [], t(0)).get('ud2208')!.confidence).toBeCloseTo(1);
  });

  it('a source over its cap keeps its mix of levels, scaled down together', () => {
    // One address: two phones say full, two say seats: it counts as half a vote each way.
    const nat = ['full', 'full', 'seats', 'seats'].map((level, i) =>
      from('venue', `phone-${i}`, level as CrowdReport['level']),
    );
    const other = from('192.0.2.1', 'anna', 'full');
    const decroly = aggregateRoomFullness([...nat, other], [], t(0)).get('ud2208')!;
    // full: 0.5 + 1, seats: 0.5 → full, agreement 3/4, weight 2 of 3.
    expect(decroly.level).toBe('full');
    expect(decroly.confidence).toBeCloseTo(0.75 * (2 / 3));
  });

  it('a venue network allowed two phones of weight makes a room known full alone, not certain', () => {
    const venue = Array.from({ length: 30 }, (_, i) => from('venue:ulb', `phone-${i}`, 'full'));
    const options = { sourceWeights: new Map([['venue:ulb', 2]]) };
    const decroly = aggregateRoomFullness(venue, [], t(0), options).get('ud2208')!;
    expect(decroly.confidence).toBeCloseTo(2 / 3);
    expect(isKnownFull(decroly)).toBe(true);
    const withOther = [...venue, from('192.0.2.1', 'anna', 'full')];
    expect(aggregateRoomFullness(withOther, [], t(0), options).get('ud2208')!.confidence).toBe(1);
  });

  it('fading applies before the cap: an old flood weighs less than one fresh phone', () => {
    const old = Array.from({ length: 3 }, (_, i) => from('198.51.100.7', `old-${i}`, 'queue', 0));
    const fresh = [from('192.0.2.1', 'anna', 'seats', 20), from('192.0.2.2', 'ben', 'seats', 20)];
    const decroly = aggregateRoomFullness([...old, ...fresh], [], t(20)).get('ud2208')!;
    // The flood: 3 × 0.25 = 0.75, under the cap; the two fresh phones weigh 2.
    expect(decroly.level).toBe('seats');
  });

  it('reports without a source (phones, older data) each count as their own source', () => {
    const reports = ['a', 'b', 'c'].map((d) => report(d, 'full', 0));
    expect(aggregateRoomFullness(reports, [], t(0)).get('ud2208')!.confidence).toBeCloseTo(1);
  });
});
