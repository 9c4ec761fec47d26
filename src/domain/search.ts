/**
 * Talk search for the search box: an inverted index of folded words built once per schedule,
 * queried on every keystroke. Every word of the query must match somewhere in the talk; the last
 * one matches as a prefix while it is being typed ("kube" → Kubernetes); quoted phrases and
 * joined words ("risc-v", "node.js") must appear in that order. A talk is also found by its room
 * ("K.3.201", "ub5132", "Rolin"), so a room's name lists the talks in it.
 */
import type { Talk, TalkKey } from './model';
import { roomSlug } from './slug';
import { foldText, stripHtml, tokenize } from './text';

/** Where a query word was found, best first: the ranking follows this order. */
export type SearchField =
  | 'title'
  | 'speaker'
  | 'track'
  | 'room'
  | 'subtitle'
  | 'abstract'
  | 'description';

/** The fields in rank order; bit i of a posting's field mask stands for SEARCH_FIELDS[i]. */
export const SEARCH_FIELDS: readonly SearchField[] = [
  'title',
  'speaker',
  'track',
  'room',
  'subtitle',
  'abstract',
  'description',
];
const FIELD_WEIGHTS = [10, 6, 4, 4, 3, 1, 1];
const FIELD_BITS = 7;
const FIELD_SLOTS = 1 << FIELD_BITS;
/** A word typed in full outranks one that only starts the indexed word. */
const PREFIX_FACTOR = 0.75;
/** Finding a word in more fields helps a little, never enough to beat a better field. */
const EXTRA_FIELD_BONUS = 0.1;
const CANCELLED_FACTOR = 0.5;
/** Words other than the last match as prefixes only from this length ("go" stays "go"). */
const MIN_INNER_PREFIX = 3;
const DEFAULT_LIMIT = 50;
// Ranking packs (score, start rank) into one float64: 2^31 score steps × 2^20 talks < 2^53.
const SCORE_SLOTS = 2 ** 31;
const RANK_SLOTS = 2 ** 20;

// Best weight of a field mask, plus the bonus for every other field in it.
const MASK_SCORE = Array.from({ length: FIELD_SLOTS }, (_, mask) => {
  const weights = FIELD_WEIGHTS.filter((_, i) => mask & (1 << i));
  if (weights.length === 0) return 0;
  return Math.max(...weights) + EXTRA_FIELD_BONUS * (weights.length - 1);
});

/**
 * A schedule's search index: built once per schedule version (buildSearchIndex), then queried
 * with searchTalks. Flat typed arrays so it stays small for 10,000 talks: `tokens` is sorted for
 * prefix lookup by binary search; token i's postings are `postings[offsets[i]..offsets[i+1]]`,
 * each `talkIndex * 128 + fieldMask`.
 */
export interface SearchIndex {
  talks: readonly Talk[];
  tokens: readonly string[];
  offsets: Uint32Array;
  postings: Uint32Array;
  /** Talk indexes by start time (then schedule order), and each talk's place in that order. */
  startOrder: Uint32Array;
  startRank: Uint32Array;
}

/** One talk that matches, with why: the UI shows the matched fields and highlights them. */
export interface SearchHit {
  key: TalkKey;
  talk: Talk;
  /** Higher is better; only the order between hits of one query means anything. */
  score: number;
  /** The fields where at least one query word was found, in rank order. */
  fields: SearchField[];
}

/** Options for searchTalks. */
export interface SearchOptions {
  /** At most this many hits, best first (default 50; Infinity for all). */
  limit?: number;
  /** Only talks on this day (index into Conference.days). */
  day?: number;
  /** Only talks this predicate keeps (a track, a room, bookmarked ones…). */
  filter?: (talk: Talk) => boolean;
}

// A room is found by its name and by its code typed without dots ("ub5132", "h1308").
const roomCodes = new Map<string, string>();
function roomCode(room: string): string {
  let code = roomCodes.get(room);
  if (code === undefined) {
    if (roomCodes.size > 5000) roomCodes.clear();
    code = roomSlug(room);
    roomCodes.set(room, code);
  }
  return code;
}

/** The searchable text of a talk, field by field in SEARCH_FIELDS order; abstracts as text. */
function talkFields(talk: Talk): string[][] {
  return [
    [talk.title],
    talk.persons.map((p) => p.name),
    [talk.track],
    [talk.room, roomCode(talk.room)],
    [talk.subtitle],
    [stripHtml(talk.abstract)],
    [stripHtml(talk.description)],
  ];
}

/** Builds the search index of a conference's talks: do it once per schedule version. */
export function buildSearchIndex(conference: { talks: readonly Talk[] }): SearchIndex {
  const talks = conference.talks;
  if (talks.length >= RANK_SLOTS) throw new RangeError(`too many talks to index: ${talks.length}`);
  // Token → its postings; a talk's posting is the last one while that talk is being read.
  const byToken = new Map<string, { lastTalk: number; postings: number[] }>();
  talks.forEach((talk, talkIndex) => {
    const base = talkIndex * FIELD_SLOTS;
    talkFields(talk).forEach((texts, field) => {
      for (const text of texts)
        for (const token of tokenize(foldText(text))) {
          const entry = byToken.get(token);
          if (!entry) byToken.set(token, { lastTalk: talkIndex, postings: [base | (1 << field)] });
          else if (entry.lastTalk !== talkIndex) {
            entry.lastTalk = talkIndex;
            entry.postings.push(base | (1 << field));
          } else entry.postings[entry.postings.length - 1]! |= 1 << field;
        }
    });
  });
  const tokens = [...byToken.keys()].sort();
  const offsets = new Uint32Array(tokens.length + 1);
  tokens.forEach((token, i) => {
    offsets[i + 1] = offsets[i]! + byToken.get(token)!.postings.length;
  });
  const postings = new Uint32Array(offsets[tokens.length]!);
  tokens.forEach((token, i) => {
    postings.set(byToken.get(token)!.postings, offsets[i]);
  });
  const startOrder = Uint32Array.from(talks.keys()).sort(
    (a, b) => talks[a]!.start - talks[b]!.start || a - b,
  );
  const startRank = new Uint32Array(talks.length);
  for (const [rank, talk] of startOrder.entries()) startRank[talk] = rank;
  return { talks, tokens, offsets, postings, startOrder, startRank };
}

/** One word to look up: exact, or as the start of indexed words. */
interface Term {
  text: string;
  prefix: boolean;
}

/** A query taken apart: the words that must all match, and the sequences that must be adjacent. */
interface ParsedQuery {
  terms: Term[];
  phrases: Term[][];
}

// Each keystroke parses its query once for the search and again for every highlighted field.
let lastParsed: { query: string; parsed: ParsedQuery } | undefined;

/** Splits a query into terms and phrases ("quoted words", or words joined like "risc-v"). */
function parseQuery(query: string): ParsedQuery {
  if (lastParsed?.query !== query) lastParsed = { query, parsed: parseQueryOnce(query) };
  return lastParsed.parsed;
}

function parseQueryOnce(query: string): ParsedQuery {
  const folded = foldText(query);
  const typingLast = /[\p{L}\p{N}]$/u.test(folded);
  const groups: { words: string[]; quoted: boolean }[] = [];
  // Odd pieces of a split on '"' are inside quotes; an unclosed quote runs to the end.
  folded.split('"').forEach((piece, i) => {
    if (i % 2 === 1) groups.push({ words: tokenize(piece), quoted: true });
    else
      for (const word of piece.split(/\s+/)) groups.push({ words: tokenize(word), quoted: false });
  });
  const nonEmpty = groups.filter((g) => g.words.length > 0);
  const terms = new Map<string, Term>();
  const phrases: Term[][] = [];
  nonEmpty.forEach((group, g) => {
    const lastGroup = g === nonEmpty.length - 1;
    const phrase = group.words.map((text, w): Term => {
      const last = lastGroup && w === group.words.length - 1;
      const prefix =
        (last && typingLast) ||
        (!group.quoted && group.words.length === 1 && text.length >= MIN_INNER_PREFIX);
      return { text, prefix };
    });
    for (const term of phrase) terms.set(`${term.prefix ? '^' : '='}${term.text}`, term);
    if (phrase.length > 1) phrases.push(phrase);
  });
  return { terms: [...terms.values()], phrases };
}

/** First index in the sorted tokens whose token is ≥ text. */
function lowerBound(tokens: readonly string[], text: string): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range of token ids a term matches: one token, or every token it starts. */
function tokenRange(tokens: readonly string[], term: Term): [number, number] {
  const lo = lowerBound(tokens, term.text);
  if (!term.prefix) return tokens[lo] === term.text ? [lo, lo + 1] : [lo, lo];
  return [lo, lowerBound(tokens, `${term.text}\uffff`)];
}

/** True when the phrase's words appear in order, side by side, in one field of the talk. */
function hasPhrase(talk: Talk, phrase: Term[]): boolean {
  for (const texts of talkFields(talk))
    for (const text of texts) {
      const words = tokenize(foldText(text));
      for (let at = 0; at + phrase.length <= words.length; at++) {
        const found = phrase.every(({ text, prefix }, k) =>
          prefix ? words[at + k]!.startsWith(text) : words[at + k] === text,
        );
        if (found) return true;
      }
    }
  return false;
}

/**
 * Looks every term up (AND) through the postings of each token it matches: the talks matching
 * all terms, each one's sum over terms of its best field, and the fields any term was found in.
 */
function scoreTerms(
  index: SearchIndex,
  terms: Term[],
): { candidates: number[]; total: Float64Array; fieldMask: Uint8Array } {
  const { talks, tokens, offsets, postings } = index;
  const termScore = new Float64Array(talks.length);
  const total = new Float64Array(talks.length);
  const fieldMask = new Uint8Array(talks.length);
  let candidates: number[] | null = null;
  for (const term of terms) {
    const [from, to] = tokenRange(tokens, term);
    const touched: number[] = [];
    for (let t = from; t < to; t++) {
      const factor = tokens[t]!.length === term.text.length ? 1 : PREFIX_FACTOR;
      for (let p = offsets[t]!, end = offsets[t + 1]!; p < end; p++) {
        const posting = postings[p]!;
        const talk = posting >>> FIELD_BITS;
        const score = MASK_SCORE[posting & (FIELD_SLOTS - 1)]! * factor;
        if (termScore[talk] === 0) touched.push(talk);
        if (score > termScore[talk]!) termScore[talk] = score;
        fieldMask[talk]! |= posting & (FIELD_SLOTS - 1);
      }
    }
    const kept: number[] =
      candidates === null ? touched : candidates.filter((t) => termScore[t]! > 0);
    for (const talk of kept) total[talk]! += termScore[talk]!;
    for (const talk of touched) termScore[talk] = 0;
    candidates = kept;
    if (candidates.length === 0) break;
  }
  return { candidates: candidates ?? [], total, fieldMask };
}

/**
 * The talks matching a query, best first: title matches above speaker, track, subtitle, then
 * abstract and description; cancelled talks lower; ties by start time. An empty query finds
 * nothing (the caller shows the full schedule instead).
 */
export function searchTalks(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchHit[] {
  const { terms, phrases } = parseQuery(query);
  if (terms.length === 0) return [];
  const { candidates, total, fieldMask } = scoreTerms(index, terms);
  const { talks, startRank, startOrder } = index;
  const score = (i: number) => total[i]! * (talks[i]!.cancelled ? CANCELLED_FACTOR : 1);
  // One number per hit, ordered by score (to 1/1000) then start: a native sort, no comparator.
  const keys = new Float64Array(candidates.length);
  candidates.forEach((i, k) => {
    const quantized = Math.min(SCORE_SLOTS - 1, Math.round(score(i) * 1000));
    keys[k] = (SCORE_SLOTS - 1 - quantized) * RANK_SLOTS + startRank[i]!;
  });
  keys.sort();
  const limit = options.limit ?? DEFAULT_LIMIT;
  const hits: SearchHit[] = [];
  for (const key of keys) {
    if (hits.length >= limit) break;
    const i = startOrder[key % RANK_SLOTS]!;
    const talk = talks[i]!;
    if (options.day !== undefined && talk.day !== options.day) continue;
    if (options.filter && !options.filter(talk)) continue;
    // Checked last and only until the list is full: phrases need the talk's text again.
    if (phrases.length > 0 && !phrases.every((phrase) => hasPhrase(talk, phrase))) continue;
    const mask = fieldMask[i]!;
    const fields = SEARCH_FIELDS.filter((_, f) => mask & (1 << f));
    hits.push({ key: talk.key, talk, score: score(i), fields });
  }
  return hits;
}

/** How many characters of `word` fold to at least `length` characters. */
function originalLength(word: string, length: number): number {
  for (let k = 1; k < word.length; k++) if (foldText(word.slice(0, k)).length >= length) return k;
  return word.length;
}

/**
 * Where a query's words occur in a plain text (a title, a name, an abstract after htmlToText),
 * as [start, end) ranges of the original string: what the UI highlights in a hit. Folded like
 * the search, so "frederic" marks "Frédéric" and "kube" marks the "Kube" of "Kubernetes".
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const { terms } = parseQuery(query);
  const ranges: [number, number][] = [];
  if (terms.length === 0) return ranges;
  for (const { index, word, folded } of foldedWords(text)) {
    let length = 0;
    for (const term of terms) {
      if (folded === term.text) length = word.length;
      else if (term.prefix && folded.startsWith(term.text))
        length = Math.max(length, originalLength(word, term.text.length));
    }
    if (length > 0) ranges.push([index, index + length]);
  }
  return ranges;
}

// The same titles and abstracts are highlighted keystroke after keystroke: fold their words once.
const wordCache = new Map<string, { index: number; word: string; folded: string }[]>();

function foldedWords(text: string): { index: number; word: string; folded: string }[] {
  let words = wordCache.get(text);
  if (!words) {
    words = [];
    for (const match of text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)) {
      words.push({ index: match.index, word: match[0], folded: foldText(match[0]) });
    }
    if (wordCache.size >= 2000) wordCache.clear();
    wordCache.set(text, words);
  }
  return words;
}
