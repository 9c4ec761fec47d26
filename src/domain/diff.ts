/**
 * What changed between two versions of one conference's schedule, talk by talk, so the app can
 * say "61 talks moved room" after a refresh and "2 of your talks moved" about the user's own.
 * Pure: no DOM, no storage.
 *
 * Rules:
 * - Talks are paired by TalkKey. A talk whose key changed kind between versions (FOSDEM 2024's
 *   preliminary file has no guids, the final one has: `slug:…` became `guid:…`) is paired by
 *   guid, then by slug — by slug only when one side has no guid — and listed in `rekeyed` so
 *   user data can follow it.
 * - moved: the room name differs. retimed: start or end differs.
 * - retitled: the title differs after cancellation markers are stripped (the parser already
 *   strips "CANCELLED …" / "[CANCELED] …" and collapses white space). A title that only gains or
 *   loses such a marker is cancelled / uncancelled, never retitled. Any other difference, even
 *   one space or an "AMENDMENT " prefix, is a retitle: the text the attendee sees changed.
 * - cancelled: not cancelled before, cancelled now; uncancelled: the reverse. A talk that is
 *   cancelled in both versions is neither.
 * - One talk can be in several lists (moved and retimed); `counts.changed` counts it once.
 */

import type { Conference, Talk, TalkKey } from './model';
import { pluralWord } from './text';

/** A talk as the diff names it: enough to list it without the conference at hand. */
export interface TalkRef {
  key: TalkKey;
  /** The key the talk had in the old version, when it differs (see `rekeyed`). */
  previousKey?: TalkKey;
  title: string;
  start: number;
  end: number;
  room: string;
}

/** One field of one talk that changed: its value before and after. */
export interface TalkChange<T> {
  key: TalkKey;
  previousKey?: TalkKey;
  /** The talk's title in the new version. */
  title: string;
  before: T;
  after: T;
}

/** A talk's time span, UTC ms. */
export interface TimeSpan {
  start: number;
  end: number;
}

/** How many talks fall in each list; `changed` counts each changed talk once. */
export interface DiffCounts {
  added: number;
  removed: number;
  moved: number;
  retimed: number;
  retitled: number;
  cancelled: number;
  uncancelled: number;
  changed: number;
  unchanged: number;
}

/** Version A → B of one schedule. Lists are in the new schedule's order (removed: the old's). */
export interface ScheduleDiff {
  added: TalkRef[];
  removed: TalkRef[];
  moved: TalkChange<string>[];
  retimed: TalkChange<TimeSpan>[];
  retitled: TalkChange<string>[];
  cancelled: TalkRef[];
  uncancelled: TalkRef[];
  /** Talks present in both versions under different keys: move user data from → to. */
  rekeyed: { from: TalkKey; to: TalkKey }[];
  counts: DiffCounts;
}

/** Compares two versions of a schedule talk by talk (see the rules at the top of this file). */
export function diffConferences(old: Conference, next: Conference): ScheduleDiff {
  const { pairs, added, removed } = pairTalks(old.talks, next.talks);
  const diff: Omit<ScheduleDiff, 'counts'> = {
    added: added.map((t) => ref(t)),
    removed: removed.map((t) => ref(t)),
    moved: [],
    retimed: [],
    retitled: [],
    cancelled: [],
    uncancelled: [],
    rekeyed: [],
  };
  let changed = 0;
  for (const [before, after] of pairs) {
    const ids =
      after.key === before.key ? { key: after.key } : { key: after.key, previousKey: before.key };
    if (ids.previousKey) diff.rekeyed.push({ from: before.key, to: after.key });
    const n = countLists(diff);
    if (before.room !== after.room)
      diff.moved.push({ ...ids, title: after.title, before: before.room, after: after.room });
    if (before.start !== after.start || before.end !== after.end)
      diff.retimed.push({ ...ids, title: after.title, before: span(before), after: span(after) });
    if (before.title !== after.title)
      diff.retitled.push({ ...ids, title: after.title, before: before.title, after: after.title });
    if (!before.cancelled && after.cancelled) diff.cancelled.push(ref(after, before.key));
    if (before.cancelled && !after.cancelled) diff.uncancelled.push(ref(after, before.key));
    if (countLists(diff) > n) changed++;
  }
  const counts: DiffCounts = {
    added: diff.added.length,
    removed: diff.removed.length,
    moved: diff.moved.length,
    retimed: diff.retimed.length,
    retitled: diff.retitled.length,
    cancelled: diff.cancelled.length,
    uncancelled: diff.uncancelled.length,
    changed,
    unchanged: pairs.length - changed,
  };
  return { ...diff, counts };
}

/** What a diff did to a set of talks (the user's bookmarks), with a sentence to show them. */
export interface AffectedSummary {
  moved: number;
  retimed: number;
  retitled: number;
  cancelled: number;
  uncancelled: number;
  removed: number;
  /** Distinct talks of the set touched by any change. */
  talks: number;
  /** "2 of your talks moved and 1 was cancelled." or "None of your talks changed." */
  sentence: string;
}

/**
 * Summarizes a diff for the user's own talks. Keys may be old (bookmarks saved before the import)
 * or new: both match.
 */
export function affecting(diff: ScheduleDiff, keys: ReadonlySet<TalkKey>): AffectedSummary {
  const touched = new Set<TalkKey>();
  const count = (list: { key: TalkKey; previousKey?: TalkKey }[]): number => {
    let n = 0;
    for (const item of list) {
      const hit = keys.has(item.key) ? item.key : (item.previousKey ?? '');
      if (!keys.has(hit)) continue;
      n++;
      touched.add(hit);
    }
    return n;
  };
  const summary = {
    moved: count(diff.moved),
    retimed: count(diff.retimed),
    cancelled: count(diff.cancelled),
    removed: count(diff.removed),
    retitled: count(diff.retitled),
    uncancelled: count(diff.uncancelled),
  };
  return { ...summary, talks: touched.size, sentence: affectedSentence(summary) };
}

/** True when a diff changed any talk (added, removed, moved, retimed, retitled, (un)cancelled). */
export function hasChanges(counts: DiffCounts): boolean {
  const { added, removed, moved, retimed, retitled, cancelled, uncancelled } = counts;
  return added + removed + moved + retimed + retitled + cancelled + uncancelled > 0;
}

/** One line for the whole import: "259 new talks, 59 removed, 61 moved room, 90 new times." */
export function describeDiff(counts: DiffCounts): string {
  const parts = [
    counts.added && `${counts.added} new ${pluralWord(counts.added, 'talk', 'talks')}`,
    counts.removed && `${counts.removed} removed`,
    counts.moved && `${counts.moved} moved room`,
    counts.retimed && `${counts.retimed} new ${pluralWord(counts.retimed, 'time', 'times')}`,
    counts.retitled && `${counts.retitled} renamed`,
    counts.cancelled && `${counts.cancelled} cancelled`,
    counts.uncancelled && `${counts.uncancelled} back on`,
  ].filter((p): p is string => Boolean(p));
  return hasChanges(counts) ? `${parts.join(', ')}.` : 'No changes.';
}

function affectedSentence(s: Omit<AffectedSummary, 'talks' | 'sentence'>): string {
  const parts: [number, string, string][] = [
    [s.moved, 'moved', 'moved'],
    [s.retimed, 'changed time', 'changed time'],
    [s.cancelled, 'was cancelled', 'were cancelled'],
    [s.removed, 'was removed from the schedule', 'were removed from the schedule'],
    [s.retitled, 'was renamed', 'were renamed'],
    [s.uncancelled, 'is back on', 'are back on'],
  ];
  const phrases = parts
    .filter(([n]) => n > 0)
    .map(
      ([n, one, many], i) => `${n}${i === 0 ? ' of your talks' : ''} ${pluralWord(n, one, many)}`,
    );
  if (phrases.length === 0) return 'None of your talks changed.';
  const last = phrases.pop();
  return `${phrases.length ? `${phrases.join(', ')} and ${last}` : last}.`;
}

/** Pairs old and new talks by key, then by guid, then by slug (see the rules above). */
function pairTalks(
  old: Talk[],
  next: Talk[],
): { pairs: [Talk, Talk][]; added: Talk[]; removed: Talk[] } {
  const oldByKey = new Map(old.map((t) => [t.key, t]));
  const taken = new Set<Talk>();
  const matched = new Map<Talk, Talk>();
  for (const t of next) {
    const o = oldByKey.get(t.key);
    if (o) {
      matched.set(t, o);
      taken.add(o);
    }
  }
  const byGuid = groupBy(old, taken, (t) => t.guid);
  const bySlug = groupBy(old, taken, (t) => t.slug);
  for (const t of next) {
    if (matched.has(t)) continue;
    const candidates = [
      ...(t.guid ? (byGuid.get(t.guid) ?? []) : []),
      ...(t.slug ? (bySlug.get(t.slug) ?? []).filter((o) => !o.guid || !t.guid) : []),
    ];
    const o = candidates.find((c) => !taken.has(c));
    if (o) {
      matched.set(t, o);
      taken.add(o);
    }
  }
  return {
    pairs: next.flatMap((t) => {
      const o = matched.get(t);
      return o ? [[o, t] as [Talk, Talk]] : [];
    }),
    added: next.filter((t) => !matched.has(t)),
    removed: old.filter((t) => !taken.has(t)),
  };
}

function groupBy(talks: Talk[], skip: Set<Talk>, by: (t: Talk) => string | undefined) {
  const map = new Map<string, Talk[]>();
  for (const t of talks) {
    const k = by(t);
    if (!k || skip.has(t)) continue;
    map.set(k, [...(map.get(k) ?? []), t]);
  }
  return map;
}

function ref(t: Talk, previousKey?: TalkKey): TalkRef {
  return {
    key: t.key,
    ...(previousKey && previousKey !== t.key ? { previousKey } : {}),
    title: t.title,
    start: t.start,
    end: t.end,
    room: t.room,
  };
}

function span(t: Talk): TimeSpan {
  return { start: t.start, end: t.end };
}

function countLists(d: Omit<ScheduleDiff, 'counts'>): number {
  return (
    d.moved.length +
    d.retimed.length +
    d.retitled.length +
    d.cancelled.length +
    d.uncancelled.length
  );
}
