/** The rows of My day: a bookmarked talk (with its conflicts, in words) and free time. */

import type { Talk, TalkKey } from '../../../domain/model';
import type { PlanGap, PlanTalk } from '../../../domain/my-day';
import { formatMinutes } from '../../../domain/my-day';
import { MINUTE } from '../../../domain/time';
import type { Venue } from '../../../domain/venue';
import { AttendedControl } from '../../components/AttendedControl';
import { BookmarkButton } from '../../components/BookmarkButton';
import { NoteLink } from '../../components/NoteEditor';
import { minutesText, spanOf, timeOf } from '../../format';
import { roomAndBuilding } from '../../places';
import { href } from '../../router';
import { conflictText } from './conflict-text';

function upMinutes(ms: number): number {
  return Math.max(1, Math.ceil(ms / MINUTE)) * MINUTE;
}

/** What the row says about time: "On now · 12 min left", "Next · starts in 30 min", "Over". */
function statusText(item: PlanTalk, now: number): string | undefined {
  const { talk, status } = item;
  if (talk.cancelled) return status === 'past' ? 'Over' : undefined;
  switch (status) {
    case 'now':
      return `On now · ${minutesText(upMinutes(talk.end - now))} left`;
    case 'next':
      return `Next · starts in ${minutesText(upMinutes(talk.start - now))}`;
    case 'past':
      return 'Over';
    default:
      return undefined;
  }
}

/** One bookmarked talk of the day. */
export function PlanTalkRow({
  item,
  now,
  zone,
  byKey,
  building,
  venue,
}: {
  item: PlanTalk;
  now: number;
  zone: string;
  byKey: ReadonlyMap<TalkKey, Talk>;
  building: (room: string) => string;
  venue: Venue | undefined;
}) {
  const { talk, conflicts } = item;
  const status = item.status ?? 'later';
  const classes = ['myday-item', 'myday-talk', `myday-${status}`];
  if (talk.cancelled) classes.push('myday-cancelled');
  if (conflicts.length > 0) classes.push('myday-conflicted');
  const said = statusText(item, now);
  return (
    <li class={classes.join(' ')} aria-current={status === 'now' ? 'time' : undefined}>
      <div class="myday-talk-body">
        <p class="myday-when">
          <span class="myday-span">{spanOf(talk, zone)}</span>
          {said && <span class={`badge myday-status myday-status-${status}`}>{said}</span>}
        </p>
        <a class="myday-title" href={href(['talk', talk.key])}>
          {talk.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
          <span class="myday-title-text">{talk.title}</span>
        </a>
        <p class="myday-meta">
          {roomAndBuilding(talk, building, venue)}
          {talk.track ? ` · ${talk.track}` : ''}
        </p>
        {talk.cancelled && status !== 'past' && (
          <p class="myday-plan-b">Cancelled: open the talk for a plan B in the same slot.</p>
        )}
        {conflicts.length > 0 && (
          <ul class="plain-list myday-conflicts" aria-label={`Problems with “${talk.title}”`}>
            {conflicts.map((c) => {
              const { label, text } = conflictText(c, talk.key, byKey);
              return (
                <li
                  key={`${c.kind}:${c.first}:${c.second}`}
                  class={`myday-conflict myday-conflict-${c.kind}`}
                >
                  <span aria-hidden="true" class="myday-conflict-icon">
                    ⚠
                  </span>
                  <span>
                    <strong>{label}:</strong> {text}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <NoteLink
          talkKey={talk.key}
          offerNew={!talk.cancelled && (status === 'now' || status === 'past')}
        />
        <AttendedControl talkKey={talk.key} title={talk.title} compact />
      </div>
      <BookmarkButton talk={talk} />
    </li>
  );
}

/** Free time between two bookmarked talks. */
export function PlanGapRow({ gap, zone }: { gap: PlanGap; zone: string }) {
  const status = gap.status ?? 'later';
  return (
    <li
      class={`myday-item myday-gap myday-${status}`}
      aria-current={status === 'now' ? 'time' : undefined}
    >
      <span class="myday-gap-text">
        Free {timeOf(gap.start, zone)}–{timeOf(gap.end, zone)}
      </span>{' '}
      <span class="myday-gap-length">({formatMinutes(gap.minutes)})</span>
      {status === 'now' && <span class="badge myday-status myday-status-now">Now</span>}
    </li>
  );
}
