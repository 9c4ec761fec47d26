// Offline at FOSDEM: the phone keeps showing the last listing it got from the relay, but as
// "last known", trusting it less as it ages.
import { describe, expect, it } from 'vitest';
import type { RoomStatusEntry } from '../../src/domain/crowd-api';
import { lastKnownView, STALE_OFFICIAL_CONFIDENCE } from '../../src/domain/last-known';

const MIN = 60_000;
const T0 = Date.UTC(2020, 1, 1, 10, 0);

function entry(slug: string, over: Partial<RoomStatusEntry>): RoomStatusEntry {
  return {
    roomname: slug,
    state: '0',
    slug,
    building: 'U',
    level: 'full',
    confidence: 1,
    reports: 3,
    age: 0,
    updatedAt: null,
    source: 'crowd',
    ...over,
  };
}

const rooms = [
  entry('ud2208', { confidence: 0.8 }),
  entry('h1302', { source: 'official', official: 'full', state: '1' }),
];

describe('the last known room listing', () => {
  it('is taken as it is while the relay confirms it', () => {
    const view = lastKnownView({ rooms, receivedAt: T0, fetchedAt: T0, live: true }, T0 + 30 * MIN);
    expect(view.get('ud2208')?.confidence).toBe(0.8);
    expect(view.get('h1302')?.source).toBe('official');
  });

  it('offline for one half-life (10 min): crowd confidence halves; a fresh official stays', () => {
    const listing = { rooms, receivedAt: T0, fetchedAt: T0, live: false };
    const view = lastKnownView(listing, T0 + 5 * MIN);
    expect(view.get('h1302')).toMatchObject({ source: 'official', official: 'full' });
    expect(lastKnownView(listing, T0 + 10 * MIN).get('ud2208')?.confidence).toBeCloseTo(0.4);
  });

  it('an official state older than 6 minutes is no longer official, and never 100 % sure', () => {
    const listing = { rooms, receivedAt: T0, fetchedAt: T0, live: false };
    const justStale = lastKnownView(listing, T0 + 6 * MIN + 1).get('h1302');
    expect(justStale).toMatchObject({ source: 'crowd', lastOfficial: 'full' });
    expect(justStale?.confidence).toBeCloseTo(STALE_OFFICIAL_CONFIDENCE, 4);
    expect(justStale?.confidence).toBeLessThan(1);
  });

  it('drops what is older than the 2-hour window', () => {
    const listing = { rooms, receivedAt: T0, fetchedAt: T0, live: false };
    expect([...lastKnownView(listing, T0 + 121 * MIN).keys()]).toEqual([]);
  });
});
