// The relay is configured by environment variables; each has a documented default and a bad
// value stops it with a message naming the variable.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../src/domain/schedule';
import { isConferenceTime, relayOptionsFromEnv } from '../../src/server/config';
import { DEMO } from './support';

const demo = parseSchedule(readFileSync(DEMO, 'utf8'));

describe('relay environment', () => {
  it('has defaults: .planb-data, no official feed, 12 reports/min per device, 600 per address', () => {
    const o = relayOptionsFromEnv({}, () => demo);
    expect(o.dataDir).toBe(resolve('.planb-data'));
    expect(o.official).toBeUndefined();
    expect(o.rateLimits).toEqual({
      device: { perMinute: 12, burst: 6 },
      address: { perMinute: 600, burst: 300 },
    });
    expect(o.trustProxy).toBe(0);
    expect(o.crowd?.halfLifeMs).toBe(10 * 60_000);
  });

  it('reads the official feed, its timing and the limits', () => {
    const o = relayOptionsFromEnv(
      {
        DATA_DIR: '/tmp/planb-x',
        OFFICIAL_STATUS_URL: 'https://api.fosdem.org/roomstatus/v1/listrooms',
        OFFICIAL_STATUS_INTERVAL_SECONDS: '90',
        OFFICIAL_STATUS_ALWAYS: '1',
        RATE_LIMIT_ADDRESS_PER_MINUTE: '0',
        CROWD_HALF_LIFE_MINUTES: '5',
      },
      () => demo,
    );
    expect(o.dataDir).toBe('/tmp/planb-x');
    expect(o.official).toMatchObject({ intervalMs: 90_000, timeoutMs: 10_000 });
    expect(o.official?.isActive?.()).toBe(true);
    expect(o.rateLimits?.address?.perMinute).toBe(0);
    expect(o.crowd?.halfLifeMs).toBe(5 * 60_000);
  });

  it('refuses a value that is not a number, naming the variable', () => {
    expect(() => relayOptionsFromEnv({ RATE_LIMIT_DEVICE_PER_MINUTE: 'lots' }, () => demo)).toThrow(
      /RATE_LIMIT_DEVICE_PER_MINUTE must be a number/,
    );
  });

  it('reads TRUST_PROXY as a number of proxies (true: one) and refuses anything else', () => {
    expect(relayOptionsFromEnv({ TRUST_PROXY: 'true' }, () => demo).trustProxy).toBe(1);
    expect(relayOptionsFromEnv({ TRUST_PROXY: '2' }, () => demo).trustProxy).toBe(2);
    expect(() => relayOptionsFromEnv({ TRUST_PROXY: 'yes' }, () => demo)).toThrow(/TRUST_PROXY/);
  });

  it('polls the official feed only around conference days', () => {
    const first = demo.days[0]!;
    expect(isConferenceTime(demo, first.start + 60_000)).toBe(true);
    expect(isConferenceTime(demo, first.start - 3 * 60 * 60_000)).toBe(false);
  });
});
