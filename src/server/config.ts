/**
 * The relay's environment variables → RelayOptions. Every variable is optional:
 * DATA_DIR (.planb-data) · OFFICIAL_STATUS_URL (none) · OFFICIAL_STATUS_INTERVAL_SECONDS (60) ·
 * OFFICIAL_STATUS_TIMEOUT_SECONDS (10) · OFFICIAL_STATUS_ALWAYS (0: poll only on conference
 * days) · RATE_LIMIT_DEVICE_PER_MINUTE (12) · RATE_LIMIT_ADDRESS_PER_MINUTE (600; 0 turns a
 * limit off; the burst is half a minute's worth) · TRUST_PROXY (0) · CROWD_HALF_LIFE_MINUTES (10).
 */
import { resolve } from 'node:path';
import type { Conference } from '../domain/model';
import { DEFAULT_RATE_LIMITS, type RelayOptions } from './app';
import type { RateLimit } from './rate-limit';

/** The data folder when DATA_DIR is not set (relative to the working directory). */
export const DEFAULT_DATA_DIR = '.planb-data';

type Env = Record<string, string | undefined>;

/** Reads a non-negative number from the environment, or throws naming the variable. */
export function envNumber(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number ≥ 0, not "${raw}".`);
  }
  return value;
}

function limit(env: Env, name: string, fallback: RateLimit): RateLimit {
  const perMinute = envNumber(env, name, fallback.perMinute);
  return { perMinute, burst: Math.max(1, Math.ceil(perMinute / 2)) };
}

/** True from 2 hours before a conference day's first talk to 2 hours after its last. */
export function isConferenceTime(conference: Conference, now: number): boolean {
  const margin = 2 * 60 * 60_000;
  return conference.days.some((d) => now >= d.start - margin && now <= d.end + margin);
}

/** Everything RelayOptions takes from the environment (schedule and dist are main.ts's). */
export function relayOptionsFromEnv(
  env: Env,
  conference: () => Conference,
): Omit<RelayOptions, 'schedule' | 'distDir'> {
  const url = env.OFFICIAL_STATUS_URL?.trim();
  const always = env.OFFICIAL_STATUS_ALWAYS === '1' || env.OFFICIAL_STATUS_ALWAYS === 'true';
  return {
    dataDir: resolve(env.DATA_DIR?.trim() || DEFAULT_DATA_DIR),
    ...(url
      ? {
          official: {
            url,
            intervalMs: envNumber(env, 'OFFICIAL_STATUS_INTERVAL_SECONDS', 60) * 1000,
            timeoutMs: envNumber(env, 'OFFICIAL_STATUS_TIMEOUT_SECONDS', 10) * 1000,
            isActive: always ? () => true : () => isConferenceTime(conference(), Date.now()),
          },
        }
      : {}),
    rateLimits: {
      device: limit(env, 'RATE_LIMIT_DEVICE_PER_MINUTE', DEFAULT_RATE_LIMITS.device),
      address: limit(env, 'RATE_LIMIT_ADDRESS_PER_MINUTE', DEFAULT_RATE_LIMITS.address),
    },
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    crowd: { halfLifeMs: envNumber(env, 'CROWD_HALF_LIFE_MINUTES', 10) * 60_000 },
  };
}
