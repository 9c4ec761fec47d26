/**
 * How full a room is, in words that carry their own evidence: "full · 3 reports · 4 min ago",
 * "official: full", "last known: full · 12 min ago" (never shown as live when the relay no
 * longer confirms it), or for an upcoming talk "likely full, arrive early" with its reason.
 * Colour only repeats what the words say. Ages are real time, whatever the pretend clock says.
 */

import { FULLNESS_LABELS } from '../../domain/fullness';
import type { Conference, Talk } from '../../domain/model';
import { type FullnessGuess, likelyFull } from '../../domain/planb';
import { MINUTE } from '../../domain/time';
import { useStore } from '../../state/context';
import type { ShownFullness } from '../../state/crowd';
import type { AppStore } from '../../state/store';
import { minutesText } from '../format';
import './crowd.css';

/** "just now", "4 min ago", "1 h 5 min ago". */
export function agoText(ms: number): string {
  if (ms < MINUTE) return 'just now';
  return `${minutesText(ms)} ago`;
}

/** "3 reports", "your report", "3 reports incl. yours". */
function reportsText(f: ShownFullness): string {
  if (f.mine) return f.reports <= 1 ? 'your report' : `${f.reports} reports incl. yours`;
  return f.reports === 1 ? '1 report' : `${f.reports} reports`;
}

/** The level in words, official or crowd, with "unconfirmed" for a lone report of full. */
function levelText(f: ShownFullness): string {
  if (f.source === 'official') {
    if (f.official === 'emergency') return 'official: full, emergency';
    if (f.official === 'full') return 'official: full';
    return f.level === 'standing' ? 'official: open · standing room only' : 'official: open';
  }
  if (f.lastOfficial) return `official: ${f.lastOfficial === 'open' ? 'open' : 'full'}`;
  const words = FULLNESS_LABELS[f.level];
  // A lone phone cannot make a room "full" for everyone (crowd.ts): say so. Several reports
  // that have aged below the bar say their age instead.
  const unsure =
    !f.mine && f.reports <= 1 && (f.level === 'full' || f.level === 'queue') && f.confidence < 0.5;
  return unsure ? `${words} (unconfirmed)` : words;
}

/**
 * The badge's words: `compact` drops the report count (talk rows). Undefined when there is
 * nothing to say (no reports).
 */
export function fullnessText(
  f: ShownFullness | undefined,
  realNow: number,
  compact = false,
): string | undefined {
  if (!f || f.level === 'unknown' || f.source === 'none') return undefined;
  const parts = [levelText(f)];
  if (!compact && f.source === 'crowd' && !f.lastOfficial && f.reports > 0)
    parts.push(reportsText(f));
  if (f.updatedAt !== undefined) parts.push(agoText(Math.max(0, realNow - f.updatedAt)));
  const text = parts.join(' · ');
  return f.lastKnown ? `last known: ${text}` : text;
}

/** The colour family of a level (the words carry the meaning). */
function tone(f: ShownFullness): string {
  const full =
    f.source === 'official' ? f.official !== 'open' : f.level === 'full' || f.level === 'queue';
  if (full || (f.lastOfficial && f.lastOfficial !== 'open')) return 'fullness-full';
  return f.level === 'standing' ? 'fullness-standing' : 'fullness-seats';
}

/** A talk's "likely full, arrive early" guess at the app's clock, when any report exists. */
export function likelyGuess(
  store: AppStore,
  talk: Talk,
  conference: Conference,
): FullnessGuess | undefined {
  const fullness = store.crowd.forEngine.value;
  if (fullness.size === 0 || talk.cancelled) return undefined;
  const guess = likelyFull(talk, { now: store.clock.now.value, conference, fullness });
  return guess?.kind === 'likely' ? guess : undefined;
}

/** The fullness badge of a room (by slug); nothing when no one reported it, unless showUnknown. */
export function FullnessBadge({
  room,
  compact = false,
  showUnknown = false,
}: {
  room: string;
  compact?: boolean;
  showUnknown?: boolean;
}) {
  const store = useStore();
  const f = store.crowd.fullness.value.get(room);
  const realNow = store.crowd.realNow.value;
  const text = fullnessText(f, realNow, compact);
  if (!text || !f) {
    if (!showUnknown) return null;
    const live = store.crowd.live.value;
    return (
      <span class="badge fullness fullness-unknown">
        {live || !store.crowd.hasRelay ? 'no reports' : 'no reports known'}
      </span>
    );
  }
  const classes = ['badge', 'fullness', tone(f)];
  if (f.lastKnown) classes.push('fullness-last-known');
  const confidence = `${Math.round(f.confidence * 100)}% confidence`;
  return (
    <span class={classes.join(' ')} title={f.source === 'official' ? 'Venue status' : confidence}>
      <span class="visually-hidden">Room: </span>
      {text}
    </span>
  );
}

/** A room's fullness is shown on talks on now or starting within this many minutes. */
export const RELEVANT_MINUTES = 60;

/**
 * For a talk that is on now or soon: its room's badge, else the "likely full" guess (rows show
 * it short; the talk page says what it rests on).
 */
export function TalkFullness({
  talk,
  conference,
  compact = true,
}: {
  talk: Talk;
  conference: Conference;
  compact?: boolean;
}) {
  const store = useStore();
  const slug = conference.rooms.find((r) => r.name === talk.room)?.slug;
  const now = store.clock.now.value;
  // The room's state now says something only about a talk that is on or starts within the hour.
  const relevant = talk.end > now && talk.start - now <= RELEVANT_MINUTES * MINUTE;
  if (!slug || talk.cancelled || !relevant) return null;
  const f = store.crowd.fullness.value.get(slug);
  if (fullnessText(f, store.crowd.realNow.value, compact))
    return <FullnessBadge room={slug} compact={compact} />;
  const guess = likelyGuess(store, talk, conference);
  if (!guess) return null;
  return (
    <span class="badge fullness fullness-likely" title={guess.because}>
      likely full, arrive early
      {compact ? (
        <span class="visually-hidden">: {guess.because}</span>
      ) : (
        <span class="fullness-because">: {guess.because}</span>
      )}
    </span>
  );
}

/** How fresh the fullness behind the sheet is: live, last known N min ago, or local only. */
export function FreshnessNote() {
  const crowd = useStore().crowd;
  let text: string;
  if (!crowd.hasRelay && crowd.fetchedAt.value === undefined)
    text = 'No relay: only your own reports count here.';
  else if (crowd.live.value) text = 'Room fullness is live.';
  else {
    const at = crowd.fetchedAt.value;
    text =
      at === undefined
        ? 'Offline: no room fullness known yet, so this rests on the schedule alone.'
        : `Offline: room fullness as last known ${agoText(Math.max(0, crowd.realNow.value - at))}.`;
  }
  return <p class="planb-freshness muted">{text}</p>;
}
