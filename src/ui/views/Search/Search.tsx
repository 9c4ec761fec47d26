/**
 * Search: titles, subtitles, speakers, tracks and abstracts, accent- and case-insensitive, with
 * results as you type; rooms, buildings, tracks and speakers found by name are grouped above the
 * talks (src/domain/find-names.ts). The query lives in the URL (#/search?q=…&day=…), replaced
 * so that Back leaves the search instead of undoing letters; while typing, only after a pause or
 * when the box loses focus (each replace costs Chromium a same-document navigation and a favicon
 * fetch). The index is built once per schedule by the store; only the first PAGE results are drawn, so
 * a query matching most of FOSDEM still renders in a frame.
 */

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildNameIndex, findNames, type NameHits, namesAPlace } from '../../../domain/find-names';
import type { Conference } from '../../../domain/model';
import { type SearchHit, searchTalks } from '../../../domain/search';
import { plural } from '../../../domain/text';
import { useStore } from '../../../state/context';
import { type NameGroup, NameResults } from '../../components/NameResults';
import { dayLabel } from '../../format';
import { href, replaceQuietly, route } from '../../router';
import { SearchResult } from './SearchResult';
import './search.css';

/** Results drawn at first (about two phone screens) and added by each "show more". */
const PAGE = 12;
/** The address follows the box this long after the last keystroke. */
const ADDRESS_PAUSE_MS = 400;

/** The Search view. */
export default function Search() {
  const store = useStore();
  const conference = store.conference.value;
  const now = store.clock.now.value;
  const { params } = route.value;
  const routeQuery = params.get('q') ?? '';
  const dayParam = params.get('day');
  const routeDay = dayParam !== null && /^\d+$/.test(dayParam) ? Number(dayParam) : undefined;
  // The query and day live here while the user types; the address follows quietly (see go()).
  const [state, setState] = useState({ q: routeQuery, day: routeDay, from: params.toString() });
  const address = useRef<{ to?: string; timer?: ReturnType<typeof setTimeout> }>({});
  const writeAddress = () => {
    const { to, timer } = address.current;
    clearTimeout(timer);
    address.current = {};
    // Only while the search is still the page shown: never rewrite where the user went.
    if (to !== undefined && route.peek().path[0] === 'search') replaceQuietly(to);
  };
  if (state.from !== params.toString()) {
    // The route changed from outside (a link, back/forward): it wins.
    clearTimeout(address.current.timer);
    address.current = {};
    setState({ q: routeQuery, day: routeDay, from: params.toString() });
  }
  useEffect(() => {
    window.addEventListener('pagehide', writeAddress);
    return () => {
      window.removeEventListener('pagehide', writeAddress);
      writeAddress();
    };
  }, []);
  const query = state.from === params.toString() ? state.q : routeQuery;
  const day = state.from === params.toString() ? state.day : routeDay;
  const input = useRef<HTMLInputElement>(null);
  // How many results are drawn, for this query and day only: a new keystroke starts at PAGE.
  const [more, setMore] = useState({ for: '', count: PAGE });
  const shownFor = `${query}|${day}`;
  const shown = more.for === shownFor ? more.count : PAGE;

  // The store builds the index in the background on first read: start it on opening, not on
  // the first keystroke.
  useEffect(() => {
    const timer = setTimeout(() => void store.searchIndex.value, 0);
    return () => clearTimeout(timer);
  }, [store]);

  // Focus the box when the view opens for a new search (after the shell moves focus to <main>).
  // Coming back to earlier results leaves focus alone, so a phone does not pop its keyboard.
  useEffect(() => {
    if (query) return;
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  const typed = query.trim() !== '';
  const index = typed ? store.searchIndex.value : undefined;
  const hits = useMemo(
    () => (index ? searchTalks(index, query, { limit: Number.POSITIVE_INFINITY }) : []),
    [index, query],
  );
  const perDay = useMemo(() => countByDay(hits), [hits]);
  const venue = store.venue.value;
  const nameIndex = useMemo(
    () => (conference ? buildNameIndex(conference, venue) : undefined),
    [conference, venue],
  );
  const named = useMemo(
    () => (nameIndex && typed ? nameGroups(findNames(nameIndex, query)) : undefined),
    [nameIndex, typed, query],
  );
  const buildings = useMemo(
    () => new Map((conference?.rooms ?? []).map((r) => [r.name, r.building])),
    [conference],
  );
  if (!conference) return null;

  const nameCount = named
    ? [...named.before, ...named.after].reduce((n, g) => n + g.hits.length, 0)
    : 0;
  const visible = day === undefined ? hits : hits.filter((h) => h.talk.day === day);
  const go = (next: { q?: string; day?: number | undefined }, typing = false) => {
    const q = next.q ?? query;
    const d = 'day' in next ? next.day : day;
    setState((s) => ({ ...s, q, day: d }));
    clearTimeout(address.current.timer);
    address.current = { to: href(['search'], { q, day: d }) };
    if (typing) address.current.timer = setTimeout(writeAddress, ADDRESS_PAUSE_MS);
    else writeAddress();
  };

  return (
    <section class="search" aria-labelledby="search-title">
      <h1 id="search-title">Search</h1>
      <search>
        <form
          class="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            // "Go" on a phone keyboard: hide the keyboard so the results show.
            input.current?.blur();
          }}
        >
          <label for="search-q">Talks, speakers, tracks and abstracts</label>
          <input
            ref={input}
            id="search-q"
            type="search"
            name="q"
            value={query}
            placeholder="e.g. podman, Grunert, UB5.132"
            autocomplete="off"
            autocapitalize="off"
            spellcheck={false}
            enterKeyHint="search"
            aria-describedby="search-count"
            onInput={(e) => go({ q: e.currentTarget.value }, true)}
            onBlur={writeAddress}
          />
        </form>
      </search>
      {typed && index && hits.length > 0 && conference.days.length > 1 && (
        <DayChips
          conference={conference}
          perDay={perDay}
          total={hits.length}
          day={day}
          onPick={(d) => go({ day: d })}
        />
      )}
      <p
        id="search-count"
        class="search-count"
        role="status"
        aria-busy={typed && !index ? true : undefined}
      >
        {typed && !index
          ? 'Preparing the search…'
          : visible.length === 0 && nameCount > 0
            ? nameCountText(named!)
            : statusText(query, hits.length, visible.length, day, conference)}
      </p>
      {named && <NameResults groups={named.before} conference={conference} />}
      {named && visible.length > 0 && named.before.some((g) => g.hits.length > 0) && (
        <h2 class="name-group-title">Talks</h2>
      )}
      {!typed ? (
        <Hints conference={conference} />
      ) : !index || (visible.length === 0 && nameCount > 0) ? null : visible.length === 0 ? (
        <NoResults
          query={query}
          otherDays={hits.length}
          onAllDays={day === undefined ? undefined : () => go({ day: undefined })}
        />
      ) : (
        <>
          <ul class="search-results plain-list" aria-label={`Results for ${query.trim()}`}>
            {visible.slice(0, shown).map((hit) => (
              <SearchResult
                key={hit.key}
                hit={hit}
                query={query}
                conference={conference}
                building={buildings.get(hit.talk.room)}
                now={now}
              />
            ))}
          </ul>
          {visible.length > shown && (
            <ShowMore
              next={Math.min(PAGE, visible.length - shown)}
              shown={shown}
              total={visible.length}
              onMore={() => setMore({ for: shownFor, count: shown + PAGE })}
            />
          )}
        </>
      )}
      {named && <NameResults groups={named.after} conference={conference} />}
    </section>
  );
}

/**
 * Rooms · Buildings · Tracks · Speakers above the talks when the query names one of them (a room
 * code, a track, a speaker's name); rooms and tracks it only half names go below the talks.
 */
function nameGroups(hits: NameHits): { before: NameGroup[]; after: NameGroup[] } {
  const groups: NameGroup[] = [
    { id: 'rooms', title: 'Rooms', hits: hits.rooms },
    { id: 'buildings', title: 'Buildings', hits: hits.buildings },
    { id: 'tracks', title: 'Tracks', hits: hits.tracks },
    { id: 'speakers', title: 'Speakers', hits: hits.speakers },
  ];
  if (namesAPlace(hits)) return { before: groups, after: [] };
  return {
    before: groups.filter((g) => g.id === 'speakers'),
    after: groups.filter((g) => g.id !== 'speakers'),
  };
}

/**
 * "Show 12 more": a button for keyboards and screen readers, pressed by itself when it scrolls
 * near the viewport, so thumbs just keep scrolling.
 */
function ShowMore({
  next,
  shown,
  total,
  onMore,
}: {
  next: number;
  shown: number;
  total: number;
  onMore: () => void;
}) {
  const button = useRef<HTMLButtonElement>(null);
  const latest = useRef(onMore);
  latest.current = onMore;
  useEffect(() => {
    const el = button.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) latest.current();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown]);
  return (
    <p class="search-more">
      <button
        ref={button}
        type="button"
        class="button button-quiet"
        onClick={() => latest.current()}
      >
        Show {next} more ({shown} of {total} shown)
      </button>
    </p>
  );
}

/** "1 room", "1 room, 2 speakers": what was found by name when no talk matches. */
function nameCountText(named: { before: NameGroup[]; after: NameGroup[] }): string {
  const words: Record<string, [string, string]> = {
    rooms: ['room', 'rooms'],
    buildings: ['building', 'buildings'],
    tracks: ['track', 'tracks'],
    speakers: ['speaker', 'speakers'],
  };
  return [...named.before, ...named.after]
    .filter((g) => g.hits.length > 0)
    .map((g) => plural(g.hits.length, ...words[g.id]!))
    .join(', ');
}

function countByDay(hits: readonly SearchHit[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const hit of hits) counts.set(hit.talk.day, (counts.get(hit.talk.day) ?? 0) + 1);
  return counts;
}

function statusText(
  query: string,
  all: number,
  visible: number,
  day: number | undefined,
  conference: Conference,
): string {
  if (!query.trim()) return '';
  const results = plural(visible, 'result', 'results');
  const dayInfo = conference.days[day ?? -1];
  if (!dayInfo) return visible === 0 ? `No results for “${query.trim()}”` : results;
  const on = `on ${dayLabel(dayInfo, conference.timeZone)}`;
  return visible === 0
    ? `No results for “${query.trim()}” ${on}`
    : `${results} ${on} (${all} on all days)`;
}

function DayChips({
  conference,
  perDay,
  total,
  day,
  onPick,
}: {
  conference: Conference;
  perDay: ReadonlyMap<number, number>;
  total: number;
  day: number | undefined;
  onPick: (day: number | undefined) => void;
}) {
  return (
    <fieldset class="tabs search-days">
      <legend class="visually-hidden">Day</legend>
      <button type="button" aria-pressed={day === undefined} onClick={() => onPick(undefined)}>
        All days <span class="search-chip-count">{total}</span>
      </button>
      {conference.days.map((d) => (
        <button
          key={d.index}
          type="button"
          aria-pressed={day === d.index}
          onClick={() => onPick(d.index)}
        >
          {dayLabel(d, conference.timeZone)}{' '}
          <span class="search-chip-count">{perDay.get(d.index) ?? 0}</span>
        </button>
      ))}
    </fieldset>
  );
}

function Hints({ conference }: { conference: Conference }) {
  const tracks = useMemo(() => busiestTracks(conference, 6), [conference]);
  return (
    <div class="search-hints">
      <p>
        Search the {conference.talks.length} talks of {conference.title}. Results appear as you
        type, even offline.
      </p>
      <ul>
        <li>Accents and capitals do not matter: “frederic” finds “Frédéric”.</li>
        <li>The last word can be unfinished: “kube” finds Kubernetes.</li>
        <li>
          Rooms by code or nickname, dots optional: “ub5132”, “Rolin”; tracks and speakers too.
        </li>
        <li>
          Every word must match. Quotes keep words together, in order: <code>"live migration"</code>
          .
        </li>
      </ul>
      {tracks.length > 0 && (
        <>
          <h2 class="search-hints-head">Try a track</h2>
          <ul class="search-try plain-list">
            {tracks.map((t) => (
              <li key={t}>
                <a href={href(['search'], { q: t })}>{t}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function busiestTracks(conference: Conference, n: number): string[] {
  const counts = new Map<string, number>();
  for (const t of conference.talks)
    if (t.track) counts.set(t.track, (counts.get(t.track) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name]) => name);
}

function NoResults({
  query,
  otherDays,
  onAllDays,
}: {
  query: string;
  otherDays: number;
  onAllDays: (() => void) | undefined;
}) {
  return (
    <div class="search-none">
      <p>
        Nothing matches “{query.trim()}”. Check the spelling, use fewer words, or search for a
        speaker's surname.
      </p>
      {onAllDays && otherDays > 0 && (
        <p>
          <button type="button" class="button button-quiet" onClick={onAllDays}>
            Show {plural(otherDays, 'result', 'results')} on all days
          </button>
        </p>
      )}
    </div>
  );
}
