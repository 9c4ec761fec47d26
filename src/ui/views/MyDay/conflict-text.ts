/**
 * A conflict as one talk of the pair sees it: "Overlaps “X” by 25 min", "Tight transfer:
 * 12 min walk from AW1.120 to K.3.401, you have 5 min to reach “X”". Always words, never colour alone.
 */
import type { Conflict } from '../../../domain/conflicts';
import type { Talk, TalkKey } from '../../../domain/model';

/** A short label ("Overlap") and the sentence, for one talk of a conflict. */
export interface ConflictText {
  label: string;
  text: string;
}

/** The conflict from `talk`'s side; `byKey` gives the other talk's title. */
export function conflictText(
  conflict: Conflict,
  talk: TalkKey,
  byKey: ReadonlyMap<TalkKey, Talk>,
): ConflictText {
  const isFirst = conflict.first === talk;
  const otherKey = isFirst ? conflict.second : conflict.first;
  const other = `“${byKey.get(otherKey)?.title ?? otherKey}”`;
  switch (conflict.kind) {
    case 'overlap':
      return { label: 'Overlap', text: `overlaps ${other} by ${conflict.minutes} min` };
    case 'tight-transfer': {
      const walk = `${conflict.walkingMinutes} min walk from ${conflict.fromRoom} to ${conflict.toRoom}`;
      const seat =
        conflict.marginMinutes > 0 ? ` plus ${conflict.marginMinutes} to find a seat` : '';
      return {
        label: 'Tight transfer',
        text: `${walk}${seat}, you have ${conflict.gapMinutes} min ${isFirst ? 'to reach' : 'after'} ${other}`,
      };
    }
    case 'unknown-walk':
      return {
        label: 'Quick room change',
        text: `walking time from ${conflict.fromRoom} to ${conflict.toRoom} is unknown, you have ${conflict.gapMinutes} min ${isFirst ? 'to reach' : 'after'} ${other}`,
      };
  }
}
