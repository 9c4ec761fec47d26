/**
 * ─── LEAD: SLOTS FOR CROWD FULLNESS AND "STAY OR GO" ───────────────────────────────────────
 * The Now view renders these two components at the right places and passes them what they
 * need. They render nothing today; fill them in (or swap the import) without touching Now.tsx:
 *
 * - <RoomFullnessSlot talk room building at/> sits in every talk row of Now, next to the
 *   "On My day" mark: put the room's fullness badge here ("full", "door closed, queue").
 * - <StayOrGoSlot .../> sits under the Now heading, above the buildings: put the "stay or
 *   go" card here (e.g. the user is in a bookmarked talk and the next one is in a room that
 *   is filling up). It receives the talks running and starting within the hour at the
 *   viewed instant, and the bookmarked ones among them.
 */
import type { Talk } from '../../../domain/model';

/** Props of the fullness slot in a Now row. */
export interface RoomFullnessSlotProps {
  talk: Talk;
  /** Room name as in the schedule ("UB2.252A (Lameere)"); its slug is in conference.rooms. */
  room: string;
  /** Building id ("U"), or "unknown". */
  building: string;
  /** The instant the view shows (UTC ms): the clock, or where "Later" moved it. */
  at: number;
}

/** LEAD: the room's crowd fullness badge. Renders nothing for now. */
export function RoomFullnessSlot(_props: RoomFullnessSlotProps) {
  return null;
}

/** Props of the stay-or-go slot at the top of Now. */
export interface StayOrGoSlotProps {
  /** The instant the view shows (UTC ms). */
  at: number;
  /** True when `at` is the clock's now (not a look ahead or back). */
  live: boolean;
  running: readonly Talk[];
  upcoming: readonly Talk[];
  /** Bookmarked talks among running and upcoming, in time order. */
  mine: readonly Talk[];
}

/** LEAD: the "stay or go" card. Renders nothing for now. */
export function StayOrGoSlot(_props: StayOrGoSlotProps) {
  return null;
}
