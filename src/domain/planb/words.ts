/**
 * The words of a talk as the topic model reads them. Two kinds of term:
 * - names: technology and project names kept whole, case and punctuation folded but never
 *   stemmed ("eBPF", "C++", "Node.js", "K8s", "RISC-V", "KDE", "PostgreSQL"; "Rust" or
 *   "Wayland" when the schedule writes them capitalized mid-sentence); names joined by a slash
 *   are read one by one ("NetBSD/arm64", "GNU/Linux"), and a compound name also counts, for
 *   half, as the family it ends in when the schedule uses that name on its own ("NetBSD" → BSD,
 *   "WebRTC" → RTC, "MicroPython" → Python; never "JavaScript" → Java);
 * - words: everything else, folded, stopwords dropped, stemmed with the Porter stemmer
 *   ("containers" and "container" are one term).
 * Stopwords are the function words of English (stopwords-en's long list, less words that name
 * things in tech) and of the talk's language (the stopword package), the words of how sessions
 * are held (topics.ts), and the schedule's own boilerplate, which topics.ts learns.
 */
import { stemmer } from 'stemmer';
import { deu, eng, fra, ita, nld, por, spa } from 'stopword';
import englishFiller from 'stopwords-en';
import { foldText } from '../text';

/** One term occurrence: its key ("w:contain", "n:ebpf"), and its spelling as written. */
interface TermHit {
  key: string;
  spelling: string;
  name: boolean;
  /** How much an occurrence counts (1; less for the family name inside a compound name). */
  share?: number;
}

const folded = (words: readonly string[]) => new Set(words.map(foldText));
// Words of stopwords-en's long list that name things in technical talks: kept as topic words.
const TOPICAL_IN_TECH = new Set(
  `computer copy date empty fire group groups home homepage html http index information keys
  line member members microsoft name null open page pages research ring room rooms section
  shell site state states system test text value web webpage website width free auth`.split(/\s+/),
);
const ENGLISH = folded([...eng, ...englishFiller.filter((w) => !TOPICAL_IN_TECH.has(w))]);
// A schedule's talk language selects a second list; English is always on (mixed abstracts).
const BY_LANGUAGE: Record<string, ReadonlySet<string>> = {
  de: folded(deu),
  fr: folded(fra),
  es: folded(spa),
  it: folded(ita),
  nl: folded(nld),
  pt: folded(por),
};
// English words the package's short list lacks that never name a topic in a talk description.
const MORE_ENGLISH = new Set(
  `also can could may might must shall should will would just even still yet however thus
  therefore etc via within without among across upon onto per way ways lot lots thing things
  get gets got getting make makes made making take takes took use used uses using well much many
  able want wants need needs like one two three first second new also let lets really`.split(/\s+/),
);

/** True when a folded word is a function word in English or the talk's language. */
function isStopword(folded: string, language: string): boolean {
  if (ENGLISH.has(folded) || MORE_ENGLISH.has(folded)) return true;
  const extra = BY_LANGUAGE[language.slice(0, 2).toLowerCase()];
  return extra?.has(folded) ?? false;
}

// A token: letters or digits, optionally joined by . - / _ (Node.js, RISC-V, HTTP/3, x86_64),
// optionally ending in ++ or # (C++, C#, F#).
const TOKEN = /[\p{L}\p{N}]+(?:[._\-/][\p{L}\p{N}]+)*(?:\+\+|#)?/gu;
const ASCII_TOKEN = /[A-Za-z0-9]+(?:[._\-/][A-Za-z0-9]+)*(?:\+\+|#)?/g;
const ASCII_TEXT = /^[\0-\x7f]*$/;
const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const INNER_UPPER = /\p{Ll}\p{Lu}|\p{Lu}{2}/u;
const ALL_UPPER = /^[\p{Lu}\p{N}._\-/]+$/u;
const CAPITALIZED = /^\p{Lu}\p{Ll}+$/u;
const NUMBER = /^[\p{N}._\-/]+$/u;
// Lower-case file-ish suffixes that mark a name: node.js, socket.io, asp.net.
const DOTTED_NAME = /^[\p{L}\p{N}]+\.(js|io|net|rs|py|rb|org)$/u;

/** Whether a token, as written, is a technology or project name on its face. */
function looksLikeName(token: string): boolean {
  if (token.endsWith('++') || token.endsWith('#')) return true;
  if (HAS_DIGIT.test(token) && HAS_LETTER.test(token) && !NUMBER.test(token)) return true;
  if (DOTTED_NAME.test(token.toLowerCase())) return true;
  if (token.length >= 2 && INNER_UPPER.test(token)) return true;
  return false;
}

/** The part of a token that names the thing: "APIs" → "API", "SBOMs" → "SBOM". */
function singularName(token: string): string {
  return /^\p{Lu}{2,}s$/u.test(token) ? token.slice(0, -1) : token;
}

/** Characters after which the next word opens a sentence (or a list item, or a line). */
const OPENERS = new Set([
  '.',
  '!',
  '?',
  ':',
  ';',
  '\n',
  '\r',
  '•',
  '*',
  '(',
  ')',
  '"',
  '“',
  '–',
  '—',
]);

/**
 * Calls `visit` for each token of a plain text in reading order, saying whether it opens a
 * sentence or a line (where a capital says nothing). No arrays: a schedule has ~200,000 tokens.
 */
function forEachToken(text: string, visit: (token: string, sentenceStart: boolean) => void): void {
  // Most abstracts are ASCII, and the ASCII pattern is several times faster.
  const pattern = ASCII_TEXT.test(text) ? new RegExp(ASCII_TOKEN) : new RegExp(TOKEN.source, 'gu');
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    let start = last === 0;
    for (let i = last; i < m.index && !start; i++) start = OPENERS.has(text[i]!);
    visit(m[0], start);
    last = pattern.lastIndex;
  }
}

/**
 * Every distinct token of a schedule, interned: texts become arrays of token ids (the regular
 * expression reads each text once), and what is known of a token (its casing, its terms) is
 * worked out once per distinct token, not per occurrence: FOSDEM has ~200,000 tokens but
 * ~20,000 distinct ones.
 */
export class TokenTable {
  /** Token id → the token as written. */
  readonly texts: string[] = [];
  /** Token id → 1 when Capitalized, 2 when a lower-case word, 0 otherwise. */
  readonly casing: number[] = [];
  readonly #ids = new Map<string, number>();

  /** The ids of a text's tokens; a token opening a sentence is stored as -(id + 1). */
  tokenize(text: string): Int32Array {
    const out: number[] = [];
    forEachToken(text, (token, sentenceStart) => {
      let id = this.#ids.get(token);
      if (id === undefined) {
        id = this.texts.length;
        this.#ids.set(token, id);
        this.texts.push(token);
        this.casing.push(
          token.length < 2 ? 0 : CAPITALIZED.test(token) ? 1 : LOWER_WORD.test(token) ? 2 : 0,
        );
      }
      out.push(sentenceStart ? -(id + 1) : id);
    });
    return Int32Array.from(out);
  }
}

const LOWER_WORD = /^[a-z]+$/;

/** How the schedule cases its words in running text (titles capitalize everything). */
export interface CaseCounts {
  /** Folded word → how often it is written Capitalized in mid-sentence. */
  capitalized: ReadonlyMap<string, number>;
  /** Lower-case word → how often it is written so. */
  lower: ReadonlyMap<string, number>;
}

/** Counts casing over running text (sentence starts left out: their capital says nothing). */
export function caseCounts(table: TokenTable, runningText: readonly Int32Array[]): CaseCounts {
  const caps = new Int32Array(table.texts.length);
  const lows = new Int32Array(table.texts.length);
  for (const ids of runningText)
    for (const stored of ids) {
      if (stored < 0) continue;
      const kind = table.casing[stored];
      if (kind === 1) caps[stored]! += 1;
      else if (kind === 2) lows[stored]! += 1;
    }
  const capitalized = new Map<string, number>();
  const lower = new Map<string, number>();
  table.texts.forEach((text, id) => {
    if (caps[id]) {
      const word = foldText(text);
      capitalized.set(word, (capitalized.get(word) ?? 0) + caps[id]!);
    } else if (lows[id]) lower.set(text, (lower.get(text) ?? 0) + lows[id]!);
  });
  return { capitalized, lower };
}

/**
 * The words the schedule writes as names: capitalized in mid-sentence at least three times
 * and three times as often as in lower case ("Rust", "Wayland", "Debian").
 */
export function namesFromCase(counts: CaseCounts): Set<string> {
  const names = new Set<string>();
  for (const [word, n] of counts.capitalized)
    if (n >= 3 && n >= 3 * (counts.lower.get(word) ?? 0)) names.add(word);
  return names;
}

/**
 * Of candidate names (one-word track names), those the schedule writes as names often enough
 * in running text that their capital means the name even where the lower-case word is common:
 * "Go" (77 times mid-sentence at FOSDEM 2020, "go" 86 times) is; "Community" (12, 279) is not.
 */
export function namesAsWritten(candidates: Iterable<string>, counts: CaseCounts): Set<string> {
  const out = new Set<string>();
  for (const name of candidates) {
    const word = foldText(name);
    const caps = counts.capitalized.get(word) ?? 0;
    // All-caps and mixed-case names (DNS, LLVM, JavaScript) are names on their face already.
    if (!/^\p{Lu}\p{Ll}+$/u.test(name) || (caps >= 3 && 2 * caps >= (counts.lower.get(word) ?? 0)))
      out.add(name);
  }
  return out;
}

/** What the corpus taught about names and filler (see buildTopics). */
export interface NameSets {
  /** Folded words the schedule writes as names whatever their case ("wayland", "debian"). */
  folded: ReadonlySet<string>;
  /** Exact spellings that are names as written: one-word track names ("Go", "Rust"). */
  exact: ReadonlySet<string>;
  /** Folded words that say how a session is held, not what about: its type names (bof, keynote). */
  stop: ReadonlySet<string>;
  /**
   * Folded names the schedule writes on their own, of three letters or more ("bsd", "ruby",
   * "python", "rtc"): a compound name ending in one at a case boundary also counts as it.
   */
  families?: ReadonlySet<string>;
}

/**
 * The names a schedule uses on their own, folded, of three letters or more: the families a
 * compound name can belong to (see familyOf).
 */
export function familyNames(tokens: TokenTable, names: NameSets): Set<string> {
  const out = new Set<string>();
  for (const text of tokens.texts) {
    if (text.length < 3 || /[._\-/]/.test(text)) continue;
    const spelling = singularName(text);
    const folded = foldText(spelling);
    const name =
      looksLikeName(text) ||
      (ALL_UPPER.test(text) && HAS_LETTER.test(text)) ||
      names.folded.has(folded) ||
      names.exact.has(text);
    if (name && !NUMBER.test(folded)) out.add(folded);
  }
  return out;
}

/** What the family name inside a compound name ("BSD" in "NetBSD") counts, per occurrence. */
const FAMILY_SHARE = 0.5;
/** A case boundary: lower to upper ("Net|BSD", "Web|RTC"), or acronym to word ("J|Ruby"). */
const CASE_BOUNDARY = /(?<=\p{Ll})(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu;

/**
 * The family a compound name belongs to: the longest tail after a case boundary that the
 * schedule uses as a name of its own ("NetBSD" → BSD, "WebRTC" → RTC, "JRuby" → Ruby,
 * "MicroPython" → Python, "PostgreSQL" → SQL); undefined when none ("Nextcloud", "JavaScript":
 * "Script" is no name).
 */
export function familyOf(name: string, families: ReadonlySet<string>): string | undefined {
  for (const m of name.matchAll(CASE_BOUNDARY)) {
    const tail = name.slice(m.index);
    if (tail.length >= 3 && families.has(foldText(tail))) return tail;
  }
  return undefined;
}

/**
 * Reads tokenized texts into weighted term counts, one term table for a whole schedule. Each
 * distinct token is analysed once per language (folded, filtered, stemmed) and then only
 * counted.
 */
export class TermReader {
  /** Term id → key ("w:contain", "n:ebpf"). */
  readonly keys: string[] = [];
  /** Term id → true for names (kept whole, weigh more). */
  readonly isName: boolean[] = [];
  readonly #ids = new Map<string, number>();
  /** Per language: token id → its term ids (undefined: not analysed yet). */
  readonly #terms = new Map<string, (Int32Array | undefined)[]>();
  /** Per language: token id → what each of its terms counts per occurrence (1 or less). */
  readonly #shares = new Map<string, Float32Array[]>();
  /** Per language: token id → how each of its terms is spelled there. */
  readonly #spellings = new Map<string, string[][]>();
  /** Per language: token id → how often it was read (for labels). */
  readonly #seen = new Map<string, Int32Array>();
  readonly #tokens: TokenTable;
  readonly #names: NameSets;

  constructor(tokens: TokenTable, names: NameSets) {
    this.#tokens = tokens;
    this.#names = names;
  }

  /** Adds the terms of tokenized text to `tf`, each occurrence weighing `weight` (names × nameBoost). */
  read(
    ids: Int32Array,
    language: string,
    weight: number,
    nameBoost: number,
    tf: Map<number, number>,
  ): void {
    const lang = language.slice(0, 2).toLowerCase();
    let terms = this.#terms.get(lang);
    let seen = this.#seen.get(lang);
    let spellings = this.#spellings.get(lang);
    let shares = this.#shares.get(lang);
    if (!terms || !seen || !spellings || !shares) {
      terms = [];
      spellings = [];
      shares = [];
      seen = new Int32Array(this.#tokens.texts.length);
      this.#terms.set(lang, terms);
      this.#seen.set(lang, seen);
      this.#spellings.set(lang, spellings);
      this.#shares.set(lang, shares);
    }
    for (const stored of ids) {
      const token = tokenId(stored);
      let found = terms[token];
      if (!found) {
        const hits = termsOfToken(this.#tokens.texts[token]!, lang, this.#names);
        found = Int32Array.from(hits, (h) => this.#id(h));
        terms[token] = found;
        spellings[token] = hits.map((h) => h.spelling);
        shares[token] = Float32Array.from(hits, (h) => h.share ?? 1);
      }
      seen[token]! += 1;
      const share = shares[token]!;
      for (let k = 0; k < found.length; k++) {
        const id = found[k]!;
        const w = (this.isName[id] ? weight * nameBoost : weight) * share[k]!;
        tf.set(id, (tf.get(id) ?? 0) + w);
      }
    }
  }

  /** Term id → its most common spelling (ties: alphabetical): how people write it. */
  labels(): string[] {
    const tally = this.keys.map(() => new Map<string, number>());
    for (const [lang, terms] of this.#terms) {
      const seen = this.#seen.get(lang)!;
      const spellings = this.#spellings.get(lang)!;
      terms.forEach((found, token) => {
        if (!found || found.length === 0) return;
        found.forEach((id, k) => {
          const t = tally[id]!;
          const spelling = spellings[token]![k]!;
          t.set(spelling, (t.get(spelling) ?? 0) + seen[token]!);
        });
      });
    }
    return tally.map((t) => {
      let best = '';
      let count = -1;
      for (const [sp, c] of t) if (c > count || (c === count && sp < best)) [best, count] = [sp, c];
      return best;
    });
  }

  #id(hit: TermHit): number {
    let id = this.#ids.get(hit.key);
    if (id === undefined) {
      id = this.keys.length;
      this.#ids.set(hit.key, id);
      this.keys.push(hit.key);
      this.isName.push(hit.name);
    }
    return id;
  }
}

/** The id of a stored token (see TokenTable.tokenize). */
function tokenId(stored: number): number {
  return stored < 0 ? -stored - 1 : stored;
}

/** The terms of one token (none, one, or its parts when it joins plain words). */
function termsOfToken(text: string, language: string, names: NameSets): TermHit[] {
  const out: TermHit[] = [];
  const word = (text: string) => {
    const folded = foldText(text);
    // A name written as the schedule writes it ("Go", "Rust") is a name even where the
    // lower-case word is common or a stopword ("go").
    if (names.exact.has(text)) {
      out.push({ key: `n:${folded}`, spelling: text, name: true });
      return;
    }
    if (folded.length < 2 || NUMBER.test(folded) || isStopword(folded, language)) return;
    if (names.stop.has(folded)) return;
    if (names.folded.has(folded)) out.push({ key: `n:${folded}`, spelling: text, name: true });
    else if (HAS_LETTER.test(folded))
      out.push({ key: `w:${stemmer(folded)}`, spelling: folded, name: false });
  };
  if (NUMBER.test(text)) return out;
  // Names joined by a slash are alternatives or pairs ("NetBSD/arm64", "GNU/Linux", "TCP/IP"):
  // each is a name of its own. Not a version ("HTTP/3") nor a path of plain words.
  const parts = text.split('/');
  if (parts.length > 1 && parts.every((p) => p.length >= 2 && !NUMBER.test(p))) {
    if (parts.some((p) => looksLikeName(p) || ALL_UPPER.test(p))) {
      for (const part of parts) nameOrWord(part, language, names, out, word);
      return out;
    }
  }
  nameOrWord(text, language, names, out, word);
  return out;
}

/** The terms of a token that is a name on its face, else of its plain words. */
function nameOrWord(
  text: string,
  language: string,
  names: NameSets,
  out: TermHit[],
  word: (text: string) => void,
): void {
  if (looksLikeName(text) || (ALL_UPPER.test(text) && text.length >= 2 && HAS_LETTER.test(text))) {
    const spelling = singularName(text);
    const folded = foldText(spelling);
    if (isStopword(folded, language) || names.stop.has(folded)) return;
    out.push({ key: `n:${folded}`, spelling, name: true });
    // "NetBSD" is also about BSD, "WebRTC" about RTC: the family counts, for half.
    const family = names.families && familyOf(spelling, names.families);
    if (family && !names.stop.has(foldText(family)))
      out.push({ key: `n:${foldText(family)}`, spelling: family, name: true, share: FAMILY_SHARE });
  } else if (/[._\-/]/.test(text)) {
    for (const part of text.split(/[._\-/]/)) word(part);
  } else word(text);
}

/** The folded words of a short label ("lightningtalk" stays one word; "Main Track" is two). */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}
