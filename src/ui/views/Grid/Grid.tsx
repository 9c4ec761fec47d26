/**
 * The timetable (#/grid?day=N): one day as rooms × time, rooms grouped by building, to see a
 * whole building at once, what runs side by side, and where the now line is. The list (Schedule)
 * and the grid show the same day and link to each other.
 */

import { useMemo, useState } from 'preact/hooks';
import { todayIndex } from '../../../domain/today';
import { useStore } from '../../../state/context';
import { dayLabel, longDay } from '../../format';
import { href, route } from '../../router';
import { buildTimetable } from './grid-model';
import { TimeGrid } from './TimeGrid';
import './Grid.css';

/** The Grid view. */
export default function Grid() {
  const store = useStore();
  const conference = store.conference.value!;
  const venue = store.venue.value;
  const now = store.clock.now.value;
  const params = route.value.params;
  const asked = Number(params.get('day'));
  const dayIndex =
    params.has('day') && Number.isInteger(asked) && asked >= 0 && asked < conference.days.length
      ? asked
      : todayIndex(conference, now);
  const timetable = useMemo(
    () => buildTimetable(conference, dayIndex, venue),
    [conference, dayIndex, venue],
  );
  const [jump, setJump] = useState(0);
  const day = conference.days[dayIndex];
  const dayName = day ? longDay(day.start, conference.timeZone) : '';
  const running = !!timetable && now >= timetable.origin && now < timetable.end;

  return (
    <section class="grid-view" aria-labelledby="grid-title">
      <div class="grid-top">
        <h1 id="grid-title">
          Timetable
          {dayName ? <span class="visually-hidden">, {dayName}</span> : null}
        </h1>
        <a class="button button-quiet" href={href(['schedule'], { day: dayIndex })}>
          List
        </a>
      </div>
      <nav class="tabs" aria-label="Days">
        {conference.days.map((d) => (
          <a
            key={d.index}
            href={href(['grid'], { day: d.index })}
            aria-current={d.index === dayIndex ? 'page' : undefined}
          >
            {dayLabel(d, conference.timeZone)}
          </a>
        ))}
      </nav>
      {!timetable || timetable.columns.length === 0 ? (
        <p class="empty">No talks on this day.</p>
      ) : (
        <>
          <p class="muted grid-count">
            {timetable.columns.length} {timetable.columns.length === 1 ? 'room' : 'rooms'} ·{' '}
            {timetable.talkCount} {timetable.talkCount === 1 ? 'talk' : 'talks'}
            {running && (
              <>
                {' · '}
                <button type="button" class="link-button" onClick={() => setJump((n) => n + 1)}>
                  Jump to now
                </button>
              </>
            )}
            <span class="visually-hidden">. Arrow keys move between talks.</span>
          </p>
          <TimeGrid
            timetable={timetable}
            conference={conference}
            label={`Timetable grid, ${dayName}`}
            jumpToNow={jump}
          />
        </>
      )}
    </section>
  );
}
