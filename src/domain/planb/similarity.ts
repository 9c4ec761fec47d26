/**
 * Topical similarity between talks for Plan B: TF-IDF vectors over title, subtitle, abstract,
 * track and speakers, built once per schedule, compared by cosine. The terms two talks share
 * most become the "related: containers, kubernetes" reason, so the ranking explains itself.
 */
import type { Conference, Talk, TalkKey } from '../model';
import { foldText, stripHtml, tokenize } from '../text';

/** How much a word counts, by where it appears: titles say most about a talk. */
const FIELD_WEIGHTS = { title: 3, subtitle: 2, track: 2, speaker: 2, abstract: 1 } as const;
/** Speakers are whole-person terms (never shown as "related:" words), keyed by person id. */
const SPEAKER_PREFIX = '@';
/** At most this many shared words in a reason. */
const MAX_SHARED_TERMS = 3;

// Words that say nothing about a talk's topic (English function words and conference filler).
const STOPWORDS = new Set(
  `a about above after again against all also am an and any are as at be because been before
  being below between both but by can could did do does doing down during each even few for from
  further get gets had has have having he her here hers him his how however i if in into is it its
  itself just let lets like many may me more most much must my no nor not now of off often on once
  one only or other our ours out over own per same she should so some such than that the their
  them then there these they this those through to too two under until up upon us very via was we
  well were what when where which while who whom why will with within without would yet you your
  yours able across along already always another around based become best better bring build
  building built come comes current day days different does done easy every example first give
  going good great help here into know large last learn look make makes making more need needs
  new next now part people possible present presentation presents project projects provide
  provides quick real really see session several show shows simple since small software source
  open free start still take talk talks tell things think three time today tool tools try way ways
  what work works working world year years use used uses using want lot lots will allow allows
  available focus started starting implementation implement including include includes required
  require requires hopefully solution solutions understand understanding plan plans cover covers
  goes huge times size run runs running based approach approaches case cases different discuss
  discussed explain explains feature features issue issues need needed overview problem problems
  process status support supports supported system systems various going getting benefit benefits
  challenge challenges introduce introduces introduction interesting important main number order
  point points recent share thing topic type types talk speaker demo end keep find found high
  level low long short possible quite rather right set state trying uses without write written
  http https www com org html`.split(/\s+/),
);

/** The schedule's TF-IDF vectors: build once per conference with buildSimilarity. */
export interface SimilarityIndex {
  /** Talk key → row in `terms`/`weights`. */
  rows: ReadonlyMap<TalkKey, number>;
  /** Per talk: term ids, ascending, of the terms it shares with at least one other talk. */
  terms: readonly Int32Array[];
  /** Per talk: the L2-normalized TF-IDF weight of each term in `terms`. */
  weights: readonly Float32Array[];
  /** Term id → the word as people read it (its most common spelling), or "@" + speaker name. */
  labels: readonly string[];
  /** Per track name: the term ids of its own words (left out of "related:" on same-track pairs). */
  trackTerms: ReadonlyMap<string, ReadonlySet<number>>;
}

/** How close two talks are, and the words and speakers that make them close. */
export interface Relatedness {
  /** Cosine of the two TF-IDF vectors: 0 (nothing shared) … 1 (the same text). */
  score: number;
  /** The shared words that weigh most, heaviest first ("containers", "kubernetes"). */
  terms: string[];
  /** Speakers both talks share, by name. */
  speakers: string[];
}

/** "containers" and "container" are one term; so are "policies" and "policy". */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

const URL_TEXT = /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gi;

/** Topic words of a text: folded, tokenized, without URLs, stopwords, short words and numbers. */
function topicWords(text: string): string[] {
  return tokenize(
    foldText(text.includes('://') || text.includes('www.') ? text.replace(URL_TEXT, ' ') : text),
  ).filter((w) => w.length > 1 && !STOPWORDS.has(w) && !/^\d+$/.test(w));
}

/** Terms and their spellings: each distinct spelling is stemmed once and counted. */
interface TermTable {
  /** Term (stem, or "@" + person id) → term id. */
  ids: Map<string, number>;
  /** Spelling → spelling id; per spelling id its term id and how often it was seen. */
  spellings: Map<string, number>;
  spellingTerm: number[];
  spellingCount: number[];
  spellingText: string[];
}

function termId(table: TermTable, spelling: string, term?: string): number {
  let sid = table.spellings.get(spelling);
  if (sid === undefined) {
    const t = term ?? stem(spelling);
    let id = table.ids.get(t);
    if (id === undefined) {
      id = table.ids.size;
      table.ids.set(t, id);
    }
    sid = table.spellingTerm.length;
    table.spellings.set(spelling, sid);
    table.spellingTerm.push(id);
    table.spellingCount.push(0);
    table.spellingText.push(spelling);
  }
  table.spellingCount[sid]! += 1;
  return table.spellingTerm[sid]!;
}

/** Term frequencies of one talk, each occurrence weighted by its field. */
function talkTerms(talk: Talk, table: TermTable): Map<number, number> {
  const tf = new Map<number, number>();
  const add = (text: string, weight: number) => {
    for (const w of topicWords(text)) {
      const id = termId(table, w);
      tf.set(id, (tf.get(id) ?? 0) + weight);
    }
  };
  add(talk.title, FIELD_WEIGHTS.title);
  add(talk.subtitle, FIELD_WEIGHTS.subtitle);
  add(talk.track, FIELD_WEIGHTS.track);
  // Many FOSDEM talks leave the abstract empty and write the description instead.
  add(stripHtml(talk.abstract.trim() ? talk.abstract : talk.description), FIELD_WEIGHTS.abstract);
  for (const p of talk.persons) {
    const id = termId(table, `${SPEAKER_PREFIX}${p.name}`, `${SPEAKER_PREFIX}${p.id || p.name}`);
    tf.set(id, (tf.get(id) ?? 0) + FIELD_WEIGHTS.speaker);
  }
  return tf;
}

/** Each term's label: its most common spelling (ties: alphabetical). */
function labelsOf(table: TermTable): string[] {
  const labels: string[] = new Array(table.ids.size).fill('');
  const best = new Array<number>(table.ids.size).fill(-1);
  table.spellingText.forEach((text, sid) => {
    const id = table.spellingTerm[sid]!;
    const n = table.spellingCount[sid]!;
    if (n > best[id]! || (n === best[id] && text < labels[id]!)) {
      best[id] = n;
      labels[id] = text;
    }
  });
  return labels;
}

/**
 * Builds the TF-IDF index of a schedule (tf sublinear, idf = ln(1 + N/df)). Terms found in a
 * single talk cannot be shared, so only their weight in the norm is kept. Cancelled talks are
 * indexed too: the talk a user wanted may be one.
 */
export function buildSimilarity(conference: Pick<Conference, 'talks'>): SimilarityIndex {
  const table: TermTable = {
    ids: new Map(),
    spellings: new Map(),
    spellingTerm: [],
    spellingCount: [],
    spellingText: [],
  };
  const perTalk = conference.talks.map((t) => talkTerms(t, table));
  const df = new Int32Array(table.ids.size);
  for (const tf of perTalk) for (const id of tf.keys()) df[id]! += 1;
  const n = Math.max(1, perTalk.length);
  const rows = new Map<TalkKey, number>();
  const terms: Int32Array[] = [];
  const weights: Float32Array[] = [];
  perTalk.forEach((tf, row) => {
    rows.set(conference.talks[row]!.key, row);
    let norm = 0;
    const kept: [number, number][] = [];
    for (const [id, f] of tf) {
      const w = (1 + Math.log(f)) * Math.log(1 + n / df[id]!);
      norm += w * w;
      if (df[id]! > 1) kept.push([id, w]);
    }
    kept.sort((a, b) => a[0] - b[0]);
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    terms.push(Int32Array.from(kept, ([id]) => id));
    weights.push(Float32Array.from(kept, ([, w]) => w * scale));
  });
  const labels = labelsOf(table);
  const trackTerms = new Map<string, Set<number>>();
  for (const talk of conference.talks) {
    if (trackTerms.has(talk.track)) continue;
    const ids = topicWords(talk.track).map((w) => table.ids.get(stem(w)));
    trackTerms.set(talk.track, new Set(ids.filter((id): id is number => id !== undefined)));
  }
  return { rows, terms, weights, labels, trackTerms };
}

/**
 * How related talk `b` is to talk `a`: the cosine and the shared words that weigh most. On
 * same-track pairs the track's own words are left out of `terms` ("same track" says it already).
 */
export function relatedness(index: SimilarityIndex, a: Talk, b: Talk): Relatedness {
  const ra = index.rows.get(a.key);
  const rb = index.rows.get(b.key);
  if (ra === undefined || rb === undefined || ra === rb)
    return { score: 0, terms: [], speakers: [] };
  const [ta, wa, tb, wb] = [
    index.terms[ra]!,
    index.weights[ra]!,
    index.terms[rb]!,
    index.weights[rb]!,
  ];
  const hidden = a.track === b.track ? index.trackTerms.get(a.track) : undefined;
  const shared: [number, number][] = [];
  let score = 0;
  for (let i = 0, j = 0; i < ta.length && j < tb.length; ) {
    const x = ta[i]!;
    const y = tb[j]!;
    if (x < y) i++;
    else if (y < x) j++;
    else {
      const c = wa[i]! * wb[j]!;
      score += c;
      if (!hidden?.has(x)) shared.push([x, c]);
      i++;
      j++;
    }
  }
  shared.sort((p, q) => q[1] - p[1]);
  const speakers: string[] = [];
  const words: string[] = [];
  for (const [id] of shared) {
    const label = index.labels[id]!;
    if (label.startsWith(SPEAKER_PREFIX)) speakers.push(label.slice(SPEAKER_PREFIX.length));
    else if (words.length < MAX_SHARED_TERMS) words.push(label);
  }
  return { score: Math.min(1, score), terms: words, speakers };
}
