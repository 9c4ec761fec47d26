/**
 * The whole schedule: day tabs, by time or by room, filters by track, type, building and room,
 * past talks hidden on request. A full FOSDEM day is ~450 talks, so the list is windowed.
 */

import { signal } from '@preact/signals';
import { useMemo } from 'preact/hooks';
import type { Conference, Talk } from '../../../domain/model';
import { activeFilters, countByDay, filterTalks } from '../../../domain/talk-filter';
import { todayIndex } from '../../../domain/today';
import { trackIdOf, tracksOf } from '../../../domain/tracks';
import { UNKNOWN_BUILDING } from '../../../domain/venue/types';
import { useStore } from '../../../state/context';
import { TalkRow, talkRowEstimate } from '../../components/TalkRow';
import { VirtualList } from '../../components/VirtualList';
import { dayLabel, longDay, timeOf } from '../../format';
import { href, navigate, route } from '../../router';
import { DeadEnd } from './DeadEnd';
import { filterOptions, readFilters, type ScheduleFilters } from './filters';
import './Schedule.css';

type Row = { kind: 'head'; id: string; label: string } | { kind: 'talk'; talk: Talk };
const HEAD_HEIGHT = 36;

/** The Schedule view. */
export default function Schedule() {
  const store = useStore();
  const conference = store.conference.value!;
  const now = store.clock.now.value;
  const params = route.value.params;
  const filters = readFilters(params, todayIndex(conference, now), conference.days.length);
  const options = useMemo(() => filterOptions(conference), [conference]);
  const talks = useMemo(
    () => filterTalks(conference, filters.day, filters, now),
    [conference, params.toString(), filters.hidePast ? now : 0],
  );
  const filtered = activeFilters(filters).length > 0;
  // With filters set, each day tab says how many talks it has, so an empty day is no surprise.
  const perDay = useMemo(
    () => (filtered ? countByDay(conference, filters, now) : undefined),
    [conference, params.toString(), filters.hidePast ? now : 0],
  );
  const trackId = filters.track ? trackIdOf(tracksOf(conference), filters.track) : undefined;
  const rowHeight = useMemo(
    () => (r: Row) => (r.kind === 'head' ? HEAD_HEIGHT : talkRowEstimate(r.talk, !filters.track)),
    [filters.track],
  );
  const rows = useMemo(
    () => toRows(conference, talks, filters.by),
    [conference, talks, filters.by],
  );
  const nowIndex = rows.findIndex((r) => r.kind === 'talk' && r.talk.end > now);
  const day = conference.days[filters.day];

  const set = (
    changes: Partial<Record<keyof ScheduleFilters | 'past', string | number | undefined>>,
  ) => {
    const next = {
      day: filters.day,
      by: filters.by === 'time' ? undefined : filters.by,
      track: filters.track,
      type: filters.type,
      building: filters.building,
      room: filters.room,
      past: filters.hidePast ? 'hide' : undefined,
      ...changes,
    };
    navigate(href(['schedule'], next), { replace: true });
  };
  const active = [filters.track, filters.type, filters.building, filters.room].filter(
    Boolean,
  ).length;

  return (
    <section aria-labelledby="schedule-title">
      <h1 id="schedule-title">
        Schedule
        {day ? (
          <span class="visually-hidden">, {longDay(day.start, conference.timeZone)}</span>
        ) : null}
      </h1>
      <nav class="tabs" aria-label="Days">
        {conference.days.map((d) => (
          <a
            key={d.index}
            href={href(['schedule'], { ...Object.fromEntries(params), day: d.index })}
            aria-current={d.index === filters.day ? 'page' : undefined}
          >
            {dayLabel(d, conference.timeZone)}
            {perDay && (
              <span class="day-count">
                {perDay[d.index]}
                <span class="visually-hidden"> {perDay[d.index] === 1 ? 'talk' : 'talks'}</span>
              </span>
            )}
          </a>
        ))}
      </nav>
      <div class="schedule-controls">
        <fieldset class="tabs order">
          <legend class="visually-hidden">Order</legend>
          <button
            type="button"
            aria-pressed={filters.by === 'time'}
            onClick={() => set({ by: undefined })}
          >
            By time
          </button>
          <button
            type="button"
            aria-pressed={filters.by === 'room'}
            onClick={() => set({ by: 'room' })}
          >
            By room
          </button>
        </fieldset>
        <a class="button button-quiet" href={href(['grid'], { day: filters.day })}>
          Grid
        </a>
        <label class="check">
          <input
            type="checkbox"
            checked={filters.hidePast}
            onChange={(e) =>
              set({ past: (e.target as HTMLInputElement).checked ? 'hide' : undefined })
            }
          />
          Hide past talks
        </label>
      </div>
      <div class="schedule-filter-row">
        <a class="schedule-tracks" href={href(['tracks'], { day: filters.day })}>
          All tracks <span aria-hidden="true">›</span>
        </a>
        <details class="filters" open={active > 0}>
          <summary>Filters{active ? ` (${active})` : ''}</summary>
          <div class="filter-grid">
            <Select
              label="Track"
              value={filters.track}
              options={options.tracks}
              onChange={(v) => set({ track: v })}
            />
            <Select
              label="Type"
              value={filters.type}
              options={options.types}
              onChange={(v) => set({ type: v })}
            />
            <Select
              label="Building"
              value={filters.building}
              options={options.buildings}
              nameOf={(id) =>
                id === UNKNOWN_BUILDING
                  ? 'Other rooms'
                  : (store.venue.value?.buildings.find((b) => b.id === id)?.name ?? id)
              }
              onChange={(v) => set({ building: v })}
            />
            <Select
              label="Room"
              value={filters.room}
              options={options.rooms}
              onChange={(v) => set({ room: v })}
            />
          </div>
          {trackId && (
            <p class="schedule-track-page">
              <a href={href(['track', trackId])}>
                About {filters.track}: rooms, days, livestream <span aria-hidden="true">›</span>
              </a>
            </p>
          )}
          {active > 0 && (
            <button
              type="button"
              class="button button-quiet"
              onClick={() => set({ track: '', type: '', building: '', room: '' })}
            >
              Clear filters
            </button>
          )}
        </details>
      </div>
      <p class="muted schedule-count" aria-live="polite">
        {talks.length} {talks.length === 1 ? 'talk' : 'talks'}
        {nowIndex > 0 && filters.by === 'time' && day && now >= day.start && now < day.end && (
          <>
            {' · '}
            <button type="button" class="link-button" onClick={() => jumpTo(nowIndex)}>
              Jump to now
            </button>
          </>
        )}
      </p>
      {rows.length === 0 && filtered ? (
        <DeadEnd
          conference={conference}
          venue={store.venue.value}
          filters={filters}
          now={now}
          go={(way) =>
            way === 'clear-all'
              ? set({ track: '', type: '', building: '', room: '', past: undefined })
              : set({
                  day: way.day,
                  ...(way.clear === undefined
                    ? {}
                    : way.clear === 'past'
                      ? { past: undefined }
                      : { [way.clear]: '' }),
                })
          }
        />
      ) : rows.length === 0 ? (
        <p class="empty">No talks on this day.</p>
      ) : (
        <VirtualList
          items={rows}
          label={`Talks, ${filters.by === 'room' ? 'by room' : 'by time'}`}
          rowHeight={rowHeight}
          keyOf={(r) => (r.kind === 'head' ? `h:${r.id}` : r.talk.key)}
          scrollToIndex={jumpTarget.value}
          renderRow={(r, i) =>
            r.kind === 'head' ? (
              <h2 class="list-head" data-row={i}>
                {r.label}
              </h2>
            ) : (
              <div
                data-row={i}
                class={store.bookmarks.value.has(r.talk.key) ? 'is-bookmarked' : undefined}
              >
                <TalkRow
                  talk={r.talk}
                  conference={conference}
                  now={now}
                  showTrack={!filters.track}
                />
              </div>
            )
          }
        />
      )}
    </section>
  );
}

// The row to scroll to; reset first so pressing "Jump to now" twice scrolls twice.
const jumpTarget = signal<number | undefined>(undefined);
function jumpTo(index: number) {
  jumpTarget.value = undefined;
  queueMicrotask(() => {
    jumpTarget.value = index;
  });
}

function Select({
  label,
  value,
  options,
  onChange,
  nameOf = (v) => v,
}: {
  label: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
  nameOf?: (v: string) => string;
}) {
  const id = `filter-${label.toLowerCase()}`;
  return (
    <div class="filter">
      <label for={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        <option value="">All</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {nameOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

function toRows(conference: Conference, talks: Talk[], by: 'time' | 'room'): Row[] {
  const rows: Row[] = [];
  if (by === 'room') {
    const byRoom = new Map<string, Talk[]>();
    for (const t of talks) byRoom.set(t.room, [...(byRoom.get(t.room) ?? []), t]);
    for (const room of conference.rooms) {
      const list = byRoom.get(room.name);
      if (!list) continue;
      const building = room.building === UNKNOWN_BUILDING ? '' : ` · ${room.building}`;
      rows.push({ kind: 'head', id: room.name, label: `${room.name}${building}` });
      for (const t of list) rows.push({ kind: 'talk', talk: t });
    }
    return rows;
  }
  let last = '';
  for (const t of talks) {
    const label = timeOf(t.start, conference.timeZone);
    if (label !== last) {
      rows.push({ kind: 'head', id: `${t.start}`, label });
      last = label;
    }
    rows.push({ kind: 'talk', talk: t });
  }
  return rows;
}
