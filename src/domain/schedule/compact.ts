/**
 * The compact schedule: the normalized Conference as the relay sends it to phones, so a phone
 * neither downloads XML nor parses it. Three lines of JSON, in the order a phone needs them:
 *
 *   1. a header: format, version, talk count, the UTF-8 size of lines 2–3, and the conference
 *      without its talks (days, rooms, tracks, persons…);
 *   2. every talk's summary as a tuple (what lists and the first screen show): rooms, tracks
 *      and persons as indexes into the header's lists;
 *   3. every talk's details: abstract, description and links.
 *
 * Line 2 is small (FOSDEM 2024: ~90 KB of ~400 KB brotli), so a phone can paint its first
 * screen while line 3 still downloads. JSON never writes a raw newline inside a value, so a
 * newline always ends a line. Pure: the relay encodes with it, the import worker decodes.
 */
import { ScheduleError } from '../errors';
import type { Conference, Link, Person, Talk, TalkLinks } from '../model';

/** The media type the relay answers with and the phone asks for. */
export const COMPACT_MEDIA_TYPE = 'application/vnd.planb.schedule+json';
/** The format's version: a phone refuses another one (and the relay sends XML to old phones). */
export const COMPACT_VERSION = 1;

/** Line 1. */
interface CompactHeader {
  format: 'planb-compact';
  version: number;
  talks: number;
  /** UTF-8 bytes after line 1's newline: with line 1, the decoded size of the whole body. */
  rest: number;
  conference: Omit<Conference, 'talks'>;
}

/**
 * A talk's summary: id, key (null when it is `guid:<guid>`), guid, slug, title, subtitle, type,
 * track (index into tracks, or the name), language, persons (indexes, or {id, name}), start,
 * end, day, room (index, or the name), url, flags (1 cancelled, 2 amended, 4 amended given).
 */
type SummaryTuple = [
  string,
  string | null,
  string | null,
  string | null,
  string,
  string,
  string,
  number | string,
  string,
  (number | Person)[],
  number,
  number,
  number,
  number | string,
  string | null,
  number,
];
/** Details: abstract, description, links as [kind (0 slides, 1 recordings, 2 other), url, title]. */
type DetailTuple = [string, string, [0 | 1 | 2, string, string][]];

const LINK_KINDS = ['slides', 'recordings', 'other'] as const;

/** The compact text of a conference (see the file comment). */
export function encodeCompact(conference: Conference): string {
  const { talks, ...meta } = conference;
  const trackIndex = new Map(meta.tracks.map((t, i) => [t.name, i]));
  const roomIndex = new Map(meta.rooms.map((r, i) => [r.name, i]));
  const personIndex = new Map(meta.persons.map((p, i) => [`${p.id}\n${p.name}`, i]));
  const summaries: SummaryTuple[] = [];
  const details: DetailTuple[] = [];
  for (const t of talks) {
    summaries.push([
      t.id,
      t.guid !== undefined && t.key === `guid:${t.guid}` ? null : t.key,
      t.guid ?? null,
      t.slug ?? null,
      t.title,
      t.subtitle,
      t.type,
      trackIndex.get(t.track) ?? t.track,
      t.language,
      t.persons.map((p) => personIndex.get(`${p.id}\n${p.name}`) ?? p),
      t.start,
      t.end,
      t.day,
      roomIndex.get(t.room) ?? t.room,
      t.url ?? null,
      (t.cancelled ? 1 : 0) | (t.amended ? 2 : 0) | (t.amended !== undefined ? 4 : 0),
    ]);
    details.push([
      t.abstract,
      t.description,
      LINK_KINDS.flatMap((kind, k) =>
        t.links[kind].map((l) => [k as 0 | 1 | 2, l.url, l.title] as [0 | 1 | 2, string, string]),
      ),
    ]);
  }
  const rest = `${JSON.stringify(summaries)}\n${JSON.stringify(details)}`;
  const header: CompactHeader = {
    format: 'planb-compact',
    version: COMPACT_VERSION,
    talks: talks.length,
    rest: new TextEncoder().encode(rest).length,
    conference: meta,
  };
  return `${JSON.stringify(header)}\n${rest}`;
}

/** The first screen's share of a compact text: the conference with talks that have no details. */
export interface CompactPreview {
  conference: Conference;
}

/**
 * Reads a compact schedule as it arrives: feed it the decoded text in pieces; it tells the
 * size to expect once line 1 is in, and the talks without details once line 2 is in.
 */
export class CompactReader {
  #text = '';
  #lines: string[] = [];
  #header: CompactHeader | undefined;
  #summaries: SummaryTuple[] | undefined;

  /**
   * Adds a piece of text; returns what became readable with it: the header and the body's
   * whole UTF-8 size (with line 1), then the talks without their details.
   */
  push(piece: string): { header?: CompactHeader; bytes?: number; preview?: Conference } {
    const out: { header?: CompactHeader; bytes?: number; preview?: Conference } = {};
    let from = this.#text.length;
    this.#text += piece;
    while (this.#lines.length < 2) {
      const cut = this.#text.indexOf('\n', from);
      if (cut < 0) break;
      this.#lines.push(this.#text.slice(0, cut));
      this.#text = this.#text.slice(cut + 1);
      from = 0;
      if (this.#lines.length === 1) {
        out.header = this.#readHeader(this.#lines[0]!);
        out.bytes = new TextEncoder().encode(this.#lines[0]).length + 1 + out.header.rest;
      } else {
        this.#summaries = parseLine<SummaryTuple[]>(this.#lines[1]!, 'talk summaries');
        out.preview = this.#conference(this.#summaries, undefined);
      }
    }
    return out;
  }

  /** The whole conference, once every piece is in; throws ScheduleError when it is cut short. */
  finish(): Conference {
    if (!this.#header || !this.#summaries)
      throw new ScheduleError('truncated', 'the compact schedule ends before its talks.');
    const details = parseLine<DetailTuple[]>(this.#text, 'talk details');
    if (details.length !== this.#summaries.length)
      throw new ScheduleError('truncated', 'the compact schedule has details for too few talks.');
    return this.#conference(this.#summaries, details);
  }

  #readHeader(line: string): CompactHeader {
    const header = parseLine<CompactHeader>(line, 'header');
    if (header?.format !== 'planb-compact')
      throw new ScheduleError('not-a-schedule', 'it is not a compact Plan B schedule.');
    if (header.version !== COMPACT_VERSION)
      throw new ScheduleError(
        'wrong-shape',
        `it is a compact schedule of version ${header.version}; this app reads version ${COMPACT_VERSION}. Reload the app to update it.`,
      );
    this.#header = header;
    return header;
  }

  #conference(summaries: SummaryTuple[], details: DetailTuple[] | undefined): Conference {
    const meta = this.#header!.conference;
    if (summaries.length !== this.#header!.talks)
      throw new ScheduleError('truncated', 'the compact schedule has too few talks.');
    const talks = summaries.map((s, i) => talkOf(meta, s, details?.[i]));
    return { ...meta, talks };
  }
}

/** Decodes a whole compact text at once. Throws ScheduleError. */
export function decodeCompact(text: string): Conference {
  const reader = new CompactReader();
  reader.push(text);
  return reader.finish();
}

function parseLine<T>(line: string, what: string): T {
  try {
    return JSON.parse(line) as T;
  } catch {
    throw new ScheduleError('truncated', `the compact schedule's ${what} cannot be read.`);
  }
}

const NO_DETAILS: DetailTuple = ['', '', []];

function talkOf(
  meta: Omit<Conference, 'talks'>,
  s: SummaryTuple,
  d: DetailTuple | undefined,
): Talk {
  const [id, key, guid, slug, title, subtitle, type, track, language, persons] = s;
  const [, , , , , , , , , , start, end, day, room, url, flags] = s;
  const [abstract, description, linkTuples] = d ?? NO_DETAILS;
  const links: TalkLinks = { slides: [], recordings: [], other: [] };
  for (const [kind, linkUrl, linkTitle] of linkTuples) {
    const link: Link = { url: linkUrl, title: linkTitle };
    links[LINK_KINDS[kind]].push(link);
  }
  return {
    key: key ?? `guid:${guid}`,
    id,
    ...(guid !== null ? { guid } : {}),
    ...(slug !== null ? { slug } : {}),
    title,
    subtitle,
    abstract,
    description,
    type,
    track: typeof track === 'number' ? (meta.tracks[track]?.name ?? '') : track,
    language,
    persons: persons.map((p) => (typeof p === 'number' ? meta.persons[p]! : p)),
    start,
    end,
    day,
    room: typeof room === 'number' ? (meta.rooms[room]?.name ?? '') : room,
    ...(url !== null ? { url } : {}),
    links,
    cancelled: (flags & 1) !== 0,
    ...(flags & 4 ? { amended: (flags & 2) !== 0 } : {}),
  };
}
