/**
 * One track's page (#/track/<id>): where it is (its room(s), each a link to the room's page,
 * with how full it is and the conference's livestream of it, FOSDEM only), when (days and time
 * span), and its talks by day, each with its bookmark star.
 */
import type { Conference } from '../../../domain/model';
import { plural } from '../../../domain/text';
import { findTrack, type TrackSummary, tracksOf } from '../../../domain/tracks';
import { roomLinks, type Venue } from '../../../domain/venue';
import { useStore } from '../../../state/context';
import { FullnessBadge } from '../../components/FullnessBadge';
import { TalkRow } from '../../components/TalkRow';
import { dayLabel, longDay, spanOf } from '../../format';
import { buildingName } from '../../places';
import { href } from '../../router';
import './Tracks.css';

/** The track page for the id in the address. */
export default function TrackPage({ trackId }: { trackId: string }) {
  const store = useStore();
  const conference = store.conference.value!;
  const now = store.clock.now.value;
  const track = findTrack(tracksOf(conference), trackId);
  if (!track) {
    return (
      <section class="empty-state">
        <h1>Track not found</h1>
        <p>This schedule has no track “{trackId}”. It may have been renamed in an update.</p>
        <p>
          <a href={href(['tracks'])}>All tracks</a>
        </p>
      </section>
    );
  }
  const zone = conference.timeZone;
  const firstDay = track.days[0]?.day;
  return (
    <article class="track" aria-labelledby="track-title">
      <p class="track-back">
        <a href={href(['tracks'])}>
          <span aria-hidden="true">‹</span> All tracks
        </a>
      </p>
      <h1 id="track-title">{track.name}</h1>
      <p class="track-facts">
        {plural(track.talkCount, 'talk')}
        {track.cancelledCount > 0 ? ` (${track.cancelledCount} cancelled)` : ''} ·{' '}
        {track.days
          .map((d) => {
            const day = conference.days[d.day];
            return `${day ? `${dayLabel(day, zone)} ` : ''}${spanOf(d, zone)}`;
          })
          .join(', ')}
      </p>
      <TrackRooms track={track} conference={conference} venue={store.venue.value} />
      <p>
        <a href={href(['schedule'], { track: track.name, day: firstDay })}>
          In the schedule, with the other filters <span aria-hidden="true">›</span>
        </a>
      </p>
      {track.days.map((d) => {
        const day = conference.days[d.day];
        const title = day ? longDay(day.start, zone) : `Day ${d.day + 1}`;
        return (
          <section key={d.day} aria-labelledby={`track-day-${d.day}`}>
            <h2 id={`track-day-${d.day}`} class="track-day-title">
              {title}{' '}
              <span class="muted">
                · {spanOf(d, zone)} · {plural(d.talks.length, 'talk')}
              </span>
            </h2>
            <ol class="plain-list track-talks" aria-label={`${track.name}, ${title}`}>
              {d.talks.map((talk) => (
                <li key={talk.key}>
                  <TalkRow talk={talk} conference={conference} now={now} showTrack={false} />
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </article>
  );
}

function TrackRooms({
  track,
  conference,
  venue,
}: {
  track: TrackSummary;
  conference: Conference;
  venue: Venue | undefined;
}) {
  return (
    <ul class="plain-list track-rooms" aria-label={track.rooms.length === 1 ? 'Room' : 'Rooms'}>
      {track.rooms.map((name) => {
        const room = conference.rooms.find((r) => r.name === name);
        const building = room ? buildingName(venue, room.building) : undefined;
        const links = room ? roomLinks(conference, room) : {};
        return (
          <li key={name} class="track-room">
            {room ? (
              <a class="track-room-name" href={href(['map', 'room', room.slug])}>
                {name}
                {building && building !== name ? ` · ${building}` : ''}
              </a>
            ) : (
              <span class="track-room-name">{name}</span>
            )}
            {room && <FullnessBadge room={room.slug} compact />}
            {links.livestream && (
              <a class="button button-quiet" href={links.livestream} target="_blank" rel="noopener">
                Livestream<span class="visually-hidden"> of {name}</span>{' '}
                <span aria-hidden="true">↗</span>
              </a>
            )}
          </li>
        );
      })}
    </ul>
  );
}
