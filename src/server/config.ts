/**
 * The relay's environment variables → RelayOptions. Every variable is optional:
 * DATA_DIR (.planb-data) · OFFICIAL_STATUS_URL (none) · OFFICIAL_STATUS_INTERVAL_SECONDS (60) ·
 * OFFICIAL_STATUS_TIMEOUT_SECONDS (10) · OFFICIAL_STATUS_ALWAYS (0: poll only on conference
 * days) · RATE_LIMIT_DEVICE_PER_MINUTE (12) · RATE_LIMIT_ADDRESS_PER_MINUTE (600; 0 turns a
 * limit off; the burst is half a minute's worth) · TRUST_PROXY (0: no proxy; 1 or true: one
 * reverse proxy of yours; N: that many) · VENUE_NETWORKS (none: CIDRs whose phones share an
 * address) · VENUE_SOURCE_WEIGHT (2) · CORS_ORIGINS (none besides the app's own; "*": any) ·
 * RELAY_ADMIN_TOKEN (none: GET /api/reports closed) · SOURCE_MAPS (0) · SSE_MAX_CLIENTS (20000) ·
 * CROWD_HALF_LIFE_MINUTES (10) · PUSH_SUBJECT (mailto:planb-relay@example.org: the contact push
 * services see with each reminder).
 */
import { resolve } from 'node:path';
import type { Conference } from '../domain/model';
import { DEFAULT_RATE_LIMITS, DEFAULT_VENUE_SOURCE_WEIGHT, type RelayOptions } from './app';
import type { RateLimit } from './rate-limit';
import { DEFAULT_SSE_MAX_CLIENTS } from './sse';

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
    trustProxy: proxyHops(env.TRUST_PROXY),
    ...(env.VENUE_NETWORKS?.trim() ? { venueNetworks: env.VENUE_NETWORKS.trim() } : {}),
    venueSourceWeight: envNumber(env, 'VENUE_SOURCE_WEIGHT', DEFAULT_VENUE_SOURCE_WEIGHT),
    corsOrigins: (env.CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/$/, ''))
      .filter(Boolean),
    ...(env.RELAY_ADMIN_TOKEN?.trim() ? { adminToken: env.RELAY_ADMIN_TOKEN.trim() } : {}),
    sourceMaps: env.SOURCE_MAPS === '1' || env.SOURCE_MAPS === 'true',
    sse: { maxClients: envNumber(env, 'SSE_MAX_CLIENTS', DEFAULT_SSE_MAX_CLIENTS) },
    crowd: { halfLifeMs: envNumber(env, 'CROWD_HALF_LIFE_MINUTES', 10) * 60_000 },
    ...(env.PUSH_SUBJECT?.trim()
      ? { push: { subject: pushSubject(env.PUSH_SUBJECT.trim()) } }
      : {}),
  };
}

/** PUSH_SUBJECT: push services want a mailto: or https: address to reach the relay's owner. */
function pushSubject(raw: string): string {
  if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(raw)) {
    throw new Error(`PUSH_SUBJECT must be a mailto: or https: address, not "${raw}".`);
  }
  return raw;
}

/** TRUST_PROXY: "true" is one proxy, a whole number that many, anything else none. */
function proxyHops(raw: string | undefined): number {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === 'true') return 1;
  const hops = Number(value);
  if (value !== '' && (!Number.isInteger(hops) || hops < 0 || hops > 10)) {
    throw new Error(`TRUST_PROXY must be 0, 1 (or true) or a number of proxies, not "${raw}".`);
  }
  return hops || 0;
}
