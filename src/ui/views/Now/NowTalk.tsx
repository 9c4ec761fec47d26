/** One talk in Now: how long it still runs (or when it starts), title, room, and its marks. */

import type { Talk } from '../../../domain/model';
import { MINUTE } from '../../../domain/time';
import type { Venue } from '../../../domain/venue';
import { BookmarkButton } from '../../components/BookmarkButton';
import { minutesText, spanOf, speakersOf } from '../../format';
import { roomAndBuilding } from '../../places';
import { href } from '../../router';
import { RoomFullnessSlot } from './slots';

/** Minutes rounded up: "12 min left" until the last minute is over. */
function wholeMinutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE)) * MINUTE;
}

/** A row of the Now view. */
export function NowTalk({
  talk,
  at,
  zone,
  mine,
  building,
  venue,
}: {
  talk: Talk;
  at: number;
  zone: string;
  mine: boolean;
  building: (room: string) => string;
  venue: Venue | undefined;
}) {
  const running = talk.start <= at && at < talk.end;
  const classes = ['now-talk', running ? 'now-running' : 'now-upcoming'];
  if (talk.cancelled) classes.push('now-cancelled');
  if (mine) classes.push('now-mine');
  // A cancelled talk has no "time left": its row says Cancelled and keeps the planned time.
  let when: string | undefined;
  if (talk.cancelled) when = undefined;
  else if (running) when = `${minutesText(wholeMinutes(talk.end - at))} left`;
  else when = `starts in ${minutesText(wholeMinutes(talk.start - at))}`;
  const speakers = speakersOf(talk);
  return (
    <li class={classes.join(' ')}>
      <div class="now-talk-body">
        <p class="now-talk-when">
          {when && <span class="now-talk-status">{when} · </span>}
          <span class="now-talk-span">{spanOf(talk, zone)}</span>
        </p>
        <a class="now-talk-title" href={href(['talk', talk.key])}>
          {talk.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
          <span class="now-talk-title-text">{talk.title}</span>
        </a>
        <p class="now-talk-meta">
          {roomAndBuilding(talk, building, venue)}
          {speakers ? ` · ${speakers}` : ''}
        </p>
        {/* Hidden by CSS while empty; the lead's fullness badge joins the "On My day" mark. */}
        <div class="now-talk-marks">
          {mine && <span class="badge now-badge-mine">★ On My day</span>}
          <RoomFullnessSlot talk={talk} room={talk.room} building={building(talk.room)} at={at} />
        </div>
      </div>
      <BookmarkButton talk={talk} />
    </li>
  );
}
