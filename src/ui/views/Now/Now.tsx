/**
 * Now: what is running and what starts within the hour, grouped by building, each talk with
 * the time it has left or the time until it starts. "Earlier" / "Later" look around the clock;
 * "Jump to now" comes back. Before the conference it says when it starts; after, that it is
 * over. Venue time throughout (the conference's zone), whatever the phone's zone.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Conference, Talk } from '../../../domain/model';
import { MINUTE, venueDate } from '../../../domain/time';
import { UNKNOWN_BUILDING } from '../../../domain/venue';
import { useStore } from '../../../state/context';
import { minutesText, timeOf } from '../../format';
import { buildingName, buildingOfRoom, buildingRank, dayMonth, OTHER_ROOMS } from '../../places';
import { href } from '../../router';
import { NowTalk } from './NowTalk';
import { StayOrGoSlot } from './slots';
import './Now.css';

/** Talks starting within this many minutes count as "next". */
export const NEXT_WINDOW_MINUTES = 60;
/** At most this many "next" talks per room. */
export const NEXT_PER_ROOM = 2;
/** How far one "Earlier" / "Later" step moves. */
const STEP_MINUTES = 30;
/**
 * Rows in the very first paint: a phone screen shows fewer, and the rest (64 rows at FOSDEM 2024
 * on Saturday at 11:00) follows one frame later, so the app opens on talks without waiting for
 * all of them.
 */
const FIRST_PAINT_ROWS = 12;
/** A row's usual height on a phone, for buildings not laid out yet. */
const ROW_ESTIMATE_PX = 122;

interface Group {
  building: string;
  name: string;
  talks: Talk[];
}

function byStartThenRoom(a: Talk, b: Talk): number {
  return a.start - b.start || a.room.localeCompare(b.room) || a.title.localeCompare(b.title);
}

/** The conference's first start and last end (talks are sorted by start, not by end). */
function bounds(conference: Conference): { first: number; last: number } | undefined {
  const talks = conference.talks;
  if (talks.length === 0) return undefined;
  let last = Number.NEGATIVE_INFINITY;
  for (const t of talks) last = Math.max(last, t.end);
  return { first: talks[0]!.start, last };
}

/** The Now view. */
export default function Now() {
  const store = useStore();
  const conference = store.conference.value;
  const venue = store.venue.value;
  const bookmarks = store.bookmarks.value;
  const now = store.clock.now.value;
  const [shift, setShift] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [complete, setComplete] = useState(false);
  useEffect(() => setComplete(true), []); // effects run after the first paint
  const building = useMemo(
    () => (conference ? buildingOfRoom(conference) : () => UNKNOWN_BUILDING),
    [conference],
  );
  if (!conference) return null;

  const zone = conference.timeZone;
  const at = now + shift * MINUTE;
  const span = bounds(conference);
  const horizon = at + NEXT_WINDOW_MINUTES * MINUTE;
  const running = conference.talks.filter((t) => t.start <= at && at < t.end).sort(byStartThenRoom);
  // What starts within the hour, at most NEXT_PER_ROOM per room (FOSDEM's 15-minute lightning
  // talks would otherwise fill the screen); the schedule has the rest.
  const perRoom = new Map<string, number>();
  const upcoming = conference.talks
    .filter((t) => t.start > at && t.start <= horizon)
    .sort(byStartThenRoom)
    .filter((t) => {
      const n = perRoom.get(t.room) ?? 0;
      perRoom.set(t.room, n + 1);
      return n < NEXT_PER_ROOM;
    });
  const mine = [...running, ...upcoming].filter((t) => bookmarks.has(t.key));

  const groups = new Map<string, Group>();
  for (const talk of [...running, ...upcoming]) {
    const id = building(talk.room);
    let group = groups.get(id);
    if (!group) {
      group = { building: id, name: buildingName(venue, id) ?? OTHER_ROOMS, talks: [] };
      groups.set(id, group);
    }
    group.talks.push(talk);
  }
  const ordered = [...groups.values()].sort(
    (a, b) => buildingRank(venue, a.building) - buildingRank(venue, b.building),
  );
  // A conference the venue model does not know: one group, named for what it is.
  if (ordered.length === 1 && ordered[0]!.building === UNKNOWN_BUILDING)
    ordered[0]!.name = 'All rooms';

  const before = span !== undefined && at < span.first;
  const over = span !== undefined && at >= span.last;
  const nextTalk = conference.talks.find((t) => t.start > horizon && !t.cancelled);

  let rowBudget = FIRST_PAINT_ROWS;

  function move(minutes: number) {
    setShift((s) => s + minutes);
  }

  function jumpToNow() {
    setShift(0);
    headingRef.current?.focus();
  }

  return (
    <div class="now-view">
      <header class="now-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {shift === 0 ? 'Now' : `At ${timeOf(at, zone)}`}
        </h1>
        <p class="now-clock" aria-live="polite">
          {dayMonth(at, zone, now)} · {timeOf(at, zone)}
          {shift !== 0 && (
            <span class="now-shift">
              {' '}
              (
              {shift > 0
                ? `in ${minutesText(shift * MINUTE)}`
                : `${minutesText(-shift * MINUTE)} ago`}
              )
            </span>
          )}
        </p>
        <fieldset class="now-controls">
          <legend class="visually-hidden">Look at another time</legend>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => move(-STEP_MINUTES)}
            aria-label={`${STEP_MINUTES} minutes earlier`}
          >
            ‹ Earlier
          </button>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => move(STEP_MINUTES)}
            aria-label={`${STEP_MINUTES} minutes later`}
          >
            Later ›
          </button>
          <button
            type="button"
            class="button"
            onClick={jumpToNow}
            aria-disabled={shift === 0 ? 'true' : undefined}
          >
            Jump to now
          </button>
        </fieldset>
      </header>

      {before && span && (
        <section class="card now-notice" aria-label="Before the conference">
          <p>
            <strong>
              {conference.title} starts {dayMonth(span.first, zone, now)} at{' '}
              {timeOf(span.first, zone)}
            </strong>{' '}
            — <a href={href(['schedule'])}>see the schedule</a> and star the talks you want on My
            day.
          </p>
        </section>
      )}
      {over && (
        <section class="card now-notice" aria-label="After the conference">
          <p>
            <strong>The conference is over.</strong> Export your notes and bookmarks from{' '}
            <a href={href(['settings'])}>Settings</a>, or browse the{' '}
            <a href={href(['schedule'])}>schedule</a> for the recordings.
          </p>
        </section>
      )}

      <StayOrGoSlot at={at} live={shift === 0} running={running} upcoming={upcoming} mine={mine} />

      {ordered.length === 0 && !before && !over && (
        <section class="card now-notice" aria-label="Nothing on">
          <p>
            Nothing is on {shift === 0 ? 'now' : 'then'} or in the next hour.
            {nextTalk && (
              <>
                {' '}
                Next,{' '}
                {venueDate(nextTalk.start, zone) === venueDate(at, zone)
                  ? `at ${timeOf(nextTalk.start, zone)}`
                  : `${dayMonth(nextTalk.start, zone, now)} at ${timeOf(nextTalk.start, zone)}`}
                : <a href={href(['talk', nextTalk.key])}>{nextTalk.title}</a> ({nextTalk.room}).
              </>
            )}
          </p>
        </section>
      )}

      {ordered.map((group) => {
        const shown = complete ? group.talks : group.talks.slice(0, rowBudget);
        rowBudget -= shown.length;
        if (shown.length === 0) return null;
        const id = `now-building-${group.building}`;
        const on = group.talks.filter((t) => t.start <= at && !t.cancelled).length;
        const soon = group.talks.filter((t) => t.start > at && !t.cancelled).length;
        const count = [on ? `${on} on now` : '', soon ? `${soon} next` : ''].filter(Boolean);
        return (
          <section
            key={group.building}
            class="now-building"
            aria-labelledby={id}
            // Its height until laid out (content-visibility: auto): keeps the scrollbar honest.
            style={{ containIntrinsicSize: `auto ${40 + group.talks.length * ROW_ESTIMATE_PX}px` }}
          >
            <div class="section-head now-building-head">
              <h2 id={id}>{group.name}</h2>
              {count.length > 0 && <span class="now-building-count">{count.join(' · ')}</span>}
            </div>
            <ul class="plain-list now-list">
              {shown.map((talk) => (
                <NowTalk
                  key={talk.key}
                  talk={talk}
                  at={at}
                  zone={zone}
                  mine={bookmarks.has(talk.key)}
                  building={building}
                  venue={venue}
                />
              ))}
            </ul>
          </section>
        );
      })}
      {!store.homeScreen.installed.value && (
        <p class="now-home-hint muted">
          <a href={href(['settings'], { section: 'home-screen' })}>
            Add Plan B to your home screen
          </a>
          : it opens in one tap, with no network.
        </p>
      )}
    </div>
  );
}
