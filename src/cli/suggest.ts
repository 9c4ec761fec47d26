/**
 * `planb suggest`: Plan B from the command line, on the same engine as the app: given a moment,
 * the rooms reported full and the attendee's bookmarks, what to watch, where else to go, and
 * whether to stay. Text for people, --json for scripts.
 */

import type { RoomFullness } from '../domain/fullness';
import type { Conference, Talk, TalkKey } from '../domain/model';
import { type PlanB, planB, planBIndex } from '../domain/planb';
import { findRoom } from '../domain/planb/lookup';
import { parseVenueDateTime, toVenueIso, venueDate, venueTime } from '../domain/time';
import { UNKNOWN_BUILDING } from '../domain/venue/types';
import { loadConference } from './load';

/** A value given to `planb suggest` that does not fit the schedule (exit code 1). */
export class SuggestInputError extends Error {
  override readonly name = 'SuggestInputError';
}

/** The options of `planb suggest`, as given on the command line. */
export interface SuggestArgs {
  /** Venue-local "YYYY-MM-DD HH:MM" (or ISO with an offset). */
  at: string;
  /** Rooms reported full (name or slug); the first is the one the attendee cannot get into. */
  full: string[];
  /** The room the attendee is in. */
  from?: string;
  /** The talk they cannot get into (TalkKey, or a bare slug or guid). */
  talk?: string;
  bookmarks: string[];
  json: boolean;
}

function roomNamed(conference: Conference, text: string, option: string): string {
  const room = findRoom(planBIndex(conference), text);
  if (room) return room.name;
  const names = conference.rooms.map((r) => r.name).join(', ');
  throw new SuggestInputError(
    `${option} "${text}": no such room in ${conference.title}. Rooms: ${names}.`,
  );
}

function talkKeyed(conference: Conference, text: string, option: string): TalkKey {
  const byKey = planBIndex(conference).byKey;
  for (const key of [text, `slug:${text}`, `guid:${text}`]) if (byKey.has(key)) return key;
  throw new SuggestInputError(
    `${option} "${text}": no talk with this key in ${conference.title}. Keys look like "slug:…" or "guid:…"; \`planb inspect --talks\` lists them.`,
  );
}

/** The Plan B inputs a command line describes; throws SuggestInputError on any bad value. */
export function suggestInputs(conference: Conference, args: SuggestArgs) {
  const now = parseVenueDateTime(args.at, conference.timeZone);
  if (now === undefined)
    throw new SuggestInputError(
      `--at "${args.at}" is not a date and time: give it in venue time (${conference.timeZone}) as "YYYY-MM-DD HH:MM", e.g. "${venueDate(conference.days[0]?.start ?? 0, conference.timeZone)} 11:00".`,
    );
  const index = planBIndex(conference);
  const fullRooms = args.full.map((r) => roomNamed(conference, r, '--full'));
  const fullness: RoomFullness[] = fullRooms.map((name) => ({
    room: index.rooms.get(name)!.slug,
    level: 'full',
    confidence: 1,
    source: 'crowd',
    reports: 1,
    updatedAt: now,
  }));
  return {
    now,
    conference,
    fullness,
    bookmarks: new Set(args.bookmarks.map((k) => talkKeyed(conference, k, '--bookmark'))),
    ...(args.talk !== undefined ? { talk: talkKeyed(conference, args.talk, '--talk') } : {}),
    ...(fullRooms[0] !== undefined ? { room: fullRooms[0] } : {}),
    ...(args.from !== undefined ? { fromRoom: roomNamed(conference, args.from, '--from') } : {}),
  };
}

function talkJson(conference: Conference, talk: Talk) {
  const room = planBIndex(conference).rooms.get(talk.room);
  return {
    key: talk.key,
    title: talk.title,
    room: talk.room,
    building: room?.building ?? UNKNOWN_BUILDING,
    start: toVenueIso(talk.start, conference.timeZone),
    end: toVenueIso(talk.end, conference.timeZone),
  };
}

/** The --json shape: the full talk, livestream URL or null, ranked alternatives, stay or go. */
export function planBJson(conference: Conference, now: number, plan: PlanB) {
  const advice = plan.stayOrGo;
  return {
    at: toVenueIso(now, conference.timeZone),
    fullTalk: plan.fullTalk ? talkJson(conference, plan.fullTalk) : null,
    livestream: plan.livestream?.watch ?? null,
    hls: plan.livestream?.hls ?? null,
    recordingLater: plan.recordingLater?.url ?? null,
    nothingRelated: plan.nothingRelated,
    nextInRoom: plan.nextHere
      ? {
          ...talkJson(conference, plan.nextHere.talk),
          queueFrom: toVenueIso(plan.nextHere.queueFrom, conference.timeZone),
        }
      : null,
    laterInTrack: plan.laterInTrack.map((t) => talkJson(conference, t)),
    alternatives: plan.alternatives.map((s) => ({
      ...talkJson(conference, s.talk),
      walkMinutes: s.walkKnown ? s.walkMinutes : null,
      related: s.topic?.reason ?? null,
      reasons: s.reasons,
    })),
    stayOrGo: {
      kind: advice.kind,
      message: advice.message,
      warning: advice.warning ?? null,
      nextHere: advice.nextHere ? talkJson(conference, advice.nextHere) : null,
      nextWanted: advice.nextWanted ? talkJson(conference, advice.nextWanted) : null,
    },
  };
}

function planBText(conference: Conference, now: number, plan: PlanB): string {
  const tz = conference.timeZone;
  const span = (t: Talk) => `${venueTime(t.start, tz)}–${venueTime(t.end, tz)}`;
  const lines = [`${conference.title} · ${venueDate(now, tz)} ${venueTime(now, tz)} (${tz})`];
  const full = plan.fullTalk;
  if (full) lines.push(`Full: “${full.title}” in ${full.room}, ${span(full)}`);
  else if (plan.fullRoom) lines.push(`Full: ${plan.fullRoom.name} (no talk there now or soon)`);
  if (plan.livestream)
    lines.push(
      `${plan.livestream.live ? 'Watch it live' : 'Livestream when it starts'}: ${plan.livestream.watch}${plan.livestream.hls ? ` (HLS ${plan.livestream.hls})` : ''}`,
    );
  if (plan.recordingLater) lines.push(`Recording later: ${plan.recordingLater.url}`);
  if (full && plan.nothingRelated) lines.push('Nothing on this topic right now.');
  if (plan.nextHere)
    lines.push(
      `Next in this room: “${plan.nextHere.talk.title}” at ${venueTime(plan.nextHere.talk.start, tz)}, queue from ${venueTime(plan.nextHere.queueFrom, tz)}`,
    );
  if (plan.laterInTrack.length > 0 && full)
    lines.push(
      `Later today in ${full.track}:`,
      ...plan.laterInTrack.map((t) => `    ${span(t)}  ${t.title}  (${t.room})`),
    );
  lines.push('');
  if (plan.alternatives.length === 0) lines.push('No other talk you can reach in time.');
  else lines.push('Try instead:');
  plan.alternatives.forEach((s, i) => {
    lines.push(`${String(i + 1).padStart(2)}. ${span(s.talk)}  ${s.talk.title}  (${s.room.name})`);
    lines.push(`    ${s.reasons.join(' · ')}`);
    lines.push(`    ${s.key}`);
  });
  const advice = plan.stayOrGo;
  if (advice.kind !== 'none' || advice.nextHere) {
    lines.push('', `Stay or go: ${advice.message}`);
    if (advice.warning) lines.push(`Warning: ${advice.warning}`);
  }
  return lines.join('\n');
}

/** Runs `planb suggest` on one schedule; returns the text to print. */
export async function runSuggest(source: string, args: SuggestArgs): Promise<string> {
  const conference = await loadConference(source);
  const inputs = suggestInputs(conference, args);
  const plan = planB(inputs);
  return args.json
    ? JSON.stringify(planBJson(conference, inputs.now, plan), null, 2)
    : planBText(conference, inputs.now, plan);
}
