/**
 * The rows of My day: a bookmarked talk (with the overlaps said on it, in words) and, before
 * each talk the user can attend, one line for getting there: stay, walk, or a tight transfer.
 */

import type { Talk, TalkKey } from '../../../domain/model';
import type { PlanMove, PlanTalk } from '../../../domain/my-day';
import { MINUTE } from '../../../domain/time';
import type { Venue } from '../../../domain/venue';
import { AttendedControl } from '../../components/AttendedControl';
import { BookmarkButton } from '../../components/BookmarkButton';
import { NoteLink } from '../../components/NoteEditor';
import { minutesText, spanOf } from '../../format';
import { roomAndBuilding } from '../../places';
import { href } from '../../router';
import { moveText, overlapText } from './conflict-text';

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
  attended,
  building,
  venue,
}: {
  item: PlanTalk;
  now: number;
  zone: string;
  byKey: ReadonlyMap<TalkKey, Talk>;
  attended: { has(key: TalkKey): boolean };
  building: (room: string) => string;
  venue: Venue | undefined;
}) {
  const { talk, overlaps } = item;
  const status = item.status ?? 'later';
  const classes = ['myday-item', 'myday-talk', `myday-${status}`];
  if (talk.cancelled) classes.push('myday-cancelled');
  if (overlaps.length > 0) classes.push('myday-conflicted');
  if (!item.followed && !talk.cancelled) classes.push('myday-unfollowed');
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
        <p class="myday-meta">{roomAndBuilding(talk, building, venue)}</p>
        {talk.cancelled && status !== 'past' && (
          <p class="myday-plan-b">Cancelled: open the talk for a plan B in the same slot.</p>
        )}
        {overlaps.length > 0 && (
          <ul class="plain-list myday-conflicts" aria-label={`Problems with “${talk.title}”`}>
            {overlaps.map((o) => {
              const { label, text } = overlapText(o, byKey, attended);
              return (
                <li key={o.other} class="myday-conflict myday-conflict-overlap">
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

/** Getting from one followed talk to the next: stay, walk (and free time), or a warning. */
export function PlanMoveRow({ move }: { move: PlanMove }) {
  const status = move.status ?? 'later';
  const { label, text } = moveText(move);
  const classes = ['myday-item', 'myday-move', `myday-${status}`];
  if (move.conflict) classes.push(`myday-move-warn myday-conflict-${move.conflict.kind}`);
  else if (move.stay) classes.push('myday-move-stay');
  if (move.freeLabel) classes.push('myday-move-free');
  return (
    <li class={classes.join(' ')} aria-current={status === 'now' ? 'time' : undefined}>
      <span aria-hidden="true" class="myday-move-icon">
        {move.conflict ? '⚠' : move.stay ? '↺' : '↓'}
      </span>
      <span class="myday-move-text">
        {label && <strong>{label}</strong>}
        {label && (move.conflict ? ': ' : ' ')}
        {text}
      </span>
      {status === 'now' && <span class="badge myday-status myday-status-now">Now</span>}
    </li>
  );
}
