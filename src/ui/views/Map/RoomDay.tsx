/**
 * A room's page (#/map/room/<slug>): where it is, how long the walk is from each building, the
 * conference's livestream and indoor-navigation links (FOSDEM only), and all its talks of a day
 * with day tabs.
 */
import type { Conference, Day, Room, Talk } from '../../../domain/model';
import { todayIndex } from '../../../domain/today';
import { type Building, roomLinks, type Venue } from '../../../domain/venue';
import { RoomCrowd } from '../../components/ReportRoom';
import { TalkRow } from '../../components/TalkRow';
import { dayLabel, longDay } from '../../format';
import { href, navigate } from '../../router';
import {
  buildingFullName,
  buildingLabel,
  buildingsInUse,
  placeText,
  walksToRoom,
} from './map-model';

/** The room's day; `dayParam` is the ?day= index from the URL, if any. */
export function RoomDay({
  room,
  conference,
  venue,
  now,
  dayParam,
}: {
  room: Room;
  conference: Conference;
  venue: Venue | undefined;
  now: number;
  dayParam: string | null;
}) {
  const zone = conference.timeZone;
  const talks = conference.talks.filter((t) => t.room === room.name);
  const requested = dayParam === null ? Number.NaN : Number(dayParam);
  const dayIndex = conference.days.some((d) => d.index === requested)
    ? requested
    : todayIndex(conference, now);
  const day = conference.days.find((d) => d.index === dayIndex);
  const ofDay = talks.filter((t) => t.day === dayIndex);
  const building = venue?.buildings.find((b) => b.id === room.building);
  const place = [building ? buildingFullName(building) : '', placeText(venue, room.name)]
    .filter(Boolean)
    .join(' · ');
  const links = roomLinks(conference, room);
  const walks = venue && building ? walksToRoom(venue, room.name, buildingsInUse(conference)) : [];
  const back = href(['map'], { building: building?.id });

  return (
    <article class="room-day">
      <p class="room-back">
        <a href={back}>
          <span aria-hidden="true">‹</span>
          {building ? `Map · ${buildingFullName(building)}` : 'All rooms'}
        </a>
      </p>
      <h1>{room.name}</h1>
      <p class="room-place">{place || 'No building known for this room'}</p>
      <RoomCrowd room={room} />
      {(links.livestream || links.navigation) && (
        <ul class="plain-list room-links">
          {links.navigation && (
            <li>
              <a class="button button-quiet" href={links.navigation} target="_blank" rel="noopener">
                Indoor navigation <span aria-hidden="true">↗</span>
              </a>
            </li>
          )}
          {links.livestream && (
            <li>
              <a class="button button-quiet" href={links.livestream} target="_blank" rel="noopener">
                Livestream <span aria-hidden="true">↗</span>
              </a>
            </li>
          )}
        </ul>
      )}
      {walks.length > 0 && (
        <section class="room-walks" aria-labelledby="room-walks-title">
          <h2 id="room-walks-title">Walking here</h2>
          <ul class="plain-list room-walk-list">
            {walks.map((w) => (
              <li key={w.building.id}>
                <strong>{w.minutes} min</strong> from <WalkFromName building={w.building} />
              </li>
            ))}
          </ul>
          <p class="room-walk-note">
            From each building's entrance, stairs included; add time when the corridors are full.
          </p>
        </section>
      )}
      <DayTabs conference={conference} room={room} talks={talks} selected={dayIndex} />
      <section aria-labelledby="room-day-title">
        <h2 id="room-day-title" class="visually-hidden">
          {day ? `Talks on ${longDay(day.start, zone)}` : 'Talks'}
        </h2>
        {ofDay.length === 0 ? (
          <p class="empty">
            No talks in this room {day ? `on ${longDay(day.start, zone)}` : 'on this day'}.
          </p>
        ) : (
          <ol class="plain-list room-talks">
            {ofDay.map((talk) => (
              <li key={talk.key}>
                <TalkRow talk={talk} conference={conference} now={now} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

function DayTabs({
  conference,
  room,
  talks,
  selected,
}: {
  conference: Conference;
  room: Room;
  talks: Talk[];
  selected: number;
}) {
  if (conference.days.length < 2) return null;
  const count = (day: Day) => talks.filter((t) => t.day === day.index).length;
  return (
    <nav class="tabs room-day-tabs" aria-label="Days">
      {conference.days.map((day) => {
        const to = href(['map', 'room', room.slug], { day: day.index });
        const n = count(day);
        return (
          <a
            key={day.index}
            href={to}
            aria-current={day.index === selected ? 'page' : undefined}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              navigate(to, { replace: true });
            }}
          >
            {dayLabel(day, conference.timeZone)}{' '}
            <span class="room-day-count">
              {n}
              <span class="visually-hidden"> {n === 1 ? 'talk' : 'talks'}</span>
            </span>
          </a>
        );
      })}
    </nav>
  );
}

/** "Janson", or "F" (read as "building F") for a building named after its letter. */
function WalkFromName({ building }: { building: Building }) {
  if (buildingLabel(building) !== building.id) return <>{building.name}</>;
  return (
    <>
      <span class="visually-hidden">building </span>
      {building.id}
    </>
  );
}
