/** "Did you attend?": which talks to ask about. Pure: the user's records are parameters. */
import type { Talk, TalkKey } from './model';

/**
 * Bookmarked talks that are over by `now`, not cancelled and not yet answered (marked attended
 * or declined), in schedule order.
 */
export function talksToConfirm(
  talks: readonly Talk[],
  bookmarked: { has(key: TalkKey): boolean },
  answered: { has(key: TalkKey): boolean },
  now: number,
): Talk[] {
  return talks.filter(
    (t) => bookmarked.has(t.key) && t.end <= now && !t.cancelled && !answered.has(t.key),
  );
}
