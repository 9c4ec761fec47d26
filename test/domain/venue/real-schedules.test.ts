import { expect, it } from 'vitest';
import { parseSchedule } from '../../../src/domain/schedule';
import { roomLinks, ULB_SOLBOSCH, venueForConference } from '../../../src/domain/venue';
import { describeWithSharedData, readShared } from '../../support/shared-data';

describeWithSharedData('parseSchedule places real rooms in buildings', () => {
  it.each([
    ['fosdem-2020-schedule.xml', 35],
    ['fosdem-2024-schedule.xml', 35],
    ['fosdem-2024-schedule-preliminary-2023-12-29.xml', 32],
  ])('%s: all %i rooms get a building and FOSDEM links', (file, rooms) => {
    const conf = parseSchedule(readShared(file));
    expect(venueForConference(conf)).toBe(ULB_SOLBOSCH);
    expect(conf.rooms).toHaveLength(rooms);
    expect(conf.rooms.filter((r) => r.building === 'unknown')).toEqual([]);
    const lameere = conf.rooms.find((r) => r.name === 'UB2.252A (Lameere)')!;
    expect(lameere).toMatchObject({ slug: 'ub2252a', building: 'U' });
    expect(roomLinks(conf, lameere).livestream).toBe('https://live.fosdem.org/watch/ub2252a');
  });

  it('36C3 (another venue, not FOSDEM): no venue, rooms unknown, no links', () => {
    const conf = parseSchedule(readShared('36c3-schedule.json'));
    expect(venueForConference(conf)).toBeUndefined();
    expect(conf.rooms.map((r) => r.building)).toEqual(conf.rooms.map(() => 'unknown'));
    for (const room of conf.rooms) expect(roomLinks(conf, room)).toEqual({});
  });
});
