/**
 * The timetable's geometry for one day: a column per room that holds talks that day, grouped by
 * building in the venue's order, and each talk placed by its time (minutes → pixels). Also what
 * is inside a window of the grid, so only the visible blocks are drawn. Pure: no DOM, no store.
 */

import type { Conference, Day, Room, Talk } from '../../../domain/model';
import { MINUTE, zonedParts } from '../../../domain/time';
import { UNKNOWN_BUILDING, type Venue } from '../../../domain/venue';
import { buildingName, buildingRank, OTHER_ROOMS } from '../../places';

/** 3 px a minute: a 20-minute talk is 60 px tall, its time and two lines of title. */
export const PX_PER_MINUTE = 3;
/** A room's column: about 2.5 rooms side by side on a 390 px phone beside the time axis. */
export const COLUMN_WIDTH = 136;
/** The sticky time axis on the left. */
export const AXIS_WIDTH = 48;
/** The axis is labelled every half hour. */
export const AXIS_STEP_MINUTES = 30;

/** A talk as the grid draws it, in body coordinates (y from the day's first axis mark). */
export interface GridTalk {
  talk: Talk;
  /** Column index. */
  column: number;
  /** Position in its room's talks that day (for "3 of 12"). */
  index: number;
  top: number;
  height: number;
  /** Talks overlapping in one room share its width: lane `lane` of `lanes`. */
  lane: number;
  lanes: number;
}

/** One room's column. */
export interface GridColumn {
  room: Room;
  /** "Building K", "Janson"; undefined for rooms the venue cannot place. */
  buildingName: string | undefined;
  /** Left edge in body coordinates (the axis excluded). */
  x: number;
  /** In start order. */
  talks: GridTalk[];
  /** reach[i]: the lowest bottom among talks 0..i, so a window finds long talks above it. */
  reach: Float64Array;
}

/** A run of adjacent columns in one building, for the header above the room names. */
export interface GridBuilding {
  id: string;
  label: string;
  /** First column index and how many columns. */
  first: number;
  count: number;
}

/** One day's timetable. */
export interface Timetable {
  day: Day;
  /** UTC ms of the top of the grid: the venue's whole hour at or before the first talk. */
  origin: number;
  /** UTC ms of the bottom: the whole hour at or after the last talk's end. */
  end: number;
  width: number;
  height: number;
  columns: GridColumn[];
  buildings: GridBuilding[];
  talkCount: number;
}

/** Venue-time whole hour at or before `ms` (zones move by whole quarter hours at most). */
function hourFloor(ms: number, zone: string): number {
  const p = zonedParts(ms, zone);
  return ms - p.minute * MINUTE - p.second * 1000 - (ms % 1000);
}

/** Lays out one day of the conference as rooms × time. */
export function buildTimetable(
  conference: Conference,
  dayIndex: number,
  venue: Venue | undefined,
): Timetable | undefined {
  const day = conference.days[dayIndex];
  if (!day) return undefined;
  const byRoom = new Map<string, Talk[]>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const talk of conference.talks) {
    if (talk.day !== dayIndex) continue;
    const list = byRoom.get(talk.room);
    if (list) list.push(talk);
    else byRoom.set(talk.room, [talk]);
    first = Math.min(first, talk.start);
    last = Math.max(last, talk.end);
  }
  if (byRoom.size === 0) {
    first = day.start;
    last = day.end;
  }
  const origin = hourFloor(first, conference.timeZone);
  const lastHour = hourFloor(last, conference.timeZone);
  const end = lastHour === last ? last : lastHour + 60 * MINUTE;
  const yOf = (ms: number) => ((ms - origin) / MINUTE) * PX_PER_MINUTE;

  // Rooms the file lists but that are not in conference.rooms still get a column.
  const known = new Set(conference.rooms.map((r) => r.name));
  const rooms = [
    ...conference.rooms.filter((r) => byRoom.has(r.name)),
    ...[...byRoom.keys()]
      .filter((name) => !known.has(name))
      .map((name) => ({ name, slug: '', building: UNKNOWN_BUILDING })),
  ];
  // Buildings in the venue's order; within one, the rooms in the file's order (the organizers').
  const order = rooms.map((room, i) => ({ room, i, rank: buildingRank(venue, room.building) }));
  order.sort((a, b) => a.rank - b.rank || a.i - b.i);
  const anyPlaced = rooms.some((r) => r.building !== UNKNOWN_BUILDING);

  const columns: GridColumn[] = [];
  const buildings: GridBuilding[] = [];
  let talkCount = 0;
  for (const { room } of order) {
    const column = columns.length;
    const talks = placeTalks(byRoom.get(room.name)!, column, yOf);
    talkCount += talks.length;
    const reach = new Float64Array(talks.length);
    let lowest = Number.NEGATIVE_INFINITY;
    for (const [i, t] of talks.entries()) {
      lowest = Math.max(lowest, t.top + t.height);
      reach[i] = lowest;
    }
    const name = buildingName(venue, room.building);
    columns.push({ room, buildingName: name, x: column * COLUMN_WIDTH, talks, reach });
    const group = buildings[buildings.length - 1];
    if (group && group.id === room.building) group.count += 1;
    else
      buildings.push({
        id: room.building,
        label: name ?? (anyPlaced ? OTHER_ROOMS : 'Rooms'),
        first: column,
        count: 1,
      });
  }
  return {
    day,
    origin,
    end,
    width: columns.length * COLUMN_WIDTH,
    height: yOf(end),
    columns,
    buildings,
    talkCount,
  };
}

/** Places a room's talks (start order); overlapping talks split the column into lanes. */
function placeTalks(talks: Talk[], column: number, yOf: (ms: number) => number): GridTalk[] {
  const sorted = [...talks].sort((a, b) => a.start - b.start || a.end - b.end);
  const placed: GridTalk[] = [];
  // A cluster is a run of talks that overlap one another in a chain; its lanes are shared.
  let cluster: GridTalk[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = () => {
    for (const t of cluster) t.lanes = laneEnds.length;
    cluster = [];
    laneEnds = [];
  };
  for (const [index, talk] of sorted.entries()) {
    if (talk.start >= clusterEnd) {
      close();
      clusterEnd = talk.end;
    } else clusterEnd = Math.max(clusterEnd, talk.end);
    let lane = laneEnds.findIndex((end) => end <= talk.start);
    if (lane < 0) lane = laneEnds.push(talk.end) - 1;
    else laneEnds[lane] = talk.end;
    const top = yOf(talk.start);
    const g: GridTalk = {
      talk,
      column,
      index,
      top,
      height: Math.max(yOf(talk.end) - top, 0),
      lane,
      lanes: 1,
    };
    cluster.push(g);
    placed.push(g);
  }
  close();
  return placed;
}

/** A rectangle of the grid's body (axis and header excluded), in px. */
export interface GridWindow {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Columns whose span meets [left, right): [first, end). */
export function columnsIn(t: Timetable, left: number, right: number): [number, number] {
  const first = Math.max(0, Math.floor(left / COLUMN_WIDTH));
  const end = Math.min(t.columns.length, Math.ceil(right / COLUMN_WIDTH));
  return [first, Math.max(first, end)];
}

/** A column's talks that meet [top, bottom), found by binary search. */
export function talksIn(column: GridColumn, top: number, bottom: number): GridTalk[] {
  const { talks, reach } = column;
  let lo = 0;
  let hi = talks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (reach[mid]! <= top) lo = mid + 1;
    else hi = mid;
  }
  const out: GridTalk[] = [];
  for (let i = lo; i < talks.length && talks[i]!.top < bottom; i++) {
    const t = talks[i]!;
    if (t.top + t.height > top) out.push(t);
  }
  return out;
}

/** Every talk meeting the window, column by column (the order screen readers and Tab follow). */
export function talksInWindow(t: Timetable, w: GridWindow): GridTalk[] {
  const [first, end] = columnsIn(t, w.left, w.right);
  const out: GridTalk[] = [];
  for (let c = first; c < end; c++) out.push(...talksIn(t.columns[c]!, w.top, w.bottom));
  return out;
}

/** The y of an instant on the grid (may be outside 0..height). */
export function yOfInstant(t: Timetable, ms: number): number {
  return ((ms - t.origin) / MINUTE) * PX_PER_MINUTE;
}

/** The axis marks: every half hour from the origin to the end, with their y. */
export function axisMarks(t: Timetable): { at: number; y: number }[] {
  const marks: { at: number; y: number }[] = [];
  for (let at = t.origin; at <= t.end; at += AXIS_STEP_MINUTES * MINUTE)
    marks.push({ at, y: yOfInstant(t, at) });
  return marks;
}

/**
 * The talk the arrow keys lead to from `from`: up and down in the same room, left and right to
 * the neighbouring room's talk at the time `at` (default: `from`'s start; the view keeps the
 * time a walk across the rooms started from, so it does not drift earlier): the one running
 * then, else the first after it, else the last.
 */
export function neighbour(
  t: Timetable,
  from: GridTalk,
  key: 'up' | 'down' | 'left' | 'right',
  at: number = from.talk.start,
): GridTalk | undefined {
  const column = t.columns[from.column]!;
  if (key === 'up') return column.talks[from.index - 1];
  if (key === 'down') return column.talks[from.index + 1];
  const next = t.columns[from.column + (key === 'left' ? -1 : 1)];
  if (!next || next.talks.length === 0) return undefined;
  const start = at;
  return (
    next.talks.find((g) => g.talk.end > start && g.talk.start <= start) ??
    next.talks.find((g) => g.talk.start >= start) ??
    next.talks[next.talks.length - 1]
  );
}
