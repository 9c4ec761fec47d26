/**
 * The Plan B evaluation set's scenarios and candidates: a room full at a minute when a talk runs
 * there, and every talk elsewhere that runs at that minute or starts within the next half hour.
 * The choice is deterministic (a fixed seed, one talk per track), so the graders, the test and
 * the benchmark all see the same scenarios. The grades themselves live in
 * test/fixtures/planb-eval/grades.json.
 */
import type { Conference, Talk } from '../../src/domain/model';

/** The schedules the set is drawn from, and how many scenarios each gives. */
export const EVAL_SOURCES = [
  { file: 'fosdem-2024-schedule.xml', scenarios: 34 },
  { file: 'fosdem-2020-schedule.xml', scenarios: 32 },
  { file: '36c3-schedule.json', scenarios: 10 },
  // Added later, graded the same way: conferences with no devrooms (LCA's ICS, rC3's pretalx).
  { file: 'lca2020-schedule.ics', scenarios: 8 },
  { file: 'pretalx-rc3-schedule.json', scenarios: 8 },
] as const;

/** Candidates run at the scenario's minute (with at least 5 min left) or start within 30 min. */
export const CANDIDATE_WINDOW_MINUTES = 30;
const MINUTE = 60_000;

/** A deterministic pseudo-random sequence (same seed, same scenarios). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** The talks a scenario's candidates are drawn from: other rooms, not cancelled, in reach of time. */
export function candidatesAt(conference: Conference, full: Talk, at: number): Talk[] {
  return conference.talks.filter(
    (t) =>
      t !== full &&
      t.key !== full.key &&
      !t.cancelled &&
      t.room !== full.room &&
      t.end > at + 5 * MINUTE &&
      t.start <= at + CANDIDATE_WINDOW_MINUTES * MINUTE,
  );
}

/** One scenario: the talk whose room is full and the minute it is found full. */
export interface EvalScenario {
  full: Talk;
  at: number;
}

/**
 * `count` scenarios from a conference: talks of distinct tracks (then any), at least 20 minutes
 * long, not cancelled, with at least 3 candidates; the room found full 0–10 minutes after the start.
 */
export function pickScenarios(conference: Conference, count: number, seed: number): EvalScenario[] {
  const random = lcg(seed);
  const pool = conference.talks.filter((t) => !t.cancelled && t.end - t.start >= 20 * MINUTE);
  const shuffled = pool
    .map((t) => ({ t, r: random() }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.t);
  const seenTracks = new Set<string>();
  const chosen: EvalScenario[] = [];
  for (const pass of [true, false]) {
    for (const t of shuffled) {
      if (chosen.length >= count) break;
      if (chosen.some((s) => s.full === t)) continue;
      if (pass && seenTracks.has(t.track)) continue;
      const at = t.start + Math.floor(random() * 11) * MINUTE;
      if (candidatesAt(conference, t, at).length < 3) continue;
      seenTracks.add(t.track);
      chosen.push({ full: t, at });
    }
  }
  return chosen;
}
