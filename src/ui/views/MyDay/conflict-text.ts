/**
 * My day's problems and moves in words, never colour alone: "Overlap: 20 min with “Podman…”,
 * which My day follows"; "Stay here in UD2.208 · 5 min"; "8 min walk to AW1.120 · 15 min free"; "Tight transfer: 10 min walk to K.1.105, you have 5 min".
 */
import type { Talk, TalkKey } from '../../../domain/model';
import type { PlanMove, PlanOverlap } from '../../../domain/my-day';
import { formatMinutes } from '../../../domain/my-day';

/** A short label ("Overlap") and the rest of the sentence. */
export interface ConflictText {
  label: string;
  text: string;
}

/** One overlap as the talk it is said on shows it; `byKey` gives the other talk's title. */
export function overlapText(
  overlap: PlanOverlap,
  byKey: ReadonlyMap<TalkKey, Talk>,
  attended: { has(key: TalkKey): boolean },
): ConflictText {
  const other = `“${byKey.get(overlap.other)?.title ?? overlap.other}”`;
  const why = !overlap.otherFollowed
    ? ''
    : attended.has(overlap.other)
      ? ', which you attended'
      : ', which My day follows';
  return { label: 'Overlap', text: `${overlap.conflict.minutes} min with ${other}${why}` };
}

/**
 * The time between two talks: "2 h 35 min free" (when long enough to count as free time),
 * "5 min", "no break". The clock times are on the talks above and below.
 */
function between(move: PlanMove): string {
  if (move.freeLabel) return `${formatMinutes(move.minutes)} free`;
  return move.minutes > 0 ? `${move.minutes} min` : 'no break';
}

/** "K.1.105 (La Fontaine)" → "K.1.105": the talk row below gives the full name. */
function roomCode(room: string): string {
  return room.replace(/\s*\([^)]*\)\s*$/, '').trim() || room.trim();
}

/** The move to the next talk: a warning (label set) or a plain line (label empty). */
export function moveText(move: PlanMove): ConflictText {
  const to = roomCode(move.to.room);
  const { conflict } = move;
  if (conflict?.kind === 'tight-transfer') {
    const seat = conflict.marginMinutes > 0 ? ` plus ${conflict.marginMinutes} to find a seat` : '';
    return {
      label: 'Tight transfer',
      text: `${conflict.walkingMinutes} min walk to ${to}${seat}, you have ${conflict.gapMinutes} min`,
    };
  }
  if (conflict)
    return {
      label: 'Quick room change',
      text: `walking time to ${to} unknown, you have ${conflict.gapMinutes} min`,
    };
  if (move.stay) return { label: 'Stay here', text: `in ${to} · ${between(move)}` };
  const walk =
    move.walkingMinutes === undefined ? `To ${to}` : `${move.walkingMinutes} min walk to ${to}`;
  return { label: '', text: `${walk} · ${between(move)}` };
}
