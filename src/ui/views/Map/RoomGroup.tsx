/**
 * A titled list of rooms with what is on in them now and next: the rooms of the building tapped
 * on the map, or "Other rooms" (virtual rooms, or every room when no campus map is known).
 */
import type { Ref } from 'preact';
import type { Conference } from '../../../domain/model';
import type { Venue } from '../../../domain/venue';
import { placeText, type RoomNowNext } from './map-model';
import { RoomCard } from './RoomCard';

/** A section listing rooms under a heading. */
export function RoomGroup({
  id,
  title,
  summary,
  rooms,
  conference,
  venue,
  now,
  headingRef,
  empty,
}: {
  id: string;
  title: string;
  /** A short line under the heading ("3 rooms · 1 talk now"). */
  summary?: string;
  rooms: RoomNowNext[];
  conference: Conference;
  venue: Venue | undefined;
  now: number;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Shown when there are no rooms. */
  empty?: string;
}) {
  return (
    <section class="map-group" aria-labelledby={id}>
      <h2 id={id} class="map-group-title" tabIndex={-1} ref={headingRef}>
        {title}
        {summary && <span class="map-group-summary"> · {summary}</span>}
      </h2>
      {rooms.length === 0 ? (
        <p class="empty">{empty ?? 'No rooms.'}</p>
      ) : (
        <ul class="plain-list map-rooms">
          {rooms.map((item) => (
            <RoomCard
              key={item.room.name}
              item={item}
              conference={conference}
              now={now}
              place={placeText(venue, item.room.name)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
