/**
 * Finding places and people by any name they go by: rooms (full name, code, slug, nickname, with
 * or without dots: "UB5.132", "ub5132", "Rolin", "h.1308"), buildings, tracks and speakers. The
 * search box shows these above the talks when the query names one. Built once per schedule;
 * each keystroke scans a few hundred entries of pre-folded words, well under a millisecond.
 */
import type { Conference, Person, Room, Talk } from './model';
import { foldText, tokenize } from './text';
import { type Building, UNKNOWN_BUILDING, type Venue } from './venue/types';

/** What a name hit stands for. */
export type NameKind = 'room' | 'building' | 'track' | 'speaker';

/** One room, building, track or speaker that a query names. */
export type NameHit =
  | { kind: 'room'; room: Room; talks: number; score: number }
  | { kind: 'building'; building: Building; rooms: number; score: number }
  | { kind: 'track'; track: string; talks: Talk[]; score: number }
  | { kind: 'speaker'; person: Person; talks: Talk[]; score: number };

/** The name hits of a query, by kind, best first. */
export interface NameHits {
  rooms: NameHit[];
  buildings: NameHit[];
  tracks: NameHit[];
  speakers: NameHit[];
}

interface Entry {
  hit: NameHit;
  /** Each name the thing goes by, letters and digits only: "ub5132", "h1308rolin", "rolin". */
  compacts: string[];
  /** The same, each after a space: one native `includes` tells whether the query starts one. */
  compactText: string;
  /** Every folded word of every name, each after a space. */
  wordText: string;
}

/** A conference's rooms, buildings, tracks and speakers, folded for finding by name. */
export interface NameIndex {
  /** In name order (numbers in order), so hits of equal score come out sorted. */
  entries: Entry[];
}

/** An exact name outranks a name it starts, which outranks one whose words it starts. */
const EXACT = 3;
const STARTS = 2;
const WORDS = 1;
/** Queries shorter than this find only exact names ("k" finds building K, not every K room). */
const MIN_PREFIX = 2;

const compact = (text: string): string => tokenize(foldText(text)).join('');

function entry(hit: NameHit, names: string[]): Entry {
  const given = names.filter(Boolean);
  const compacts = [...new Set(given.map(compact).filter(Boolean))];
  const words = new Set(given.flatMap((n) => tokenize(foldText(n))));
  return {
    hit,
    compacts,
    compactText: ` ${compacts.join(' ')}`,
    wordText: ` ${[...words].join(' ')}`,
  };
}

/** "H.1308 (Rolin)" → its code "H.1308" and nickname "Rolin"; "Janson" → just "Janson". */
function roomNames(room: Room): string[] {
  const m = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(room.name);
  return m ? [room.name, room.slug, m[1]!, m[2]!] : [room.name, room.slug];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Builds the name index of a conference (and its venue, for buildings): once per schedule. */
export function buildNameIndex(conference: Conference, venue?: Venue): NameIndex {
  const entries: Entry[] = [];
  const talksByRoom = new Map<string, number>();
  const talksByTrack = new Map<string, Talk[]>();
  const talksByPerson = new Map<string, Talk[]>();
  const persons = new Map<string, Person>();
  for (const talk of conference.talks) {
    talksByRoom.set(talk.room, (talksByRoom.get(talk.room) ?? 0) + 1);
    if (talk.track) push(talksByTrack, talk.track, talk);
    for (const p of talk.persons) {
      if (!persons.has(p.id)) persons.set(p.id, p);
      push(talksByPerson, p.id, talk);
    }
  }
  for (const room of conference.rooms) {
    const talks = talksByRoom.get(room.name) ?? 0;
    if (talks > 0) entries.push(entry({ kind: 'room', room, talks, score: 0 }, roomNames(room)));
  }
  for (const building of venue?.buildings ?? []) {
    if (building.id === UNKNOWN_BUILDING) continue;
    const rooms = conference.rooms.filter(
      (r) => r.building === building.id && talksByRoom.has(r.name),
    ).length;
    if (rooms === 0) continue;
    const names = [building.name, `Building ${building.id}`, building.id];
    entries.push(entry({ kind: 'building', building, rooms, score: 0 }, names));
  }
  for (const [track, talks] of talksByTrack)
    entries.push(entry({ kind: 'track', track, talks, score: 0 }, [track]));
  for (const [id, person] of persons)
    entries.push(
      entry({ kind: 'speaker', person, talks: talksByPerson.get(id)!, score: 0 }, [person.name]),
    );
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  entries.sort((a, b) => collator.compare(nameOf(a.hit), nameOf(b.hit)));
  return { entries };
}

/** How well a folded query names an entry: 0 when it does not. */
function scoreEntry(e: Entry, whole: string, spaced: string[]): number {
  if (e.compacts.includes(whole)) return EXACT;
  if (whole.length < MIN_PREFIX) return 0;
  if (e.compactText.includes(spaced[0]!)) return STARTS;
  // Every query word starts a word of the names ("van rijn", "rust dev", "lucia ferr").
  for (let i = 1; i < spaced.length; i++) if (!e.wordText.includes(spaced[i]!)) return 0;
  return WORDS;
}

const KIND_ORDER: Record<NameKind, keyof NameHits> = {
  room: 'rooms',
  building: 'buildings',
  track: 'tracks',
  speaker: 'speakers',
};

/**
 * The rooms, buildings, tracks and speakers a query names, each kind best first (exact name,
 * then names it starts, then names whose words it starts; ties in name order), at most `limit`
 * of each. Accent-, case-, dot- and space-insensitive: "ub5132" finds "UB5.132".
 */
export function findNames(index: NameIndex, query: string, limit = 5): NameHits {
  const found: NameHits = { rooms: [], buildings: [], tracks: [], speakers: [] };
  const words = tokenize(foldText(query));
  const whole = words.join('');
  if (!whole) return found;
  // [" " + whole, " " + each word]: a leading space anchors each at the start of a name or word.
  const spaced = [` ${whole}`, ...words.map((w) => ` ${w}`)];
  // Per kind, hits by score (index = score): entries are in name order, so each bucket is too.
  const buckets = new Map<keyof NameHits, NameHit[][]>();
  for (const e of index.entries) {
    const score = scoreEntry(e, whole, spaced);
    if (score === 0) continue;
    const kind = KIND_ORDER[e.hit.kind];
    let byScore = buckets.get(kind);
    if (!byScore) {
      byScore = [[], [], [], []];
      buckets.set(kind, byScore);
    }
    const bucket = byScore[score]!;
    if (bucket.length < limit) bucket.push({ ...e.hit, score });
  }
  for (const [kind, byScore] of buckets)
    found[kind] = [...byScore[EXACT]!, ...byScore[STARTS]!, ...byScore[WORDS]!].slice(0, limit);
  return found;
}

/** The name a hit is shown and sorted by. */
export function nameOf(hit: NameHit): string {
  switch (hit.kind) {
    case 'room':
      return hit.room.name;
    case 'building':
      return hit.building.name;
    case 'track':
      return hit.track;
    case 'speaker':
      return hit.person.name;
  }
}

/** True when the query names a room, building or track exactly or by the start of its name. */
export function namesAPlace(hits: NameHits): boolean {
  return [...hits.rooms, ...hits.buildings, ...hits.tracks].some((h) => h.score >= STARTS);
}
