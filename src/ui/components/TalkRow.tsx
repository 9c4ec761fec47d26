/**
 * One talk in a list: time, title, speakers, room and building, with its state (running,
 * cancelled, bookmarked). Fixed height so long lists can be windowed.
 */

import type { Conference, Talk } from '../../domain/model';
import { UNKNOWN_BUILDING } from '../../domain/venue/types';
import { minutesText, spanOf, speakersOf } from '../format';
import { href } from '../router';
import { BookmarkButton } from './BookmarkButton';
import { TalkFullness } from './FullnessBadge';

/** Row height in px; VirtualList relies on it. */
export const TALK_ROW_HEIGHT = 94;

/** A talk row linking to the talk's page. */
export function TalkRow({
  talk,
  conference,
  now,
}: {
  talk: Talk;
  conference: Conference;
  now: number;
}) {
  const running = now >= talk.start && now < talk.end;
  const past = now >= talk.end;
  const building = conference.rooms.find((r) => r.name === talk.room)?.building;
  const state = talk.cancelled ? 'cancelled' : running ? 'running' : past ? 'past' : 'upcoming';
  return (
    <div class={`talk-row talk-${state}`} style={{ height: `${TALK_ROW_HEIGHT}px` }}>
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
          {talk.room}
          {building && building !== UNKNOWN_BUILDING ? ` · ${building}` : ''}
          {talk.persons.length > 0 ? ` · ${speakersOf(talk)}` : ''}
        </span>
      </a>
      <BookmarkButton talk={talk} />
    </div>
  );
}
