/** How Plan B orders its alternatives: one score, tiers first, practicalities last. */

/** The largest topic score that still adds to the rank (beyond it, closeness is not news). */
const TOPIC_CAP = 5;
/**
 * What closeness to the topic adds below the threshold, at most: more than the practical part
 * (20), so a talk nearly on the topic comes before a nearer one on nothing like it.
 */
const NEAR_MISS = 30;
/**
 * What closeness to the full talk's devroom subject adds, per unit (1 = as close as the closest
 * 2 % of other tracks' talks), up to SUBJECT_CAP units: as much as a short walk, so among talks
 * equally near the topic the one on the devroom's subject comes first.
 */
const SUBJECT_WEIGHT = 10;
const SUBJECT_CAP = 1.5;
/** Minutes of walking assumed in the rank when the walk is unknown: neither near nor far. */
const UNKNOWN_WALK_RANK = 5;

/**
 * The rank of an alternative, as one number: bookmarked (+1000) above related (+100, plus up to
 * 50 by topic score) above the rest, which are ordered by how close they come to the topic (up
 * to +30, so a near miss comes before a talk on nothing like it, and up to +15 for closeness to
 * the full talk's devroom subject); a likely-full room costs 25;
 * the practical part adds up to 10 for a short walk and 10 for most of the talk left. So a
 * bookmark always comes first, and a related talk always outranks an unrelated one, likely full
 * or not.
 */
export function rankScore(s: {
  bookmarked: boolean;
  /** The topic model's score against the full talk (0 when there is none). */
  topicScore: number;
  /** Whether the talk is called related (its score reached the threshold and has a reason). */
  related: boolean;
  relatedThreshold: number;
  /** How close the talk comes to the full talk's devroom subject (TopicRelation.subject). */
  subject?: number;
  /** Undefined when the venue cannot tell. */
  walkMinutes: number | undefined;
  leftShare: number;
  likelyFull: boolean;
}): number {
  const topic = Math.max(0, Math.min(s.topicScore, TOPIC_CAP));
  const walk = s.walkMinutes ?? UNKNOWN_WALK_RANK;
  return (
    (s.bookmarked ? 1000 : 0) +
    (s.related ? 100 + 10 * topic : NEAR_MISS * Math.min(1, topic / (s.relatedThreshold || 1))) +
    SUBJECT_WEIGHT * Math.min(SUBJECT_CAP, Math.max(0, s.subject ?? 0)) -
    (s.likelyFull ? 25 : 0) +
    10 * (1 - Math.min(Math.max(0, walk), 15) / 15) +
    10 * Math.max(0, Math.min(1, s.leftShare))
  );
}
