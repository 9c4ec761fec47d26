/**
 * Scores Plan B against the judged evaluation set (test/fixtures/planb-eval/grades.json): for
 * each scenario the full talk's room is reported full at the graded minute and the attendee
 * stands at its door; the engine's five alternatives are compared with the grades.
 * - falseClaimShare: of the alternatives the engine calls related, the share graded 0.
 * - recallAt5: of the related talks (graded 1 or 2) the engine finds reachable in time, the share
 *   in its five alternatives (a scenario with more than five counts five at most).
 * - top3Share: the grades of the first three alternatives as a share of the best three possible
 *   among reachable talks, over the scenarios where anything related is reachable.
 * - pairClaims / pairFalseClaims: the same claim rule applied to every graded pair, reachable or
 *   not (far more claims than the five shown, so a steadier read of how often a claim is wrong).
 * `heldOut` repeats the figures for the scenarios graded after the claim rule was last changed.
 * Used by the test (floors) and the benchmark (figures).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RoomFullness } from '../../src/domain/fullness';
import type { Conference } from '../../src/domain/model';
import {
  type PlanBOptions,
  planB,
  planBIndex,
  relatedReason,
  type Suggestion,
  topicRelation,
} from '../../src/domain/planb';
import { parseSchedule } from '../../src/domain/schedule';

const here = dirname(fileURLToPath(import.meta.url));
/** The graded fixture, committed with the tests. */
export const GRADES_FILE = resolve(here, '../../test/fixtures/planb-eval/grades.json');

interface GradedDoc {
  scenarios: GradedScenario[];
  /** The scenarios graded after the engine's claim rule was last changed. */
  heldOut?: { about: string; scenarios: string[] };
}

interface GradedScenario {
  id: string;
  file: string;
  full: { id: string; title: string };
  at: string;
  grades: Record<string, 0 | 1 | 2>;
}

/** One scenario's outcome, for reports and for reading what went wrong. */
export interface ScenarioResult {
  id: string;
  fullTitle: string;
  /** Alternatives offered, best first: talk id, grade (undefined: not graded), the claim. */
  offered: { id: string; title: string; grade: number | undefined; claim: string | undefined }[];
  relatedReachable: number;
  relatedOffered: number;
  top3: number;
  best3: number;
}

/** The evaluation's figures. */
export interface EvalFigures {
  scenarios: number;
  claims: number;
  falseClaims: number;
  falseClaimShare: number;
  relatedReachable: number;
  relatedFound: number;
  recallAt5: number;
  top3Share: number;
  /** The claim rule on every graded pair: claims made, and those on talks graded 0. */
  pairClaims: number;
  pairFalseClaims: number;
  results: ScenarioResult[];
  /** The same figures for the held-out scenarios only (undefined when the set has none). */
  heldOut?: Omit<EvalFigures, 'heldOut' | 'results'>;
}

/** The claim of relatedness a suggestion makes, in the words shown (undefined: none). */
export function claimOf(s: Suggestion): string | undefined {
  return s.topic?.reason;
}

const conferences = new Map<string, Conference>();
function conferenceOf(dataDir: string, file: string): Conference {
  let c = conferences.get(file);
  if (!c) {
    c = parseSchedule(readFileSync(join(dataDir, file), 'utf8'));
    conferences.set(file, c);
  }
  return c;
}

const full = (room: string, at: number): RoomFullness => ({
  room,
  level: 'full',
  confidence: 1,
  source: 'crowd',
  reports: 3,
  updatedAt: at,
});

/** Runs the engine on every graded scenario and returns the figures (and the held-out part's). */
export function evaluatePlanB(dataDir: string, options: Partial<PlanBOptions> = {}): EvalFigures {
  const doc = JSON.parse(readFileSync(GRADES_FILE, 'utf8')) as GradedDoc;
  const all = scoreScenarios(dataDir, doc.scenarios, options);
  const held = new Set(doc.heldOut?.scenarios ?? []);
  if (held.size === 0) return all;
  const { results: _r, ...heldOut } = scoreScenarios(
    dataDir,
    doc.scenarios.filter((s) => held.has(s.id)),
    options,
  );
  return { ...all, heldOut };
}

function scoreScenarios(
  dataDir: string,
  scenarios: readonly GradedScenario[],
  options: Partial<PlanBOptions>,
): EvalFigures {
  const results: ScenarioResult[] = [];
  let pairClaims = 0;
  let pairFalseClaims = 0;
  let claims = 0;
  let falseClaims = 0;
  let relatedReachable = 0;
  let relatedFound = 0;
  let top3Sum = 0;
  let best3Sum = 0;
  for (const s of scenarios) {
    const conference = conferenceOf(dataDir, s.file);
    const talk = conference.talks.find((t) => t.id === s.full.id);
    if (!talk) throw new Error(`${s.id}: no talk ${s.full.id} in ${s.file}`);
    const topics = planBIndex(conference).topics;
    const threshold = options.relatedThreshold;
    for (const [id, g] of Object.entries(s.grades)) {
      const other = conference.talks.find((t) => t.id === id);
      if (!other) continue;
      if (relatedReason(topicRelation(topics, talk, other), threshold) === undefined) continue;
      pairClaims++;
      if (g === 0) pairFalseClaims++;
    }
    const now = Date.parse(s.at);
    const room = conference.rooms.find((r) => r.name === talk.room);
    const ctx = {
      now,
      conference,
      talk,
      fromRoom: talk.room,
      fullness: [full(room?.slug ?? talk.room, now)],
    };
    const plan = planB({ ...ctx, options: { ...options, limit: 5 } });
    const all = planB({ ...ctx, options: { ...options, limit: Number.POSITIVE_INFINITY } });
    const grade = (id: string): number | undefined => s.grades[id];
    const reachable = all.alternatives.map((a) => grade(a.talk.id) ?? 0);
    const relatedHere = reachable.filter((g) => g > 0).length;
    const best3 = [...reachable]
      .sort((a, b) => b - a)
      .slice(0, 3)
      .reduce((n, g) => n + g, 0);
    const offered = plan.alternatives.map((a) => ({
      id: a.talk.id,
      title: a.talk.title,
      grade: grade(a.talk.id),
      claim: claimOf(a),
    }));
    for (const o of offered) {
      if (o.claim === undefined) continue;
      claims++;
      if ((o.grade ?? 0) === 0) falseClaims++;
    }
    const found = offered.filter((o) => (o.grade ?? 0) > 0).length;
    relatedReachable += Math.min(5, relatedHere);
    relatedFound += Math.min(5, found);
    const top3 = offered.slice(0, 3).reduce((n, o) => n + (o.grade ?? 0), 0);
    if (best3 > 0) {
      top3Sum += top3;
      best3Sum += best3;
    }
    results.push({
      id: s.id,
      fullTitle: talk.title,
      offered,
      relatedReachable: relatedHere,
      relatedOffered: found,
      top3,
      best3,
    });
  }
  return {
    scenarios: scenarios.length,
    claims,
    falseClaims,
    falseClaimShare: claims ? falseClaims / claims : 0,
    relatedReachable,
    relatedFound,
    recallAt5: relatedReachable ? relatedFound / relatedReachable : 1,
    top3Share: best3Sum ? top3Sum / best3Sum : 1,
    pairClaims,
    pairFalseClaims,
    results,
  };
}
