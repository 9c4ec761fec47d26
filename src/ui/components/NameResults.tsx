/**
 * The rooms, buildings, tracks and speakers a query names, one titled list per kind: a room
 * opens its page on the Map, a building the Map with its rooms, a track its page (#/track/<id>),
 * and a speaker lists their talks. Shared by Search and the Map's room finder.
 */

import type { NameHit } from '../../domain/find-names';
import type { Conference, Day } from '../../domain/model';
import { plural } from '../../domain/text';
import { trackIdOf, tracksOf } from '../../domain/tracks';
import { UNKNOWN_BUILDING } from '../../domain/venue/types';
import { dayLabel, whenLabel } from '../format';
import { href } from '../router';
import './NameResults.css';

const dayLabels = new Map<string, string>();
function cachedDayLabel(day: Day, zone: string): string {
  const key = `${zone} ${day.date}`;
  let label = dayLabels.get(key);
  if (label === undefined) {
    label = dayLabel(day, zone);
    dayLabels.set(key, label);
  }
  return label;
}

/** One kind of name hit under its heading ("Rooms", "Tracks"…). */
export interface NameGroup {
  id: string;
  title: string;
  hits: NameHit[];
}

/** The groups that have hits, each a heading and a list of links. */
export function NameResults({
  groups,
  conference,
}: {
  groups: NameGroup[];
  conference: Conference;
}) {
  return (
    <>
      {groups
        .filter((g) => g.hits.length > 0)
        .map((g) => (
          <section key={g.id} class="name-group" aria-labelledby={`name-group-${g.id}`}>
            <h2 id={`name-group-${g.id}`} class="name-group-title">
              {g.title}
            </h2>
            <ul class="plain-list name-hits" aria-label={g.title}>
              {g.hits.map((hit) => (
                <NameRow key={`${hit.kind}:${keyOf(hit)}`} hit={hit} conference={conference} />
              ))}
            </ul>
          </section>
        ))}
    </>
  );
}

function keyOf(hit: NameHit): string {
  switch (hit.kind) {
    case 'room':
      return hit.room.slug;
    case 'building':
      return hit.building.id;
    case 'track':
      return hit.track;
    case 'speaker':
      return hit.person.id;
  }
}

function NameRow({ hit, conference }: { hit: NameHit; conference: Conference }) {
  const zone = conference.timeZone;
  switch (hit.kind) {
    case 'room': {
      const { room } = hit;
      const building = room.building === UNKNOWN_BUILDING ? '' : `building ${room.building} · `;
      return (
        <li class="name-hit">
          <a class="name-hit-link" href={href(['map', 'room', room.slug])}>
            <span class="name-hit-name">{room.name}</span>
            <span class="name-hit-detail">
              {building}
              {plural(hit.talks, 'talk')}
            </span>
          </a>
        </li>
      );
    }
    case 'building':
      return (
        <li class="name-hit">
          <a class="name-hit-link" href={href(['map'], { building: hit.building.id })}>
            <span class="name-hit-name">
              {hit.building.name.toLowerCase() === `building ${hit.building.id.toLowerCase()}`
                ? hit.building.name
                : `Building ${hit.building.id} (${hit.building.name})`}
            </span>
            <span class="name-hit-detail">{plural(hit.rooms, 'room')} · on the map</span>
          </a>
        </li>
      );
    case 'track': {
      const days = [...new Set(hit.talks.map((t) => t.day))].sort((a, b) => a - b);
      const labels = days
        .map((d) => conference.days[d])
        .filter((d) => d !== undefined)
        .map((d) => cachedDayLabel(d, zone));
      const id = trackIdOf(tracksOf(conference), hit.track);
      const to = id ? href(['track', id]) : href(['schedule'], { track: hit.track, day: days[0] });
      return (
        <li class="name-hit">
          <a class="name-hit-link" href={to}>
            <span class="name-hit-name">{hit.track}</span>{' '}
            <span class="name-hit-detail">
              {plural(hit.talks.length, 'talk')}
              {labels.length > 0 ? ` · ${labels.join(', ')}` : ''}
            </span>
          </a>
        </li>
      );
    }
    case 'speaker':
      return (
        <li class="name-hit name-hit-speaker">
          <span class="name-hit-name">{hit.person.name}</span>
          <ul class="plain-list name-hit-talks" aria-label={`Talks by ${hit.person.name}`}>
            {hit.talks.map((talk) => (
              <li key={talk.key}>
                <a href={href(['talk', talk.key])}>{talk.title}</a>{' '}
                <span class="name-hit-detail">
                  {whenLabel(talk.start, talk.end, zone)} · {talk.room}
                </span>
              </li>
            ))}
          </ul>
        </li>
      );
  }
}
