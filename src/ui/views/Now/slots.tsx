/**
 * Crowd fullness and "stay or go" in the Now view. Now.tsx renders these two components at the
 * right places and passes them what they need:
 *
 * - <RoomFullnessSlot talk room building at/> sits in every talk row of Now, next to the
 *   "On My day" mark: the room's fullness badge, and "Room full?" on talks that are on.
 * - <StayOrGoSlot .../> sits under the Now heading, above the buildings: the "stay or go"
 *   card. It receives the talks running and starting within the hour at the viewed instant,
 *   and the bookmarked ones among them.
 */
import type { Talk } from '../../../domain/model';
import { useStore } from '../../../state/context';
import { TalkFullness } from '../../components/FullnessBadge';
import { PlanBButton } from '../../components/PlanBSheet';
import { StayOrGo } from '../../components/StayOrGo';

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

/**
 * The room's crowd fullness badge (or "likely full"), and on a talk that is on at the viewed
 * instant the "Room full?" button that opens its Plan B sheet.
 */
export function RoomFullnessSlot({ talk, at }: RoomFullnessSlotProps) {
  const conference = useStore().conference.value;
  if (!conference || talk.cancelled) return null;
  const running = talk.start <= at && at < talk.end;
  return (
    <>
      <TalkFullness talk={talk} conference={conference} compact={false} />
      {running && <PlanBButton talk={talk} compact />}
    </>
  );
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

/** The "stay or go" card (components/StayOrGo.tsx). */
export function StayOrGoSlot({ at, live, running }: StayOrGoSlotProps) {
  return <StayOrGo at={at} live={live} running={running} />;
}
