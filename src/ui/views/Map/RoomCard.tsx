/**
 * One room in the Map's lists: its name (a link to the room's day), where it is in its building,
 * and what is on in it now and next. Used under a tapped building and in the plain room list.
 */
import type { Conference, Talk } from '../../../domain/model';
import { FullnessBadge } from '../../components/FullnessBadge';
import { minutesText, shortDay, spanOf, timeOf } from '../../format';
import { href } from '../../router';
import type { RoomNowNext } from './map-model';

/** A room with its talks now and next. */
export function RoomCard({
  item,
  conference,
  now,
  place,
}: {
  item: RoomNowNext;
  conference: Conference;
  now: number;
  /** "Wing UB · floor 2", or "" when unknown. */
  place: string;
}) {
  const { room } = item;
  const zone = conference.timeZone;
  const busy = item.now.length > 0;
  return (
    <li class={`map-room${busy ? ' map-room-busy' : ''}`}>
      <div class="map-room-head">
        <a class="map-room-name" href={href(['map', 'room', room.slug])}>
          <span>{room.name}</span>
          <span class="visually-hidden">: the room's day</span>
          <span class="map-chevron" aria-hidden="true">
            ›
          </span>
        </a>
        {place && <span class="map-room-place">{place}</span>}
        <FullnessBadge room={room.slug} />
      </div>
      {busy ? (
        item.now.map((talk) => (
          <TalkLine
            key={talk.key}
            talk={talk}
            when="Now"
            detail={`${spanOf(talk, zone)} · ${minutesText(talk.end - now)} left`}
          />
        ))
      ) : (
        <p class="map-talk map-talk-none">
          <span class="map-when">Now</span> nothing on
        </p>
      )}
      {item.next ? (
        <TalkLine talk={item.next} when="Next" detail={startText(item.next, now, zone)} />
      ) : (
        <p class="map-talk map-talk-none">
          <span class="map-when">Next</span> no more talks
        </p>
      )}
    </li>
  );
}

function TalkLine({ talk, when, detail }: { talk: Talk; when: string; detail: string }) {
  return (
    <p class="map-talk">
      <span class="map-when">{when}</span> <span class="map-time">{detail}</span>{' '}
      <a href={href(['talk', talk.key])}>{talk.title}</a>
    </p>
  );
}

/** "11:30", or "Sun 7 Feb 10:00" when the talk is on another day than `now`. */
function startText(talk: Talk, now: number, zone: string): string {
  const time = timeOf(talk.start, zone);
  const sameDay = shortDay(talk.start, zone) === shortDay(now, zone);
  return sameDay ? time : `${shortDay(talk.start, zone)} ${time}`;
}
