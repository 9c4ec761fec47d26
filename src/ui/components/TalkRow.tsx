/**
 * One talk in a list: time, title, then track, room, building and speakers, with its state
 * (running, cancelled, bookmarked). Titles wrap, so rows differ in height: windowed lists
 * measure them (VirtualList) and start from talkRowEstimate.
 */

import type { Conference, Talk } from '../../domain/model';
import { UNKNOWN_BUILDING } from '../../domain/venue/types';
import { minutesText, spanOf, speakersOf } from '../format';
import { href } from '../router';
import { BookmarkButton } from './BookmarkButton';
import { TalkFullness } from './FullnessBadge';

// At 390 px a row's text column is ~300 px: about 34 title characters a line (600 weight, 16 px)
// and 46 of the 0.8 rem meta line; a line is 20 px (title) or 17 px (meta), plus the time line
// and padding. Only a first guess: rows are measured once drawn.
const TITLE_CHARS = 34;
const META_CHARS = 46;

/** The height a talk row will likely have at phone width, in px, before it is measured. */
export function talkRowEstimate(talk: Talk, showTrack = true): number {
  const meta =
    talk.room.length + (showTrack ? talk.track.length + 3 : 0) + speakersOf(talk).length + 6;
  return (
    30 +
    20 * Math.max(1, Math.ceil(talk.title.length / TITLE_CHARS)) +
    17 * Math.max(1, Math.ceil(meta / META_CHARS))
  );
}

/** A talk row linking to the talk's page; `showTrack` off where the list is one track's. */
export function TalkRow({
  talk,
  conference,
  now,
  showTrack = true,
}: {
  talk: Talk;
  conference: Conference;
  now: number;
  showTrack?: boolean;
}) {
  const running = now >= talk.start && now < talk.end;
  const past = now >= talk.end;
  const building = conference.rooms.find((r) => r.name === talk.room)?.building;
  const state = talk.cancelled ? 'cancelled' : running ? 'running' : past ? 'past' : 'upcoming';
  return (
    <div class={`talk-row talk-${state}`}>
      <a class="talk-row-link" href={href(['talk', talk.key])}>
        <span class="talk-time">
          {spanOf(talk, conference.timeZone)}
          {running && !talk.cancelled && (
            <span class="talk-left"> · {minutesText(talk.end - now)} left</span>
          )}{' '}
          <TalkFullness talk={talk} conference={conference} />
        </span>
        <span class="talk-title">
          {talk.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
          {talk.title}
        </span>
        <span class="talk-meta">
          {showTrack && talk.track && (
            <>
              <span class="talk-row-track">
                <span class="visually-hidden">Track: </span>
                {talk.track}
              </span>
              {' · '}
            </>
          )}
          {talk.room}
          {building && building !== UNKNOWN_BUILDING ? ` · ${building}` : ''}
          {talk.persons.length > 0 ? ` · ${speakersOf(talk)}` : ''}
        </span>
      </a>
      <BookmarkButton talk={talk} />
    </div>
  );
}
