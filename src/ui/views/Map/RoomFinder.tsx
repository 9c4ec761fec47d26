/**
 * The Map's room finder: the same name search as Search, for rooms and buildings only ("ub5132",
 * "Rolin", "K"), with results as links to the room's page or the building on the map.
 */
import { useMemo, useState } from 'preact/hooks';
import { buildNameIndex, findNames } from '../../../domain/find-names';
import type { Conference } from '../../../domain/model';
import type { Venue } from '../../../domain/venue';
import { NameResults } from '../../components/NameResults';

/** A search box for rooms and buildings, with its matches below it. */
export function RoomFinder({
  conference,
  venue,
}: {
  conference: Conference;
  venue: Venue | undefined;
}) {
  const [query, setQuery] = useState('');
  const index = useMemo(() => buildNameIndex(conference, venue), [conference, venue]);
  const hits = useMemo(() => findNames(index, query), [index, query]);
  const typed = query.trim() !== '';
  const none = typed && hits.rooms.length === 0 && hits.buildings.length === 0;
  return (
    <search class="map-finder">
      <label for="map-find">Find a room</label>
      <input
        id="map-find"
        type="search"
        value={query}
        placeholder="e.g. UB5.132, ub5132, Rolin, K"
        autocomplete="off"
        autocapitalize="off"
        spellcheck={false}
        enterKeyHint="search"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <p class="map-finder-status" role="status">
        {none ? `No room or building is called “${query.trim()}”.` : ''}
      </p>
      {typed && (
        <NameResults
          conference={conference}
          groups={[
            { id: 'map-rooms', title: 'Rooms', hits: hits.rooms },
            { id: 'map-buildings', title: 'Buildings', hits: hits.buildings },
          ]}
        />
      )}
    </search>
  );
}
