/**
 * Tracks (FOSDEM's devrooms) as an attendee looks for them: where each one is, on which days,
 * from when to when, and how many talks it has. Built once per schedule for the Tracks view and
 * the track pages; pure, so it is tested in Node on the real schedules.
 */
import type { Conference, Talk } from './model';
import { slugify } from './slug';

/** One track's day: its talks that day and their span. */
export interface TrackDay {
  /** Index into Conference.days. */
  day: number;
  talks: Talk[];
  /** UTC ms of the first start and the last end that day. */
  start: number;
  end: number;
}

/** One track with where and when it runs. */
export interface TrackSummary {
  name: string;
  /** Unique within the conference: the file's slug (or a slug of the name), "-2"… on a clash. */
  id: string;
  /** Rooms it uses, the room with most of its talks first. */
  rooms: string[];
  /** The days it runs, in order, each with its talks in schedule order. */
  days: TrackDay[];
  /** Talks in all, cancelled ones included. */
  talkCount: number;
  cancelledCount: number;
}

/**
 * Every track that has talks, in name order (numbers in order, case and accents ignored).
 * Talks without a track are left out: a schedule without tracks gives an empty list.
 */
export function summarizeTracks(conference: Conference): TrackSummary[] {
  const byTrack = new Map<string, Talk[]>();
  for (const talk of conference.talks) {
    if (!talk.track) continue;
    const list = byTrack.get(talk.track);
    if (list) list.push(talk);
    else byTrack.set(talk.track, [talk]);
  }
  const slugs = new Map(conference.tracks.map((t) => [t.name, t.slug]));
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const names = [...byTrack.keys()].sort(collator.compare);
  const taken = new Set<string>();
  return names.map((name) => {
    const talks = byTrack.get(name)!;
    const base = slugs.get(name) || slugify(name) || 'track';
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return {
      name,
      id,
      rooms: roomsByUse(talks),
      days: daysOf(talks),
      talkCount: talks.length,
      cancelledCount: talks.filter((t) => t.cancelled).length,
    };
  });
}

const summaries = new WeakMap<Conference, TrackSummary[]>();

/** summarizeTracks, once per schedule version: for views that need it on every render. */
export function tracksOf(conference: Conference): TrackSummary[] {
  let tracks = summaries.get(conference);
  if (!tracks) {
    tracks = summarizeTracks(conference);
    summaries.set(conference, tracks);
  }
  return tracks;
}

/** The track with this id (see TrackSummary.id), or undefined. */
export function findTrack(tracks: readonly TrackSummary[], id: string): TrackSummary | undefined {
  return tracks.find((t) => t.id === id);
}

/** The id of the track a talk belongs to, for links from a talk row; undefined without one. */
export function trackIdOf(tracks: readonly TrackSummary[], name: string): string | undefined {
  return name ? tracks.find((t) => t.name === name)?.id : undefined;
}

function roomsByUse(talks: readonly Talk[]): string[] {
  const counts = new Map<string, number>();
  for (const t of talks) counts.set(t.room, (counts.get(t.room) ?? 0) + 1);
  // Stable: rooms with as many talks keep the order they first appear in.
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([room]) => room);
}

function daysOf(talks: readonly Talk[]): TrackDay[] {
  const days = new Map<number, TrackDay>();
  for (const t of talks) {
    const d = days.get(t.day);
    if (!d) days.set(t.day, { day: t.day, talks: [t], start: t.start, end: t.end });
    else {
      d.talks.push(t);
      d.start = Math.min(d.start, t.start);
      d.end = Math.max(d.end, t.end);
    }
  }
  return [...days.values()].sort((a, b) => a.day - b.day);
}
