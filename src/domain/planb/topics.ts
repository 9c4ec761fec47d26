/**
 * Plan B's topic model: how related two talks are through their technology, problem and
 * community, learned from the schedule itself once per import, offline.
 *
 * - Content: field-weighted TF-IDF (title 3, subtitle 2, abstract 1; names ×1.5) over the
 *   words of words.ts, weighted by how much each keeps to tracks, with the schedule's
 *   boilerplate (terms in more than 5 % of talks, spread evenly over the tracks: open, source,
 *   project…) dropped; compared by cosine.
 * - Tracks (tracks.ts): a track is topical when its talks resemble each other much more than
 *   random talks do (a Rust devroom is, "Lightning talks" is not); two tracks are neighbours
 *   when their talks share vocabulary or speakers (Rust ↔ Embedded, Containers ↔ Kubernetes).
 * - Speakers: a shared speaker strengthens a pair that shares a topic, never makes one alone.
 * The score is put on the conference's own scale (how rare such a pair is among random pairs),
 * so one threshold works on a 160-talk congress and a 1,000-talk FOSDEM alike.
 */
import type { Talk, TalkKey } from '../model';
import { foldText, htmlToText } from '../text';
import { cosine, lcg, percentile } from './sparse';
import {
  buildTrackTopics,
  concentration,
  oneWordTrackNames,
  subjectCloseness,
  type TrackTopic,
  trackCounts,
  trackTopicality,
} from './tracks';
import {
  caseCounts,
  familyNames,
  foldedWords,
  type NameSets,
  namesAsWritten,
  namesFromCase,
  TermReader,
  TokenTable,
} from './words';

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
/** The most a schedule's scale can be (see buildTopics, step 4). */
const SCALE_CAP = 0.25;
/** A word named in a reason is in the titles of at least this many talks (names need not be). */
const REASON_MIN_TITLES = 2;
/** A shared name backs a claim when it weighs at least this much in both talks' vectors. */
const NAME_PROMINENCE = 0.2;
/**
 * A term named in a reason ("also about telemetry") is central to the wanted talk: in its title
 * or subtitle, or carrying at least this weight in its unit vector (1/16 of its squared length);
 * not a word its abstract mentions in passing ("container" in a kernel talk that compares with
 * containers, "IDE" in a talk on a Kotlin keyword).
 */
const CENTRAL_WEIGHT = 0.25;
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

/** The topic model of one schedule; build it with buildTopics. */
export interface TopicIndex {
  rows: ReadonlyMap<TalkKey, number>;
  /** Per talk: content term ids (ascending) shared with at least one other talk. */
  terms: readonly Int32Array[];
  /** Per talk: the L2-normalized weight of each term in `terms`. */
  weights: readonly Float32Array[];
  /** Per talk: the terms of `terms` its title or subtitle uses (ascending). */
  titleTerms: readonly Int32Array[];
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
  /**
   * How close talk b comes to the subject of a's devroom (0 = no closer than most talks, 1 = as
   * close as the closest 2 % of other tracks' talks): an embedded talk about Rust for the Rust
   * devroom. Ranking only: never a claim on its own.
   */
  subject: number;
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

/** A term named in a reason keeps to tracks at least this much (filler scatters). */
const SHOWABLE_TOPICALITY = 0.5;
interface TalkText {
  title: Int32Array;
  subtitle: Int32Array;
  abstract: Int32Array;
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
  const cased = caseCounts(
    tokens,
    texts.map((t) => t.abstract),
  );
  const known: NameSets = {
    folded: namesFromCase(cased),
    exact: namesAsWritten(oneWordTrackNames(talks), cased),
    stop: typeWords(talks),
  };
  const names: NameSets = { ...known, families: familyNames(tokens, known) };

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
  const titled: Int32Array[] = [];
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
    titled.push(
      Int32Array.from(
        kept.filter(([id]) => titleTerms[row]!.has(id)),
        ([id]) => id,
      ),
    );
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

  // 6. Tracks: what they are about and which are close (tracks.ts).
  const tracks = buildTrackTopics(talks, terms, weights, speakers, mean);
  return {
    rows,
    terms,
    weights,
    titleTerms: titled,
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

/** The ranking prior of the closest other track, and what each step down the list takes off. */
const TRACK_PRIOR_TOP = 1;
/** The content score below which two talks get no lift from close tracks. */
const PRIOR_MIN_CONTENT = 0.02;
/** Tracks this close (1 = the closest) back a claim made on shared words. */
const CLOSE_TRACK_RANK = 3;
/** Content this many times the conference scale needs no other evidence. */
const STRONG_CONTENT = 3;
/** What each step down a track's closeness list takes off the prior. */
const TRACK_PRIOR_STEP = 0.05;

/** The relation of talks with nothing in common (or unknown to the model). */
export const NO_RELATION: TopicRelation = {
  score: 0,
  corroborated: false,
  rank: 0,
  subject: 0,
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
  // Shared terms: id, contribution to the cosine, least weight of the two, weight in talk a.
  const shared: [number, number, number, number][] = [];
  let content = 0;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const c = wa[i]! * wb[j]!;
      content += c;
      shared.push([x, c, Math.min(wa[i]!, wb[j]!), wa[i]!]);
      i++;
      j++;
    }
  }
  shared.sort((p, q) => q[1] - p[1]);
  const titleA = index.titleTerms[ra]!;
  const terms: string[] = [];
  let sharesName = false;
  for (const [id, c, least, wanted] of shared) {
    if (terms.length >= MAX_TERMS_NAMED || c < content * 0.15) break;
    if (!index.showable[id]) continue;
    if (wanted < CENTRAL_WEIGHT && !titleA.includes(id)) continue;
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
    subject:
      a.track === b.track
        ? 0
        : subjectCloseness(ta2, { terms: index.terms[rb]!, weights: index.weights[rb]! }),
    content,
    links,
    terms,
    speakers,
  };
}
