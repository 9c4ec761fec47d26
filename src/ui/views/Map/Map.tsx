/**
 * The Map view. #/map: the campus drawn from the venue file (only the buildings this schedule
 * has talks in), buildings with talks now emphasised; tapping one (#/map?building=U) lists its rooms with what is on now and next.
 * #/map/room/<slug>: that room's day. A room finder above the map finds rooms and buildings by
 * any name ("ub5132", "Rolin"). A conference with no known venue gets a plain room list.
 */

import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Conference } from '../../../domain/model';
import { plural } from '../../../domain/text';
import type { Venue } from '../../../domain/venue';
import { useStore } from '../../../state/context';
import { href, navigate, route } from '../../router';
import { CampusMap } from './CampusMap';
import {
  type BuildingSummary,
  roomsOutsideBuildings,
  summarizeBuildings,
  talksByRoom,
} from './map-model';
import { RoomDay } from './RoomDay';
import { RoomFinder } from './RoomFinder';
import { RoomGroup } from './RoomGroup';
import './Map.css';

/** The Map view, or one room's day when `roomSlug` is given. */
export default function MapView(props: { roomSlug?: string }) {
  const store = useStore();
  const conference = store.conference.value;
  const venue = store.venue.value;
  const now = store.clock.now.value;
  const { params } = route.value;
  if (!conference) return null;

  if (props.roomSlug !== undefined) {
    const room = conference.rooms.find((r) => r.slug === props.roomSlug);
    if (!room) {
      return (
        <section class="empty-state">
          <h1>Room not found</h1>
          <p>
            This schedule has no room “{props.roomSlug}”. It may have been renamed in an update.
          </p>
          <p>
            <a href={href(['map'])}>Back to the map</a>
          </p>
        </section>
      );
    }
    return (
      <RoomDay
        room={room}
        conference={conference}
        venue={venue}
        now={now}
        dayParam={params.get('day')}
      />
    );
  }

  if (!venue) return <PlainRoomList conference={conference} now={now} />;
  return (
    <CampusView conference={conference} venue={venue} now={now} selected={params.get('building')} />
  );
}

function CampusView({
  conference,
  venue,
  now,
  selected,
}: {
  conference: Conference;
  venue: Venue;
  now: number;
  selected: string | null;
}) {
  const byRoom = useMemo(() => talksByRoom(conference), [conference]);
  const buildings = summarizeBuildings(conference, venue, now, byRoom);
  const others = roomsOutsideBuildings(conference, venue, now, byRoom);
  const current = buildings.find((b) => b.building.id === selected);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const chosenByUser = useRef(false);

  useEffect(() => {
    // After a tap on a phone, where the map fills the screen, bring the room list up; focus
    // stays on the building so a keyboard user can go on to the next one. Side by side
    // (desktop), the list is already in view.
    if (!chosenByUser.current || !current) return;
    chosenByUser.current = false;
    if (!window.matchMedia?.('(max-width: 759px)').matches) return;
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    headingRef.current?.scrollIntoView?.({ block: 'start', behavior: reduce ? 'auto' : 'smooth' });
  }, [current?.building.id]);

  const select = (id: string) => {
    chosenByUser.current = true;
    navigate(href(['map'], { building: id }), { replace: true });
  };

  return (
    <div class="map-view">
      <h1 class="map-title">
        Map <span class="map-venue">{venue.name}</span>
      </h1>
      <RoomFinder conference={conference} venue={venue} />
      <div class="map-layout">
        <div class="map-figure">
          <CampusMap
            venue={venue}
            buildings={buildings}
            selected={current?.building.id}
            hrefFor={(id) => href(['map'], { building: id })}
            onSelect={select}
          />
          <p class="map-legend">
            <span class="map-legend-swatch" aria-hidden="true" /> Highlighted buildings have talks
            on now; tap one for its rooms.
          </p>
        </div>
        <div class="map-side">
          <p class="visually-hidden" aria-live="polite">
            {current ? `${current.fullName} selected: rooms listed below the map.` : ''}
          </p>
          {current ? (
            <RoomGroup
              id="map-building-rooms"
              title={current.fullName}
              summary={buildingSummaryText(current)}
              rooms={current.rooms}
              conference={conference}
              venue={venue}
              now={now}
              headingRef={headingRef}
            />
          ) : (
            <p class="map-hint">Tap a building to see its rooms and what is on in them now.</p>
          )}
          {others.length > 0 && (
            <RoomGroup
              id="map-other-rooms"
              title="Other rooms"
              summary="not in a building on the map"
              rooms={others}
              conference={conference}
              venue={venue}
              now={now}
            />
          )}
        </div>
      </div>
    </div>
  );
}

function buildingSummaryText(summary: BuildingSummary): string {
  const now = summary.talksNow;
  return `${plural(summary.rooms.length, 'room')} · ${now === 0 ? 'nothing' : plural(now, 'talk')} on now`;
}

function PlainRoomList({ conference, now }: { conference: Conference; now: number }) {
  const rooms = roomsOutsideBuildings(conference, undefined, now);
  const where = conference.venue?.trim() || conference.city?.trim() || conference.title;
  return (
    <div class="map-view">
      <h1 class="map-title">Rooms</h1>
      <RoomFinder conference={conference} venue={undefined} />
      <p class="map-no-venue">
        No campus map is known for {where}, so there are no buildings or walking times: the rooms
        are listed below.
      </p>
      <RoomGroup
        id="map-other-rooms"
        title="Other rooms"
        summary={plural(rooms.length, 'room')}
        rooms={rooms}
        conference={conference}
        venue={undefined}
        now={now}
        empty="This schedule names no rooms."
      />
    </div>
  );
}
