/**
 * Hand-written validation of a POST /api/reports body: the exact shape `{id, room, level, at,
 * device}` and nothing else, with a reason a client developer can act on.
 */
import { FULLNESS_LEVELS, type FullnessLevel } from '../domain/fullness';

/** A report body that has the right shape (the room is checked against the schedule later). */
export interface ReportBody {
  id: string;
  room: string;
  level: FullnessLevel;
  at: number;
  device: string;
}

/** Either the checked body or why it was refused. */
export type Validation = { ok: true; value: ReportBody } | { ok: false; reason: string };

const FIELDS = ['id', 'room', 'level', 'at', 'device'] as const;
const TOKEN = /^[A-Za-z0-9_-]{8,64}$/;
const CONTROL = /[\p{Cc}\p{Cf}]/u;

/** Checks a parsed JSON value against the report schema. */
export function validateReport(body: unknown): Validation {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, reason: 'The body must be a JSON object {id, room, level, at, device}.' };
  }
  const fields = body as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      return { ok: false, reason: `Unknown field "${key.slice(0, 40)}".` };
    }
  }
  const { id, room, level, at, device } = fields;
  if (typeof id !== 'string' || !TOKEN.test(id)) {
    return { ok: false, reason: '"id" must be 8–64 letters, digits, "-" or "_" (a UUID).' };
  }
  if (typeof device !== 'string' || !TOKEN.test(device)) {
    return { ok: false, reason: '"device" must be 8–64 letters, digits, "-" or "_".' };
  }
  if (typeof room !== 'string' || room.trim() === '' || room.length > 100) {
    return { ok: false, reason: '"room" must be a room name or slug (1–100 characters).' };
  }
  if (CONTROL.test(room)) {
    return { ok: false, reason: '"room" must not contain control or formatting characters.' };
  }
  if (typeof level !== 'string' || !(FULLNESS_LEVELS as readonly string[]).includes(level)) {
    return { ok: false, reason: `"level" must be one of ${FULLNESS_LEVELS.join(', ')}.` };
  }
  if (typeof at !== 'number' || !Number.isSafeInteger(at) || at <= 0) {
    return { ok: false, reason: '"at" must be a time in UTC milliseconds since 1970.' };
  }
  return { ok: true, value: { id, room, level: level as FullnessLevel, at, device } };
}

/** Why a report's time is refused (in the future beyond the skew, or too old), or undefined. */
export function checkReportTime(
  at: number,
  now: number,
  maxAgeMs: number,
  skewMs: number,
): string | undefined {
  if (at > now + skewMs) {
    return `"at" is ${Math.round((at - now) / 1000)} s in the future: check the phone's clock.`;
  }
  if (at < now - maxAgeMs) {
    return `"at" is more than ${Math.round(maxAgeMs / 60_000)} minutes old: the report is no longer useful.`;
  }
  return undefined;
}
