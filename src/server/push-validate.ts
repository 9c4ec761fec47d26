/**
 * Hand-written validation of the reminder endpoints' bodies, with a reason a client developer can
 * act on: PUT `{subscription: {endpoint, keys: {p256dh, auth}, expirationTime?}, times: [ms…]}`
 * and DELETE `{endpoint}`. The relay will POST to the endpoint, so it must be an https URL of a
 * named host (no IP literal, no localhost), unless `allowLocal` (tests on 127.0.0.1).
 */
import { isIP } from 'node:net';
import { MAX_REMINDERS } from '../domain/reminders';
import { isKey } from './push-keys';
import type { PushTarget } from './push-store';

/** Longest accepted endpoint URL (real ones are 150–500 characters). */
export const MAX_ENDPOINT_LENGTH = 1024;
/** How far ahead a reminder may be (a conference is days, not months, away). */
export const MAX_AHEAD_MS = 60 * 24 * 60 * 60_000;
/** How far in the past a time may be (clock skew; the relay sends it at once). */
export const PAST_SKEW_MS = 60_000;

/** Either the checked value or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

/** What validation needs to know. */
export interface PushRules {
  now: number;
  /** Accept http: and loopback/IP endpoints (tests only). */
  allowLocal: boolean;
}

const fail = (reason: string) => ({ ok: false, reason }) as const;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unknownField(v: Record<string, unknown>, allowed: readonly string[]): string | undefined {
  const extra = Object.keys(v).find((k) => !allowed.includes(k));
  return extra === undefined ? undefined : `Unknown field "${extra.slice(0, 40)}".`;
}

/** Checks an endpoint URL; returns why it is refused, or undefined. */
export function endpointProblem(endpoint: unknown, allowLocal: boolean): string | undefined {
  if (typeof endpoint !== 'string' || endpoint.length === 0) {
    return '"endpoint" must be the push subscription\'s URL.';
  }
  if (endpoint.length > MAX_ENDPOINT_LENGTH) {
    return `"endpoint" is longer than ${MAX_ENDPOINT_LENGTH} characters.`;
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return '"endpoint" is not a URL.';
  }
  if (allowLocal && (url.protocol === 'http:' || url.protocol === 'https:')) return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'https:' || url.username || url.password) {
    return '"endpoint" must be an https URL of a push service.';
  }
  if (isIP(host) || host === 'localhost' || host.endsWith('.localhost') || !host.includes('.')) {
    return '"endpoint" must name a push service by its host name.';
  }
  return undefined;
}

/** Checks a PUT body: the subscription and up to MAX_REMINDERS instants (deduplicated, sorted). */
export function validateReminderSync(
  body: unknown,
  rules: PushRules,
): Checked<{ target: PushTarget; times: number[] }> {
  if (!isObject(body)) return fail('The body must be a JSON object {subscription, times}.');
  const extra = unknownField(body, ['subscription', 'times']);
  if (extra) return fail(extra);
  const { subscription, times } = body;
  if (!isObject(subscription)) {
    return fail('"subscription" must be the object PushSubscription.toJSON() gives.');
  }
  const extraSub = unknownField(subscription, ['endpoint', 'keys', 'expirationTime']);
  if (extraSub) return fail(extraSub);
  const problem = endpointProblem(subscription.endpoint, rules.allowLocal);
  if (problem) return fail(problem);
  const { keys } = subscription;
  if (!isObject(keys) || unknownField(keys, ['p256dh', 'auth'])) {
    return fail('"subscription.keys" must be {p256dh, auth}.');
  }
  if (!isKey(keys.p256dh, 65) || Buffer.from(keys.p256dh, 'base64url')[0] !== 4) {
    return fail('"subscription.keys.p256dh" must be a P-256 public key (65 bytes, base64url).');
  }
  if (!isKey(keys.auth, 16)) {
    return fail('"subscription.keys.auth" must be 16 bytes, base64url.');
  }
  if (!Array.isArray(times)) return fail('"times" must be a list of instants (UTC ms).');
  if (times.length > MAX_REMINDERS) {
    return fail(`"times" holds at most ${MAX_REMINDERS} instants; send the earliest ones.`);
  }
  for (const t of times) {
    if (typeof t !== 'number' || !Number.isSafeInteger(t)) {
      return fail('Each of "times" must be a whole number of UTC milliseconds.');
    }
    if (t < rules.now - PAST_SKEW_MS) {
      return fail('A time in "times" is in the past: check the phone\'s clock.');
    }
    if (t > rules.now + MAX_AHEAD_MS) {
      return fail('A time in "times" is more than 60 days ahead.');
    }
  }
  return {
    ok: true,
    value: {
      target: {
        endpoint: subscription.endpoint as string,
        keys: { p256dh: keys.p256dh, auth: keys.auth },
      },
      times: [...new Set(times as number[])].sort((a, b) => a - b),
    },
  };
}

/** Checks a DELETE body `{endpoint}`. */
export function validateUnsubscribe(body: unknown): Checked<string> {
  if (!isObject(body)) return fail('The body must be a JSON object {endpoint}.');
  const extra = unknownField(body, ['endpoint']);
  if (extra) return fail(extra);
  const { endpoint } = body;
  if (typeof endpoint !== 'string' || endpoint === '' || endpoint.length > MAX_ENDPOINT_LENGTH) {
    return fail('"endpoint" must be the push subscription\'s URL.');
  }
  return { ok: true, value: endpoint };
}
