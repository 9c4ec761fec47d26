/**
 * The tracks of a schedule as Plan B's topic model sees them: what a track is called by people
 * ("Rust devroom" → Rust), whether it is about a subject (a devroom) or only a format (Lightning
 * talks, Main Track, BOFs), how its terms spread (a topic word gathers in a few tracks, filler
 * scatters), and which tracks are close (shared vocabulary and speakers).
 */
import { foldText } from '../text';
import { cosine, percentile, type SparseVector } from './sparse';
import type { TopicTalk } from './topics';

/** Tracks smaller than this say nothing about how a term is spread. */
const LIFT_MIN_TRACK = 4;
/** A track whose talks are this many times more alike than random pairs is about something. */
const TOPICAL_COHESION = 4;
/** Neighbours: among a track's closest three and closer than this share of all track pairs. */
const NEIGHBOUR_PERCENTILE = 0.95;
/** Closeness counts only for pairs closer than this share of all track pairs. */
const CLOSE_PERCENTILE = 0.5;
/** What each shared speaker (up to three) adds to two tracks' affinity. */
const SPEAKER_AFFINITY = 0.05;

/** One track as the model sees it. */
export interface TrackTopic {
  name: string;
  /** The track's name as a person says it: "Rust devroom" → "Rust". */
  label: string;
  /** "devroom" when the schedule calls its tracks devrooms, else "track". */
  noun: 'devroom' | 'track';
  talks: number;
  /** How much more alike its talks are than random pairs (1 = no more alike). */
  cohesion: number;
  /** True when the track is about something (its talks clearly share a topic). */
  topical: boolean;
  /** Neighbouring tracks with their affinity on the conference scale, closest first. */
  neighbours: ReadonlyMap<string, number>;
  /** Every other track by how close its vocabulary and speakers are: 1 = closest. */
  closeness: ReadonlyMap<string, number>;
  /**
   * For a topical track, what it is about: its talks' summed vectors (unit length), and how
   * close talks of other tracks come to it (median and 98th percentile), to put a talk's
   * closeness to the subject on a scale (see subjectCloseness).
   */
  subject?: { centroid: SparseVector; median: number; high: number };
}

/** Talks sampled from other tracks to put closeness to a track's subject on a scale. */
const SUBJECT_SAMPLE = 400;
/** The share of other tracks' talks that come closer to a subject than "high". */
const SUBJECT_HIGH_PERCENTILE = 0.98;

/**
 * How close a talk's vector comes to a track's subject, on that track's scale: 0 up to the
 * median of other tracks' talks, 1 at their 98th percentile (an embedded talk about Rust, for
 * the Rust devroom), more beyond. 0 for a track that is not topical.
 */
export function subjectCloseness(track: TrackTopic | undefined, talk: SparseVector): number {
  const subject = track?.subject;
  if (!subject) return 0;
  const { terms, weights } = subject.centroid;
  let dot = 0;
  // The talk has tens of terms, the centroid hundreds: look each up by binary search.
  for (let i = 0; i < talk.terms.length; i++) {
    const id = talk.terms[i]!;
    let lo = 0;
    let hi = terms.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = terms[mid]!;
      if (v === id) {
        dot += weights[mid]! * talk.weights[i]!;
        break;
      }
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
  }
  return Math.max(0, (dot - subject.median) / Math.max(subject.high - subject.median, 1e-6));
}

/** The subject scale of a topical track: its centroid against a sample of other tracks' talks. */
function subjectScale(
  centroid: SparseVector,
  outside: readonly number[],
  terms: readonly Int32Array[],
  weights: readonly Float32Array[],
  dense: Float32Array,
): { centroid: SparseVector; median: number; high: number } {
  centroid.terms.forEach((id, k) => {
    dense[id] = centroid.weights[k]!;
  });
  const step = Math.max(1, Math.floor(outside.length / SUBJECT_SAMPLE));
  const dots: number[] = [];
  for (let x = 0; x < outside.length; x += step) {
    const i = outside[x]!;
    let d = 0;
    terms[i]!.forEach((id, k) => {
      d += (dense[id] ?? 0) * weights[i]![k]!;
    });
    dots.push(d);
  }
  for (const id of centroid.terms) dense[id] = 0;
  const sorted = Float64Array.from(dots).sort();
  return {
    centroid,
    median: percentile(sorted, 0.5),
    high: percentile(sorted, SUBJECT_HIGH_PERCENTILE),
  };
}

/** The label people use for a track: "Rust devroom" → Rust; "BOF - Track A" stays. */
export function trackLabel(name: string): { label: string; noun: 'devroom' | 'track' } {
  const m = /^(.*?)\s+dev\s?room(?:\s+devroom)?$/i.exec(name.trim());
  if (m?.[1]) return { label: m[1].replace(/\s+devroom$/i, '').trim(), noun: 'devroom' };
  return { label: name.trim(), noun: 'track' };
}

/** One-word track names as written ("Go", "Rust", "Kotlin"): the schedule's own topic names. */
export function oneWordTrackNames(talks: readonly TopicTalk[]): Set<string> {
  const out = new Set<string>();
  for (const t of talks) {
    const { label } = trackLabel(t.track);
    if (/^\p{Lu}[\p{L}\p{N}+#.]*$/u.test(label) && !/s$/.test(label)) out.add(label);
  }
  return out;
}

/**
 * Tracks named after a way of holding sessions rather than a subject: their name contains one
 * of the schedule's talk types other than the usual one ("Lightning talks", "Main Track -
 * Janson", "BOFs (Track A)", "Keynotes", "Workshops" at FOSDEM, where most talks are "devroom").
 */
function formatTracks(talks: readonly TopicTalk[]): Set<string> {
  const letters = (text: string) => foldText(text).replace(/[^\p{L}]/gu, '');
  const counts = new Map<string, number>();
  for (const t of talks) {
    const type = letters(t.type);
    if (type) counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  const usual = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const formats = [...counts.keys()].filter((t) => t !== usual && t.length >= 3);
  const out = new Set<string>();
  for (const t of talks)
    if (t.track && formats.some((f) => letters(t.track).includes(f))) out.add(t.track);
  return out;
}

/** How the schedule's terms spread over its tracks: per track, its size and its terms' talk counts. */
export interface TrackCounts {
  sizes: ReadonlyMap<string, number>;
  /** Per track, term id → how many of its talks use the term (terms in 2+ talks only). */
  counts: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

export function trackCounts(
  talks: readonly TopicTalk[],
  perTalk: readonly Map<number, number>[],
  df: Int32Array,
): TrackCounts {
  const sizes = new Map<string, number>();
  const counts = new Map<string, Map<number, number>>();
  talks.forEach((t, i) => {
    if (!t.track) return;
    sizes.set(t.track, (sizes.get(t.track) ?? 0) + 1);
    let c = counts.get(t.track);
    if (!c) {
      c = new Map();
      counts.set(t.track, c);
    }
    for (const id of perTalk[i]!.keys()) if (df[id]! >= 2) c.set(id, (c.get(id) ?? 0) + 1);
  });
  return { sizes, counts };
}

/**
 * Per term, how much it gathers in one track: the highest share of a track's talks using it,
 * over its share of all talks (1 = spread evenly; 0 without tracks of a useful size).
 */
export function concentration(n: number, tracks: TrackCounts, df: Int32Array): Float64Array {
  const lift = new Float64Array(df.length);
  for (const [track, c] of tracks.counts) {
    const size = tracks.sizes.get(track)!;
    if (size < LIFT_MIN_TRACK) continue;
    for (const [id, k] of c) {
      const l = k / size / (df[id]! / Math.max(1, n));
      if (l > lift[id]!) lift[id] = l;
    }
  }
  return lift;
}

/**
 * Per term, a weight from 0.3 to 1 for how much it keeps to tracks: of the pairs of talks that
 * share it, how many share a track too, against random pairs (smoothed, so a term in two talks
 * is not judged on one pair). Topic words ("telemetry", "Lisp") keep together; filler words
 * ("matters", "strategic") scatter over the schedule. Without tracks every term weighs 1.
 */
export function trackTopicality(n: number, tracks: TrackCounts, df: Int32Array): Float64Array {
  const weight = new Float64Array(df.length).fill(1);
  let samePairs = 0;
  for (const k of tracks.sizes.values()) samePairs += k * (k - 1);
  const base = n > 1 ? samePairs / (n * (n - 1)) : 0;
  if (base <= 0 || base >= 0.5) return weight;
  const same = new Float64Array(df.length);
  for (const c of tracks.counts.values()) for (const [id, k] of c) same[id]! += (k * (k - 1)) / 2;
  df.forEach((d, id) => {
    if (d < 2) return;
    const pairs = (d * (d - 1)) / 2;
    const ratio = (same[id]! + PRIOR_PAIRS * base) / (pairs + PRIOR_PAIRS) / base;
    const w = MIN_TOPICALITY + ((1 - MIN_TOPICALITY) * Math.log2(ratio)) / TOPICAL_LOG2;
    weight[id] = Math.max(MIN_TOPICALITY, Math.min(1, w));
  });
  return weight;
}
/** The weight of a term that keeps to no track. */
const MIN_TOPICALITY = 0.3;
/** A term whose pairs share a track 2^this times more than random pairs weighs fully (8×). */
const TOPICAL_LOG2 = 3;
/** Pseudo-pairs of prior (at the random rate) in the smoothing. */
const PRIOR_PAIRS = 2;

/** A talk's fields as token ids (see TokenTable). */

/**
 * Every track's topic: cohesion (mean pairwise cosine of its talks, against random pairs `mean`),
 * whether it is topical, its neighbours and the closeness rank of every other track (centroid
 * cosine plus speakers in common).
 */
export function buildTrackTopics(
  talks: readonly TopicTalk[],
  terms: readonly Int32Array[],
  weights: readonly Float32Array[],
  speakers: readonly (readonly string[])[],
  mean: number,
): Map<string, TrackTopic> {
  const byTrack = new Map<string, number[]>();
  talks.forEach((t, i) => {
    if (!t.track) return;
    const list = byTrack.get(t.track);
    if (list) list.push(i);
    else byTrack.set(t.track, [i]);
  });
  const centroids = new Map<string, SparseVector>();
  const cohesion = new Map<string, number>();
  for (const [track, members] of byTrack) {
    let sum = 0;
    let pairs = 0;
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        const a = members[x]!;
        const b = members[y]!;
        sum += cosine(terms[a]!, weights[a]!, terms[b]!, weights[b]!);
        pairs++;
      }
    cohesion.set(track, pairs ? sum / pairs / Math.max(mean, 1e-6) : 1);
    const c = new Map<number, number>();
    for (const i of members)
      terms[i]!.forEach((id, k) => {
        c.set(id, (c.get(id) ?? 0) + weights[i]![k]!);
      });
    let norm = 0;
    for (const v of c.values()) norm += v * v;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const ids = Int32Array.from(c.keys()).sort();
    centroids.set(track, { terms: ids, weights: Float32Array.from(ids, (id) => c.get(id)! * inv) });
  }
  const trackSpeakers = new Map<string, Set<string>>();
  talks.forEach((t, i) => {
    if (!t.track) return;
    let set = trackSpeakers.get(t.track);
    if (!set) {
      set = new Set();
      trackSpeakers.set(t.track, set);
    }
    for (const s of speakers[i]!) set.add(s);
  });
  const trackNames = [...byTrack.keys()];
  const affinity = (a: string, b: string): number => {
    const ca = centroids.get(a)!;
    const cb = centroids.get(b)!;
    const s = cosine(ca.terms, ca.weights, cb.terms, cb.weights);
    let shared = 0;
    const sb = trackSpeakers.get(b)!;
    for (const p of trackSpeakers.get(a)!) if (sb.has(p)) shared++;
    return s + SPEAKER_AFFINITY * Math.min(shared, 3);
  };
  const pairAffinities: number[] = [];
  const table = new Map<string, Map<string, number>>();
  for (let x = 0; x < trackNames.length; x++)
    for (let y = x + 1; y < trackNames.length; y++) {
      const a = trackNames[x]!;
      const b = trackNames[y]!;
      const v = affinity(a, b);
      pairAffinities.push(v);
      if (!table.has(a)) table.set(a, new Map());
      if (!table.has(b)) table.set(b, new Map());
      table.get(a)!.set(b, v);
      table.get(b)!.set(a, v);
    }
  const sortedAffinities = Float64Array.from(pairAffinities).sort();
  const formats = formatTracks(talks);
  const isTopical = (t: string) =>
    !formats.has(t) &&
    (byTrack.get(t)?.length ?? 0) >= 2 &&
    (cohesion.get(t) ?? 0) >= TOPICAL_COHESION;
  // Neighbours: among a track's three closest, and closer than 95 % of all track pairs.
  const neighbourAt = percentile(sortedAffinities, NEIGHBOUR_PERCENTILE);
  // Closeness counts only for pairs closer than most: on a small schedule the closest track
  // can still be nothing alike.
  const closeAt = percentile(sortedAffinities, CLOSE_PERCENTILE);
  const tracks = new Map<string, TrackTopic>();
  let maxTerm = 0;
  for (const t of terms) if (t.length > 0) maxTerm = Math.max(maxTerm, t[t.length - 1]!);
  const dense = new Float32Array(maxTerm + 1);
  for (const track of trackNames) {
    const { label, noun } = trackLabel(track);
    const close = [...(table.get(track) ?? new Map<string, number>())]
      .filter(([t, v]) => v >= neighbourAt && v > 0 && isTopical(t) && isTopical(track))
      .sort((p, q) => q[1] - p[1])
      .slice(0, 3)
      .map(([t, v]) => [t, v / Math.max(neighbourAt, 1e-6)] as const);
    const c = cohesion.get(track) ?? 1;
    const size = byTrack.get(track)!.length;
    tracks.set(track, {
      name: track,
      label,
      noun,
      talks: size,
      cohesion: c,
      topical: isTopical(track),
      neighbours: new Map(close),
      closeness: new Map(
        [...(table.get(track) ?? new Map<string, number>())]
          .sort((p, q) => q[1] - p[1])
          .map(([t, v], i) => [t, v >= closeAt ? i + 1 : Number.POSITIVE_INFINITY] as const),
      ),
      ...(isTopical(track)
        ? {
            subject: subjectScale(
              centroids.get(track)!,
              talks.flatMap((t, i) => (t.track === track ? [] : [i])),
              terms,
              weights,
              dense,
            ),
          }
        : {}),
    });
  }
  return tracks;
}
