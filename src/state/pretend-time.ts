/**
 * Time travel that survives a reload: the pretend clock's offset is kept in settings, and a
 * `?now=` in the URL (venue-local "2020-02-01T11:00" or ISO with offset) sets it once, as soon as
 * a schedule (and so its time zone) is there.
 */
import { parseVenueDateTime } from '../domain/time';
import type { PlanBDb } from '../storage/schema';
import { getSetting, setSetting } from '../storage/settings-repo';
import type { Clock } from './clock';
import type { Notices } from './notices';

/** Settings key of the pretend clock's offset from real time (ms). */
const PRETEND_OFFSET = 'clock.offset';

/** The pretend-clock part of the store. */
export interface PretendTime {
  /** Sets the clock from the saved offset. */
  restore(): Promise<void>;
  /** Pretend it is `instant` (null: real time); remembered across reloads. */
  set(instant: number | null): Promise<void>;
  /** Applies the URL's `?now=` once, when there is a schedule to read it in. */
  applyNowParam(timeZone: string | undefined): void;
}

/** Creates the pretend-clock part of the store. */
export function createPretendTime(deps: {
  db: PlanBDb;
  clock: Clock;
  notices: Notices;
  nowParam?: string | null | undefined;
}): PretendTime {
  let nowParamApplied = false;
  const set = async (instant: number | null) => {
    deps.clock.pretend(instant);
    await setSetting(deps.db, PRETEND_OFFSET, deps.clock.offset.value);
  };
  return {
    async restore() {
      const offset = await getSetting<number>(deps.db, PRETEND_OFFSET);
      if (typeof offset === 'number') deps.clock.pretend(deps.clock.now.value + offset);
    },
    set,
    applyNowParam(timeZone) {
      const param = deps.nowParam?.trim();
      if (!param || !timeZone || nowParamApplied) return;
      nowParamApplied = true;
      const instant = parseVenueDateTime(param, timeZone);
      if (instant === undefined) {
        deps.notices.push({
          kind: 'error',
          text: `"now=${param}" is not a date and time (try 2020-02-01T11:00).`,
        });
        return;
      }
      // The clock is set at once; a full disk only means it is not remembered: say so.
      set(instant).catch((error: Error) =>
        deps.notices.push({ kind: 'error', text: error.message }),
      );
    },
  };
}
