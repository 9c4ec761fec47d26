/**
 * Tracks (#/tracks?day=&q=): every track (FOSDEM's devrooms) with its room(s), day(s), time span
 * and talk count, instead of a menu of ~70 names. A day's tabs narrow it to the tracks running
 * that day; the box finds a track by its name or by its room ("rust", "K.3.401", "Rolin"), with
 * the same matching as Search. Each track opens its page (#/track/<id>).
 */
import { useMemo } from 'preact/hooks';
import { buildNameIndex, findNames } from '../../../domain/find-names';
import type { Conference } from '../../../domain/model';
import { plural } from '../../../domain/text';
import { type TrackSummary, tracksOf } from '../../../domain/tracks';
import { useStore } from '../../../state/context';
import { dayLabel, spanOf } from '../../format';
import { href, navigate, route } from '../../router';
import './Tracks.css';

/** The Tracks view. */
export default function Tracks() {
  const store = useStore();
  const conference = store.conference.value!;
  const venue = store.venue.value;
  const { params } = route.value;
  const query = params.get('q') ?? '';
  const dayParam = params.get('day');
  const day =
    dayParam !== null && conference.days.some((d) => String(d.index) === dayParam)
      ? Number(dayParam)
      : undefined;
  const tracks = tracksOf(conference);
  const nameIndex = useMemo(() => buildNameIndex(conference, venue), [conference, venue]);
  const matching = useMemo(() => matchTracks(tracks, nameIndex, query), [tracks, nameIndex, query]);
  const shown = day === undefined ? matching : matching.filter((t) => runsOn(t, day));
  const go = (next: { q?: string; day?: number | undefined }) =>
    navigate(href(['tracks'], { q: next.q ?? query, day: 'day' in next ? next.day : day }), {
      replace: true,
    });

  return (
    <section class="tracks" aria-labelledby="tracks-title">
      <p class="tracks-back">
        <a href={href(['schedule'], { day })}>
          <span aria-hidden="true">‹</span> Schedule
        </a>
      </p>
      <h1 id="tracks-title">Tracks</h1>
      {tracks.length === 0 ? (
        <p class="empty">This schedule does not sort its talks into tracks.</p>
      ) : (
        <>
          <search class="tracks-find">
            <label for="tracks-q">Find a track by name or room</label>
            <input
              id="tracks-q"
              type="search"
              value={query}
              placeholder="e.g. rust, K.3.401, Rolin"
              autocomplete="off"
              autocapitalize="off"
              spellcheck={false}
              enterKeyHint="search"
              onInput={(e) => go({ q: e.currentTarget.value })}
            />
          </search>
          {conference.days.length > 1 && (
            <fieldset class="tabs tracks-days">
              <legend class="visually-hidden">Day</legend>
              <button
                type="button"
                aria-pressed={day === undefined}
                onClick={() => go({ day: undefined })}
              >
                All days
              </button>
              {conference.days.map((d) => (
                <button
                  key={d.index}
                  type="button"
                  aria-pressed={day === d.index}
                  onClick={() => go({ day: d.index })}
                >
                  {dayLabel(d, conference.timeZone)}
                </button>
              ))}
            </fieldset>
          )}
          <p class="muted tracks-count" role="status">
            {countText(shown.length, matching.length, tracks.length, query, day, conference)}
          </p>
          {shown.length > 0 && (
            <ul class="plain-list tracks-list" aria-label="Tracks">
              {shown.map((t) => (
                <TrackItem key={t.id} track={t} conference={conference} day={day} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function TrackItem({
  track,
  conference,
  day,
}: {
  track: TrackSummary;
  conference: Conference;
  day: number | undefined;
}) {
  const zone = conference.timeZone;
  const days = day === undefined ? track.days : track.days.filter((d) => d.day === day);
  return (
    <li class="tracks-item">
      <a class="tracks-link" href={href(['track', track.id])}>
        <span class="tracks-name">{track.name}</span>{' '}
        <span class="tracks-talks">{plural(track.talkCount, 'talk')}</span>{' '}
        <span class="tracks-rooms">{track.rooms.join(' · ')}</span>{' '}
        <span class="tracks-when">
          {days.map((d) => {
            const info = conference.days[d.day];
            return (
              <span key={d.day} class="tracks-day">
                {info ? `${dayLabel(info, zone)} ` : ''}
                {spanOf(d, zone)}{' '}
              </span>
            );
          })}
        </span>
      </a>
    </li>
  );
}

function runsOn(track: TrackSummary, day: number): boolean {
  return track.days.some((d) => d.day === day);
}

/**
 * The tracks a query names, best first: tracks by name, then tracks held in the rooms it names.
 * All tracks for an empty query.
 */
function matchTracks(
  tracks: readonly TrackSummary[],
  index: ReturnType<typeof buildNameIndex>,
  query: string,
): TrackSummary[] {
  if (!query.trim()) return [...tracks];
  const hits = findNames(index, query, Number.POSITIVE_INFINITY);
  const byName = new Map(tracks.map((t) => [t.name, t]));
  const found = new Set<TrackSummary>();
  for (const hit of hits.tracks) if (hit.kind === 'track') found.add(byName.get(hit.track)!);
  const rooms = new Set(hits.rooms.flatMap((h) => (h.kind === 'room' ? [h.room.name] : [])));
  for (const t of tracks) if (t.rooms.some((r) => rooms.has(r))) found.add(t);
  return [...found].filter(Boolean);
}

function countText(
  shown: number,
  matching: number,
  all: number,
  query: string,
  day: number | undefined,
  conference: Conference,
): string {
  const q = query.trim();
  const on = day === undefined ? '' : ` on ${dayLabel(conference.days[day]!, conference.timeZone)}`;
  if (!q) return `${plural(shown, 'track')}${on}`;
  if (matching === 0)
    return `No track is called or held in “${q}” (${plural(all, 'track')} in all).`;
  if (shown === 0) return `${plural(matching, 'track')} for “${q}”, none${on}.`;
  return `${plural(shown, 'track')} for “${q}”${on}`;
}
