/**
 * Plan B's topic model: how related two talks are through their technology, problem and
 * community, learned from the schedule itself once per import, offline.
 *
 * - Content: field-weighted TF-IDF (title 3, subtitle 2, abstract 1; names ×1.5) over the
 *   words of words.ts, with the schedule's boilerplate (terms in more than 5 % of talks: talk,
 *   session, open source, community…) dropped, compared by cosine.
 * - Tracks: a track is topical when its talks resemble each other much more than random talks
 *   do (a Rust devroom is, "Lightning talks" is not); two tracks are neighbours when their
 *   talks share vocabulary or speakers (Rust ↔ Embedded, Containers ↔ Kubernetes).
 * - Speakers: a shared speaker strengthens a pair that shares a topic, never makes one alone.
 * The score is put on the conference's own scale (how rare such a pair is among random pairs),
 * so one threshold works on a 160-talk congress and a 1,000-talk FOSDEM alike.
 */
import type { Talk, TalkKey } from '../model';
import { foldText, htmlToText } from '../text';
import { foldedWords, type NameSets, namesFromCase, TermReader, TokenTable } from './words';

/** Field weights: a title says most about a talk. */
const FIELD_WEIGHTS = { title: 3, subtitle: 2, abstract: 1 } as const;
/** Names (technologies, projects) weigh more than ordinary words. */
const NAME_BOOST = 1.5;
/** A term in more than this share of talks is the schedule's boilerplate. */
const BOILERPLATE_SHARE = 0.05;
/** …but a term needs at least this many talks to be called boilerplate (small schedules). */
const BOILERPLATE_MIN_TALKS = 6;
/** A term named in a reason appears in at most this share of talks (it must say something). */
const REASON_MAX_SHARE = 0.03;
/** …and so is any term in more than this share of talks, however it is spread. */
const UBIQUITOUS_SHARE = 0.2;
/** A common term is a topic when some track uses it this many times more than the schedule. */
const TOPIC_LIFT = 3;
/** Tracks smaller than this say nothing about how a term is spread. */
const LIFT_MIN_TRACK = 4;
/** The most a schedule's scale can be (see buildTopics, step 4). */
const SCALE_CAP = 0.25;
/** A word named in a reason is in the titles of at least this many talks (names need not be). */
const REASON_MIN_TITLES = 2;
/** A shared name backs a claim when it weighs at least this much in both talks' vectors. */
const NAME_PROMINENCE = 0.2;
/** Random talk pairs sampled to learn the conference's scale. */
const SAMPLE_PAIRS = 4000;

/** The fields of a talk the topic model reads: what a worker building it needs to be sent. */
export type TopicTalk = Pick<
  Talk,
  | 'key'
  | 'title'
  | 'subtitle'
  | 'abstract'
  | 'description'
  | 'track'
  | 'type'
  | 'language'
  | 'persons'
>;

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
}

/** The topic model of one schedule; build it with buildTopics. */
export interface TopicIndex {
  rows: ReadonlyMap<TalkKey, number>;
  /** Per talk: content term ids (ascending) shared with at least one other talk. */
  terms: readonly Int32Array[];
  /** Per talk: the L2-normalized weight of each term in `terms`. */
  weights: readonly Float32Array[];
  /** Term id → how people write it (its most common spelling). */
  labels: readonly string[];
  /** Term id → true when it may be named in a reason (a name, or a rare enough word). */
  showable: readonly boolean[];
  /** Term id → true for names (technologies, projects). */
  isName: readonly boolean[];
  /** Term id → how much it keeps to tracks (0.3–1), see trackTopicality. */
  topicality: ArrayLike<number>;
  /** Per talk: its speakers' ids. */
  speakers: readonly (readonly string[])[];
  speakerNames: ReadonlyMap<string, string>;
  tracks: ReadonlyMap<string, TrackTopic>;
  /** Cosine of a typical related pair: the 99th percentile of random pairs' content cosine. */
  scale: number;
  /** Terms dropped as the schedule's boilerplate, most common first (for inspection). */
  boilerplate: readonly string[];
}

/** Why a pair is related, for the reason shown to the attendee. */
export type TopicLink =
  | { kind: 'same-track'; track: string; label: string; noun: 'devroom' | 'track' }
  | { kind: 'neighbour-track'; track: string; label: string; noun: 'devroom' | 'track' }
  | { kind: 'terms'; terms: string[] }
  | { kind: 'speaker'; speakers: string[] };

/** How related talk b is to talk a, on the conference's scale, and why. */
export interface TopicRelation {
  /** 0 = nothing in common; about 1 = as close as the closest 1 % of random pairs; higher is closer. */
  score: number;
  /** True when more than shared words back the score (see topicRelation). */
  corroborated: boolean;
  /** The score plus how close the two tracks are: what ranking uses (closeness alone is no reason). */
  rank: number;
  /** Content cosine alone. */
  content: number;
  /** What links them, strongest first (empty when nothing clear does). */
  links: TopicLink[];
  /** Shared terms worth naming, heaviest first. */
  terms: string[];
  /** Shared speakers, by name. */
  speakers: string[];
}

const MAX_TERMS_NAMED = 2;

/** The text of a talk's abstract: the abstract, and the description when the abstract is short. */
function abstractText(talk: TopicTalk): string {
  const abstract = htmlToText(talk.abstract);
  if (abstract.length >= 200) return abstract;
  const description = htmlToText(talk.description);
  return abstract ? `${abstract}\n${description}` : description;
}

/** The label people use for a track: "Rust devroom" → Rust; "BOF - Track A" stays. */
function trackLabel(name: string): { label: string; noun: 'devroom' | 'track' } {
  const m = /^(.*?)\s+dev\s?room(?:\s+devroom)?$/i.exec(name.trim());
  if (m?.[1]) return { label: m[1].replace(/\s+devroom$/i, '').trim(), noun: 'devroom' };
  return { label: name.trim(), noun: 'track' };
}

/** One-word track names as written ("Go", "Rust", "Kotlin"): the schedule's own topic names. */
function trackNames1(talks: readonly TopicTalk[]): Set<string> {
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

/**
 * Words for how sessions are held, at any conference: they never say what a talk is about
 * ("Welcome to the EU Policy Workshop" and "MicroBlocks Workshop" share no topic).
 */
const SESSION_WORDS =
  `devroom dev room track talk talks session sessions workshop workshops bof bofs
  keynote keynotes lightning panel meetup discussion welcome introduction intro opening closing
  presentation lecture tutorial demo q&a`.split(/\s+/);

/** The words of the schedule's talk types (bof, keynote, lightning talk, devroom, workshop). */
function typeWords(talks: readonly TopicTalk[]): Set<string> {
  const out = new Set<string>(SESSION_WORDS);
  for (const t of talks) for (const w of foldedWords(t.type)) out.add(w);
  return out;
}

/** How the schedule's terms spread over its tracks: per track, its size and its terms' talk counts. */
interface TrackCounts {
  sizes: ReadonlyMap<string, number>;
  /** Per track, term id → how many of its talks use the term (terms in 2+ talks only). */
  counts: ReadonlyMap<string, ReadonlyMap<number, number>>;
}

function trackCounts(
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
function concentration(n: number, tracks: TrackCounts, df: Int32Array): Float64Array {
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
function trackTopicality(n: number, tracks: TrackCounts, df: Int32Array): Float64Array {
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
/** A term named in a reason keeps to tracks at least this much (filler scatters). */
const SHOWABLE_TOPICALITY = 0.5;
/** The weight of a term that keeps to no track. */
const MIN_TOPICALITY = 0.3;
/** A term whose pairs share a track 2^this times more than random pairs weighs fully (8×). */
const TOPICAL_LOG2 = 3;
/** Pseudo-pairs of prior (at the random rate) in the smoothing. */
const PRIOR_PAIRS = 2;

/** A talk's fields as token ids (see TokenTable). */
interface TalkText {
  title: Int32Array;
  subtitle: Int32Array;
  abstract: Int32Array;
}

function cosine(ta: Int32Array, wa: Float32Array, tb: Int32Array, wb: Float32Array): number {
  let s = 0;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      s += wa[i]! * wb[j]!;
      i++;
      j++;
    }
  }
  return s;
}

/** A deterministic pseudo-random sequence: the same schedule always gets the same model. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Builds the topic model of a schedule (cancelled talks too: the wanted talk may be one). */
export function buildTopics(conference: { talks: readonly TopicTalk[] }): TopicIndex {
  const talks = conference.talks;
  const n = Math.max(1, talks.length);

  // 1. Tokens, and which capitalized words the schedule writes as names.
  const tokens = new TokenTable();
  const texts: TalkText[] = talks.map((t) => ({
    title: tokens.tokenize(t.title),
    subtitle: tokens.tokenize(t.subtitle),
    abstract: tokens.tokenize(abstractText(t)),
  }));
  const names: NameSets = {
    folded: namesFromCase(
      tokens,
      texts.map((t) => t.abstract),
    ),
    exact: trackNames1(talks),
    stop: typeWords(talks),
  };

  // 2. Terms per talk, field-weighted; document frequencies.
  const reader = new TermReader(tokens, names);
  const titleTerms: Set<number>[] = [];
  const perTalk: Map<number, number>[] = talks.map((talk, i) => {
    const tf = new Map<number, number>();
    const text = texts[i]!;
    reader.read(text.title, talk.language, FIELD_WEIGHTS.title, NAME_BOOST, tf);
    reader.read(text.subtitle, talk.language, FIELD_WEIGHTS.subtitle, NAME_BOOST, tf);
    titleTerms.push(new Set(tf.keys()));
    reader.read(text.abstract, talk.language, FIELD_WEIGHTS.abstract, NAME_BOOST, tf);
    return tf;
  });
  const isName = reader.isName;
  const df = new Int32Array(reader.keys.length);
  for (const tf of perTalk) for (const id of tf.keys()) df[id]! += 1;
  const labels = reader.labels();
  const spread = trackCounts(talks, perTalk, df);
  const lift = concentration(talks.length, spread, df);
  const topicality = trackTopicality(talks.length, spread, df);
  // Boilerplate: common terms spread evenly over the tracks ("talk", "project", "open"); a
  // common term that gathers in a few tracks ("container", "kernel") is a topic, and stays.
  const common = Math.max(BOILERPLATE_MIN_TALKS, BOILERPLATE_SHARE * n);
  const isBoilerplate = (id: number) =>
    df[id]! > common && (df[id]! > UBIQUITOUS_SHARE * n || (lift[id] ?? 0) < TOPIC_LIFT);
  const boilerplate = labels
    .map((_, id) => id)
    .filter(isBoilerplate)
    .sort((a, b) => df[b]! - df[a]!)
    .map((id) => labels[id]!);

  // 3. TF-IDF vectors; only terms shared by two talks are kept (the rest only in the norm).
  const rows = new Map<TalkKey, number>();
  const terms: Int32Array[] = [];
  const weights: Float32Array[] = [];
  perTalk.forEach((tf, row) => {
    rows.set(talks[row]!.key, row);
    let norm = 0;
    const kept: [number, number][] = [];
    for (const [id, f] of tf) {
      if (isBoilerplate(id)) continue;
      const w = (1 + Math.log(f)) * Math.log(n / df[id]!) * topicality[id]!;
      norm += w * w;
      if (df[id]! > 1) kept.push([id, w]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    terms.push(Int32Array.from(kept, ([id]) => id));
    weights.push(Float32Array.from(kept, ([, w]) => w * scale));
  });
  // Words the schedule uses to name talks: titles are short and say what a talk is about.
  const titleDf = new Int32Array(df.length);
  for (const set of titleTerms) for (const id of set) titleDf[id]! += 1;
  const showable = labels.map(
    (_, id) =>
      !isBoilerplate(id) &&
      topicality[id]! >= SHOWABLE_TOPICALITY &&
      (isName[id]! || titleDf[id]! >= REASON_MIN_TITLES) &&
      (isName[id]! ||
        df[id]! <= Math.max(2, REASON_MAX_SHARE * n) ||
        (lift[id] ?? 0) >= TOPIC_LIFT),
  );

  // 4. The conference's scale: content cosine of random pairs.
  const random = lcg(talks.length * 7919 + 17);
  const samples = Math.min(SAMPLE_PAIRS, (n * (n - 1)) / 2);
  const sampled = new Float64Array(samples);
  for (let s = 0; s < samples; s++) {
    const a = Math.floor(random() * n);
    let b = Math.floor(random() * (n - 1));
    if (b >= a) b++;
    if (talks.length < 2) continue;
    sampled[s] = cosine(terms[a]!, weights[a]!, terms[b]!, weights[b]!);
  }
  sampled.sort();

  const mean = sampled.reduce((x, y) => x + y, 0) / Math.max(1, samples);
  // On a small schedule the closest 1 % of pairs is a handful: a cosine of SCALE_CAP is close
  // on any schedule, so the scale never goes above it.
  const scale = Math.min(Math.max(percentile(sampled, 0.99), 1e-6), SCALE_CAP);

  // 5. Speakers.
  const speakerNames = new Map<string, string>();
  const speakers = talks.map((t) =>
    t.persons.map((p) => {
      const id = p.id || foldText(p.name);
      speakerNames.set(id, p.name);
      return id;
    }),
  );

  // 6. Tracks: cohesion (mean pairwise cosine inside, against random pairs) and neighbours
  // (centroid cosine, and speakers in common).
  const byTrack = new Map<string, number[]>();
  talks.forEach((t, i) => {
    if (!t.track) return;
    const list = byTrack.get(t.track);
    if (list) list.push(i);
    else byTrack.set(t.track, [i]);
  });
  const centroids = new Map<string, { terms: Int32Array; weights: Float32Array }>();
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
    return s + 0.05 * Math.min(shared, 3);
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
  const neighbourAt = percentile(sortedAffinities, 0.95);
  // Closeness counts only for pairs closer than most: on a small schedule the closest track
  // can still be nothing alike.
  const closeAt = percentile(sortedAffinities, 0.5);
  const tracks = new Map<string, TrackTopic>();
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
    });
  }
  return {
    rows,
    terms,
    weights,
    labels,
    showable,
    isName,
    topicality,
    speakers,
    speakerNames,
    tracks,
    scale,
    boilerplate,
  };
}

/** What a neighbouring track adds to a pair's score, per unit of affinity, and at most. */
/** The ranking prior of the closest other track, and what each step down the list takes off. */
const TRACK_PRIOR_TOP = 1;
/** The content score below which two talks get no lift from close tracks. */
const PRIOR_MIN_CONTENT = 0.02;
/** Tracks this close (1 = the closest) back a claim made on shared words. */
const CLOSE_TRACK_RANK = 3;
/** Content this many times the conference scale needs no other evidence. */
const STRONG_CONTENT = 3;
const TRACK_PRIOR_STEP = 0.05;
/** A track whose talks are this many times more alike than random pairs is about something. */
const TOPICAL_COHESION = 4;

/** The relation of talks with nothing in common (or unknown to the model). */
export const NO_RELATION: TopicRelation = {
  score: 0,
  corroborated: false,
  rank: 0,
  content: 0,
  links: [],
  terms: [],
  speakers: [],
};

/**
 * How related talk b is to talk a: content on the conference's scale, plus the track prior
 * (same topical track, or neighbouring tracks) and shared speakers when content agrees.
 */
export function topicRelation(index: TopicIndex, a: Talk, b: Talk): TopicRelation {
  const ra = index.rows.get(a.key);
  const rb = index.rows.get(b.key);
  if (ra === undefined || rb === undefined || ra === rb) return NO_RELATION;
  const [ta, wa, tb, wb] = [
    index.terms[ra]!,
    index.weights[ra]!,
    index.terms[rb]!,
    index.weights[rb]!,
  ];
  const shared: [number, number, number][] = [];
  let content = 0;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const c = wa[i]! * wb[j]!;
      content += c;
      shared.push([x, c, Math.min(wa[i]!, wb[j]!)]);
      i++;
      j++;
    }
  }
  shared.sort((p, q) => q[1] - p[1]);
  const terms: string[] = [];
  let sharesName = false;
  for (const [id, c, least] of shared) {
    if (terms.length >= MAX_TERMS_NAMED || c < content * 0.15) break;
    if (!index.showable[id]) continue;
    terms.push(index.labels[id]!);
    // A name both talks are about, not one either mentions in passing.
    if (index.isName[id] && least >= NAME_PROMINENCE) sharesName = true;
  }
  const sa = index.speakers[ra]!;
  const speakers = index.speakers[rb]!.filter((s) => sa.includes(s)).map(
    (s) => index.speakerNames.get(s) ?? s,
  );

  const contentScore = content / index.scale;
  const ta2 = a.track ? index.tracks.get(a.track) : undefined;
  const tb2 = b.track ? index.tracks.get(b.track) : undefined;
  let trackScore = 0;
  let trackPrior = 0;
  let closeTracks = false;
  let neighbours = false;
  const links: TopicLink[] = [];
  if (ta2 && a.track === b.track && ta2.topical) {
    trackScore = 1;
    links.push({ kind: 'same-track', track: ta2.name, label: ta2.label, noun: ta2.noun });
  } else if (ta2 && tb2 && a.track !== b.track) {
    const near = ta2.neighbours.get(tb2.name) ?? tb2.neighbours.get(ta2.name);
    if (near !== undefined) {
      neighbours = true;
      links.push({ kind: 'neighbour-track', track: tb2.name, label: tb2.label, noun: tb2.noun });
    }
    // Talks of close tracks are often on neighbouring topics even when their words differ.
    const rank = Math.min(
      ta2.closeness.get(tb2.name) ?? Infinity,
      tb2.closeness.get(ta2.name) ?? Infinity,
    );
    // Only between topical tracks: "Lightning talks" is close to everything and means nothing.
    if (ta2.topical && tb2.topical)
      trackPrior = Math.max(0, TRACK_PRIOR_TOP - TRACK_PRIOR_STEP * (rank - 1));
    closeTracks = ta2.topical && tb2.topical && rank <= CLOSE_TRACK_RANK;
  }
  // Shared topic words say more than neighbouring tracks do: they go first.
  if (terms.length > 0)
    links.splice(links[0]?.kind === 'same-track' ? 1 : 0, 0, { kind: 'terms', terms });
  const speakerScore = speakers.length > 0 && contentScore >= 0.3 ? 0.5 : 0;
  if (speakerScore > 0) links.push({ kind: 'speaker', speakers });
  const score = contentScore + trackScore + speakerScore;
  // Shared words alone mislead ("identity", "strategic"): a claim needs a second kind of
  // evidence — the same topical track, a shared name, close tracks — or overwhelming overlap.
  const corroborated =
    trackScore > 0 || sharesName || closeTracks || contentScore >= STRONG_CONTENT;
  return {
    score,
    corroborated,
    // Close tracks lift a pair that shares some vocabulary, or whose tracks are outright
    // neighbours; not two talks with nothing in common from tracks that merely rank close.
    rank: score + (contentScore > PRIOR_MIN_CONTENT || neighbours ? trackPrior : 0),
    content,
    links,
    terms,
    speakers,
  };
}
