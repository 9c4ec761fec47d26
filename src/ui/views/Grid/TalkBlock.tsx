/**
 * One talk on the timetable: a link at its place in its room's column, named with its time,
 * title, room and state, starred when it is in My day. Memoized: a scroll that draws new blocks
 * leaves the others alone, and so does the clock's tick unless a talk's state changes.
 */
import { memo } from 'preact/compat';
import { href } from '../../router';
import { COLUMN_WIDTH, type GridTalk } from './grid-model';

/** What the block shows beyond its time and title. */
export type BlockState = 'upcoming' | 'running' | 'past' | 'cancelled';

/** A talk's state at `now`. */
export function blockState(g: GridTalk, now: number): BlockState {
  if (g.talk.cancelled) return 'cancelled';
  if (now >= g.talk.end) return 'past';
  return now >= g.talk.start ? 'running' : 'upcoming';
}

/** A talk's block: `place` is its column's name ("K.3.401, Building K"), `span` "10:30–10:55". */
export const TalkBlock = memo(function TalkBlock({
  g,
  place,
  span,
  setSize,
  state,
  marked,
}: {
  g: GridTalk;
  place: string;
  span: string;
  setSize: number;
  state: BlockState;
  marked: boolean;
}) {
  const talk = g.talk;
  const lane = COLUMN_WIDTH / g.lanes;
  const name = [
    `${span} ${talk.title}`,
    place,
    state === 'cancelled' ? 'cancelled' : state === 'running' ? 'on now' : '',
    marked ? 'in My day' : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li
      class="grid-slot"
      aria-setsize={setSize}
      aria-posinset={g.index + 1}
      style={{
        top: `${g.top}px`,
        height: `${g.height}px`,
        left: `${g.lane * lane}px`,
        width: `${lane}px`,
      }}
    >
      <a
        class={`grid-talk is-${state}${marked ? ' is-bookmarked' : ''}`}
        href={href(['talk', talk.key])}
        data-talk={talk.key}
        aria-label={name}
      >
        <span class="grid-talk-time">
          {span}
          {marked && (
            <svg viewBox="0 0 24 24" width="12" height="12" aria-hidden="true">
              <path
                d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"
                fill="currentColor"
              />
            </svg>
          )}
        </span>{' '}
        <span class="grid-talk-title">{talk.title}</span>
      </a>
    </li>
  );
});
