/**
 * My day: the user's bookmarks for one conference day in time order (domain/my-day's planDay):
 * each overlap said once, one line before each talk for getting there (stay here, the walk and
 * free time, or a tight transfer), past talks dimmed, and the bookmarks whose talk left the
 * schedule in their own section.
 */

import { useMemo } from 'preact/hooks';
import { planDay } from '../../../domain/my-day';
import { orphaned } from '../../../domain/snapshot';
import { plural } from '../../../domain/text';
import { todayIndex } from '../../../domain/today';
import { UNKNOWN_BUILDING } from '../../../domain/venue/types';
import { useStore } from '../../../state/context';
import { dayLabel } from '../../format';
import { buildingOfRoom, dayMonth } from '../../places';
import { href, route } from '../../router';
import { type Bookmark, Orphans } from './Orphans';
import { PlanMoveRow, PlanTalkRow } from './PlanRows';
import './MyDay.css';

/** The My day view. */
export default function MyDay() {
  const store = useStore();
  const conference = store.conference.value;
  const venue = store.venue.value;
  const bookmarks = store.bookmarks.value;
  const byKey = store.talksByKey.value;
  const now = store.clock.now.value;
  const attended = store.notes.attended.value;
  const building = useMemo(
    () => (conference ? buildingOfRoom(conference) : () => UNKNOWN_BUILDING),
    [conference],
  );
  if (!conference) return null;
  const zone = conference.timeZone;

  const asked = route.value.params.get('day');
  const askedIndex = asked === null ? Number.NaN : Number(asked);
  const dayIndex = conference.days.some((d) => d.index === askedIndex)
    ? askedIndex
    : todayIndex(conference, now);
  const day = conference.days.find((d) => d.index === dayIndex);

  const plan = planDay(conference, bookmarks.keys(), dayIndex, venue, now, { attended });
  const orphans: Bookmark[] = orphaned(bookmarks.values(), byKey);
  const perDay = new Map<number, number>();
  for (const key of bookmarks.keys()) {
    const talk = byKey.get(key);
    if (talk) perDay.set(talk.day, (perDay.get(talk.day) ?? 0) + 1);
  }

  if (bookmarks.size === 0) {
    return (
      <div class="myday-view">
        <h1>My day</h1>
        <section class="empty-state myday-empty" aria-labelledby="myday-empty-head">
          <h2 id="myday-empty-head">No talks on your day yet</h2>
          <p>
            Tap the star{' '}
            <span class="myday-star" aria-hidden="true">
              ☆
            </span>{' '}
            next to a talk in <a href={href(['now'])}>Now</a>,{' '}
            <a href={href(['schedule'])}>Schedule</a> or <a href={href(['search'])}>Search</a> to
            add it here.
          </p>
          <p class="muted">
            Plan B lists your talks in time order, warns when two overlap or when the walk to the
            next building is longer than the break, and shows your free time. It all works offline.
          </p>
        </section>
      </div>
    );
  }

  const talks = plan.items.filter((i) => i.kind === 'talk');
  const live = talks.filter((i) => !i.talk.cancelled).length;
  const cancelled = talks.length - live;
  const overlaps = plan.conflicts.filter((c) => c.kind === 'overlap').length;
  const transfers = plan.conflicts.length - overlaps;
  const summary = [plural(live, 'talk')];
  if (cancelled) summary.push(`${cancelled} cancelled`);
  if (overlaps) summary.push(plural(overlaps, 'overlap'));
  if (transfers) summary.push(plural(transfers, 'tight transfer'));
  if (live > 1 && plan.conflicts.length === 0) summary.push('no conflicts');
  const dayName = day ? dayMonth(day.start, zone, now) : '';

  return (
    <div class="myday-view">
      <h1>My day</h1>
      {conference.days.length > 1 && (
        <nav aria-label="Conference days">
          <ul class="tabs plain-list myday-tabs">
            {conference.days.map((d) => {
              const n = perDay.get(d.index) ?? 0;
              return (
                <li key={d.index}>
                  <a
                    href={href(['my-day'], { day: d.index })}
                    aria-current={d.index === dayIndex ? 'page' : undefined}
                  >
                    {dayLabel(d, zone)}
                    <span class="myday-tab-count" aria-hidden="true">
                      {n}
                    </span>
                    <span class="visually-hidden">, {plural(n, 'talk')} starred</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
      )}

      <section class="myday-plan" aria-labelledby="myday-day-head">
        {/* With day tabs the chosen tab shows the day: the heading is for screen readers. */}
        <h2
          id="myday-day-head"
          class={conference.days.length > 1 ? 'visually-hidden' : 'myday-day-head'}
        >
          {dayName}
        </h2>
        {talks.length > 0 && (
          <p class={`myday-summary${plan.conflicts.length ? ' myday-summary-warn' : ''}`}>
            {summary.join(' · ')}
          </p>
        )}
        {talks.length === 0 ? (
          <p class="empty">
            Nothing starred for {dayName || 'this day'}. Add talks from the{' '}
            <a href={href(['schedule'])}>schedule</a> with their star.
          </p>
        ) : (
          <ol class="plain-list myday-list">
            {plan.items.map((item) =>
              item.kind === 'talk' ? (
                <PlanTalkRow
                  key={item.talk.key}
                  item={item}
                  now={now}
                  zone={zone}
                  byKey={byKey}
                  attended={attended}
                  building={building}
                  venue={venue}
                />
              ) : (
                <PlanMoveRow key={`move-${item.to.key}`} move={item} />
              ),
            )}
          </ol>
        )}
      </section>

      <Orphans orphans={orphans} zone={zone} />
    </div>
  );
}
