/**
 * What the Schedule shows instead of an empty list: what was asked for, in words ("No Rust
 * talks on Saturday — 13 on Sunday"), and a button for each way out the domain found (the same
 * filters on another day, or one filter cleared), so a day tab or a filter is never a dead end.
 */
import type { Conference } from '../../../domain/model';
import {
  activeFilters,
  type FilterAlternative,
  type FilterKey,
  filterAlternatives,
} from '../../../domain/talk-filter';
import { plural, talkTypeLabel } from '../../../domain/text';
import type { Venue } from '../../../domain/venue';
import { dayInSentence } from '../../format';
import { buildingName } from '../../places';
import type { ScheduleFilters } from './filters';

/** Buttons shown at most: the nearest ways out. */
const MAX_WAYS = 4;

const CLEAR_WORDS: Record<FilterKey, string> = {
  track: 'All tracks',
  type: 'All types',
  building: 'All buildings',
  room: 'All rooms',
  past: 'With past talks',
};

/** The empty-list message with its ways out; `go` applies one. */
export function DeadEnd({
  conference,
  venue,
  filters,
  now,
  go,
}: {
  conference: Conference;
  venue: Venue | undefined;
  filters: ScheduleFilters;
  now: number;
  go: (way: FilterAlternative | 'clear-all') => void;
}) {
  const zone = conference.timeZone;
  const dayName = (d: number) => dayInSentence(conference.days, d, zone);
  const ways = filterAlternatives(conference, filters.day, filters, now);
  const otherDays = ways.filter((w) => w.clear === undefined);
  const where = otherDays.map((w) => `${w.count} on ${dayName(w.day)}`).join(', ');
  const shown = ways.slice(0, MAX_WAYS);
  return (
    <div class="dead-end">
      <p class="dead-end-what">
        {`No ${askedFor(filters, venue)} on ${dayName(filters.day)}`}
        {where ? ` — ${where}` : '.'}
      </p>
      {shown.length > 0 && (
        <ul class="plain-list dead-end-ways">
          {shown.map((w) => (
            <li key={`${w.clear ?? 'day'}-${w.day}`}>
              <button type="button" class="button button-quiet" onClick={() => go(w)}>
                {wayText(w, dayName)}
              </button>
            </li>
          ))}
        </ul>
      )}
      {activeFilters(filters).length > 1 && (
        <p>
          <button type="button" class="link-button" onClick={() => go('clear-all')}>
            Clear all filters
          </button>
        </p>
      )}
    </div>
  );
}

/** "Rust talks in K.3.401", "talks of type Workshop in Janson", "Rust talks left". */
function askedFor(f: ScheduleFilters, venue: Venue | undefined): string {
  const type = f.type ? talkTypeLabel(f.type, f.track) : undefined;
  const place = f.room || (f.building ? (buildingName(venue, f.building) ?? 'other rooms') : '');
  return [
    f.track ? `${f.track} talks` : 'talks',
    type ? `of type ${type}` : '',
    f.hidePast ? 'left' : '',
    place ? `in ${place}` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

function wayText(w: FilterAlternative, dayName: (d: number) => string): string {
  const count = plural(w.count, 'talk');
  if (w.clear === undefined) return `Show ${dayName(w.day)}: ${count}`;
  return `${CLEAR_WORDS[w.clear]}: ${count} on ${dayName(w.day)}`;
}
