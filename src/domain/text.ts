/**
 * Text helpers shared by search and the UI: one folding (so "Frederic" meets "Frédéric" and
 * "MULLER" meets "Müller" wherever text is compared) and a DOM-free HTML-to-text for abstracts.
 */

// Letters that Unicode decomposition leaves alone but readers treat as plain Latin letters.
const LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ł: 'l',
  ŀ: 'l',
  þ: 'th',
  ı: 'i',
  ŋ: 'ng',
};
const SPECIAL_LETTER = /[ßæœøđðħłŀþıŋ]/g;
const MARKS = /\p{M}+/gu;
const ASCII = /^[\0-\x7f]*$/;

/**
 * Case- and accent-insensitive form of a text: lower case, compatibility-decomposed (ﬁ → fi,
 * full-width → ASCII), diacritics dropped, ß → ss, œ → oe, æ → ae, ø → o, ł → l. Search folds
 * both the index and the query with it; the UI can use it to find what to highlight.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL_LETTER, (c) => LETTERS[c] ?? c);
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII_WORD = /[a-z0-9]+/g;

/** The words of a folded text, in order: runs of letters and digits ("node.js" → node, js). */
export function tokenize(folded: string): string[] {
  // Most folded text is ASCII, and the ASCII pattern is several times faster.
  return folded.match(ASCII.test(folded) ? ASCII_WORD : WORD) ?? [];
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  rArr: '⇒',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
  oslash: 'ø',
  Oslash: 'Ø',
  aring: 'å',
  Aring: 'Å',
  eth: 'ð',
  thorn: 'þ',
  iexcl: '¡',
  iquest: '¿',
  zwj: '\u200d',
  zwnj: '\u200c',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
};
// Accented letters by name: &eacute; &Uuml; &ccedil; &atilde; &ring; … → the composed letter.
const ACCENTS: Record<string, string> = {
  acute: '\u0301',
  grave: '\u0300',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  cedil: '\u0327',
  ring: '\u030a',
  caron: '\u030c',
};
const ACCENTED = /^([a-zA-Z])(acute|grave|circ|tilde|uml|cedil|ring|caron)$/;

function decodeEntity(entity: string, body: string): string {
  if (body[0] === '#') {
    const hex = body[1] === 'x' || body[1] === 'X';
    const code = Number.parseInt(body.slice(hex ? 2 : 1), hex ? 16 : 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return entity;
    return String.fromCodePoint(code);
  }
  const named = NAMED_ENTITIES[body];
  if (named !== undefined) return named;
  const accented = ACCENTED.exec(body);
  if (accented) return `${accented[1]}${ACCENTS[accented[2]!]}`.normalize('NFC');
  return entity;
}

/** Decodes HTML character references: the common named ones and all numeric ones. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, decodeEntity);
}

const DROPPED_ELEMENTS = /<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENTS = /<!--[\s\S]*?-->/g;
const BLOCK_TAGS = new Set(
  'p br hr div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 pre blockquote table tr td th section article header footer figure figcaption'.split(
    ' ',
  ),
);
// A tag starts with a letter (or "/" and a letter), so "a < b" in plain text survives.
const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)[^>]*>|<![^>]*>/g;
const tagReplacement = (_: string, name: string | undefined): string =>
  name && BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '';

/**
 * The text of an HTML fragment with tags removed and entities decoded, blanks left as they are:
 * what indexing needs, without the cost of tidying whitespace nobody will see.
 */
export function stripHtml(html: string): string {
  if (!html.includes('<')) return decodeEntities(html);
  let text = html;
  if (text.includes('<!--')) text = text.replace(COMMENTS, ' ');
  if (/<(?:script|style|template)/i.test(text)) text = text.replace(DROPPED_ELEMENTS, ' ');
  return decodeEntities(text.replace(TAG, tagReplacement));
}

/**
 * Plain text of an HTML fragment (abstracts, descriptions), without a DOM: elements that show
 * nothing are dropped, block tags become line breaks, inline tags vanish ("<b>Pod</b>man" stays
 * one word), entities are decoded and blank runs collapsed. Plain text passes through unchanged.
 */
export function htmlToText(html: string): string {
  return stripHtml(html)
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n\s*/g, '\n')
    .trim();
}

/** The word for `n` things: "talk" for 1, else `many` ("talks" by default). */
export function pluralWord(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count with its word: "1 talk", "3 talks", "2 matches" (with `many`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${pluralWord(n, one, many)}`;
}

// Session types as schedules write them, as people say them.
const TYPE_WORDS: Record<string, string> = {
  lightningtalk: 'Lightning talk',
  maintrack: 'Main track',
  keysigning: 'Key signing',
  bof: 'BoF',
};

/**
 * A talk's type as shown next to its track: undefined when it says nothing the track does not
 * ("Main Track · maintrack", "Containers devroom · devroom"); otherwise in words ("lightningtalk"
 * → "Lightning talk"; "DJ Set" stays).
 */
export function talkTypeLabel(type: string, track: string): string | undefined {
  const letters = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]/gu, '');
  const t = letters(type);
  if (!t || letters(track).includes(t)) return undefined;
  const known = TYPE_WORDS[t];
  if (known) return known;
  const trimmed = type.trim();
  return trimmed === trimmed.toLowerCase()
    ? trimmed.charAt(0).toUpperCase() + trimmed.slice(1)
    : trimmed;
}
