/** How Plan B orders its alternatives: one score, tiers first, practicalities last. */

/**
 * The rank of an alternative, as one number: bookmarked (+1000) above same track (+100) above
 * related (+50 + 20 × cosine) above unrelated; a likely-full room costs 25; the practical part
 * adds up to 10 for a short walk and 10 for most of the talk left. So a bookmark always comes
 * first, and a same-track or related talk always outranks an unrelated one, likely full or not.
 */
export function rankScore(s: {
  bookmarked: boolean;
  sameTrack: boolean;
  relatedScore: number | undefined;
  walkMinutes: number;
  leftShare: number;
  likelyFull: boolean;
}): number {
  return (
    (s.bookmarked ? 1000 : 0) +
    (s.sameTrack ? 100 : 0) +
    (s.relatedScore !== undefined ? 50 + 20 * s.relatedScore : 0) -
    (s.likelyFull ? 25 : 0) +
    10 * (1 - Math.min(Math.max(0, s.walkMinutes), 15) / 15) +
    10 * Math.max(0, Math.min(1, s.leftShare))
  );
}
