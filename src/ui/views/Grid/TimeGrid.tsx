/**
 * The timetable board: rooms across, time down, in one box that scrolls both ways with the room
 * names and the time axis kept in view. Only the blocks near the visible window are in the DOM
 * (FOSDEM is ~440 talks a day, the synthetic 10× schedule ~5,500), and the window is kept in
 * chunks so scrolling re-renders only when it crosses one. Each talk is a link named with its
 * time, title and room; arrow keys move between talks across the whole day.
 */

import type { CSSProperties, TargetedKeyboardEvent } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Conference } from '../../../domain/model';
import { useStore } from '../../../state/context';
import { FullnessBadge, fullnessText } from '../../components/FullnessBadge';
import { spanOf, timeOf } from '../../format';
import { href } from '../../router';
import {
  AXIS_WIDTH,
  axisMarks,
  COLUMN_WIDTH,
  columnsIn,
  type GridTalk,
  type GridWindow,
  neighbour,
  type Timetable,
  talksIn,
  yOfInstant,
} from './grid-model';
import { blockState, TalkBlock } from './TalkBlock';

/** Header rows: the buildings, then the room names (taller when fullness badges are shown). */
const BUILDING_ROW = 26;
const ROOM_ROW = 50;
const ROOM_ROW_WITH_BADGES = 84;
/** The drawn window grows in chunks beyond what is visible, so most scroll frames do no work. */
const CHUNK_X = COLUMN_WIDTH * 2;
const CHUNK_Y = 240;

const KEYS: Record<string, 'up' | 'down' | 'left' | 'right'> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

// Where each day's grid was scrolled to, so coming back from a talk finds it as it was.
const positions = new Map<string, { left: number; top: number }>();

/** The window to draw for a scroll position: the visible part plus a chunk on every side. */
function windowFor(box: HTMLElement, head: number): GridWindow {
  const width = box.clientWidth || window.innerWidth;
  const height = box.clientHeight || window.innerHeight;
  const left = box.scrollLeft;
  const top = box.scrollTop;
  return {
    left: (Math.floor(left / CHUNK_X) - 1) * CHUNK_X,
    right: (Math.floor((left + width - AXIS_WIDTH) / CHUNK_X) + 2) * CHUNK_X,
    top: (Math.floor(top / CHUNK_Y) - 1) * CHUNK_Y,
    bottom: (Math.floor((top + height - head) / CHUNK_Y) + 2) * CHUNK_Y,
  };
}

function sameWindow(a: GridWindow, b: GridWindow): boolean {
  return a.left === b.left && a.right === b.right && a.top === b.top && a.bottom === b.bottom;
}

/** The board for one day's timetable. */
export function TimeGrid({
  timetable: t,
  conference,
  label,
  jumpToNow = 0,
}: {
  timetable: Timetable;
  conference: Conference;
  /** The region's name: "Timetable grid, Saturday 3 February 2024". */
  label: string;
  /** Each new value scrolls the now line into view ("Jump to now"). */
  jumpToNow?: number;
}) {
  const store = useStore();
  const now = store.clock.now.value;
  const bookmarks = store.bookmarks.value;
  const zone = conference.timeZone;
  const box = useRef<HTMLElement>(null);
  const focused = useRef<GridTalk | undefined>(undefined);
  const pendingFocus = useRef<string | undefined>(undefined);
  // The time a walk across the rooms (left/right) started from.
  const acrossAt = useRef<number | undefined>(undefined);
  const [height, setHeight] = useState(560);
  const [win, setWin] = useState<GridWindow>({
    left: -CHUNK_X,
    right: 2 * CHUNK_X,
    top: -CHUNK_Y,
    bottom: 2 * CHUNK_Y,
  });
  const positionKey = `${conference.acronym}|${t.day.index}`;

  // Room fullness says something about now only: shown on the day that is running.
  const running = now >= t.origin - 60 * 60_000 && now < t.end;
  const fullness = running ? store.crowd.fullness.value : undefined;
  const realNow = store.crowd.realNow.value;
  const badges =
    !!fullness &&
    t.columns.some(
      (c) => c.room.slug && fullnessText(fullness.get(c.room.slug), realNow, true) !== undefined,
    );
  const head = BUILDING_ROW + (badges ? ROOM_ROW_WITH_BADGES : ROOM_ROW);
  const nowY = now >= t.origin && now < t.end ? yOfInstant(t, now) : undefined;

  const byKey = useMemo(() => {
    const map = new Map<string, GridTalk>();
    for (const c of t.columns) for (const g of c.talks) map.set(g.talk.key, g);
    return map;
  }, [t]);
  const spans = useMemo(() => new Map<string, string>(), [conference]);
  const spanText = (g: GridTalk) => {
    let s = spans.get(g.talk.key);
    if (s === undefined) {
      s = spanOf(g.talk, zone);
      spans.set(g.talk.key, s);
    }
    return s;
  };

  // The half-hour marks: labels on the axis, lines across the rooms (elements, not a gradient
  // background: a gradient as wide as 350 rooms costs the rasterizer on every new tile).
  const marks = useMemo(
    () =>
      axisMarks(t).map((m) => {
        const label = timeOf(m.at, zone);
        return { ...m, label, hour: label.endsWith(':00') };
      }),
    [t, zone],
  );

  const update = () => {
    const el = box.current;
    if (!el) return;
    const next = windowFor(el, head);
    setWin((w) => (sameWindow(w, next) ? w : next));
  };

  // The box fills the screen down to the tab bar.
  useLayoutEffect(() => {
    const fitToScreen = () => {
      const el = box.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      const tabbar = document.querySelector('.tabbar')?.getBoundingClientRect().height ?? 0;
      setHeight(Math.max(320, Math.floor(window.innerHeight - top - tabbar)));
    };
    fitToScreen();
    window.addEventListener('resize', fitToScreen);
    return () => window.removeEventListener('resize', fitToScreen);
  }, []);

  // On opening a day: where it was left, else the now line a third of the way down, else the top.
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const saved = positions.get(positionKey);
    if (saved) {
      el.scrollLeft = saved.left;
      el.scrollTop = saved.top;
    } else {
      el.scrollLeft = 0;
      el.scrollTop = nowY === undefined ? 0 : Math.max(0, nowY - (height - head) / 3);
    }
    update();
    const onScroll = () => {
      positions.set(positionKey, { left: el.scrollLeft, top: el.scrollTop });
      update();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      el.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', update);
    };
  }, [t, head]);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !jumpToNow || nowY === undefined) return;
    el.scrollTop = Math.max(0, nowY - ((el.clientHeight || height) - head) / 3);
    update();
  }, [jumpToNow]);

  // A block reached with the arrow keys is drawn first, then focused.
  useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const target = [...(box.current?.querySelectorAll<HTMLElement>('[data-talk]') ?? [])].find(
      (el) => el.dataset.talk === key,
    );
    target?.focus({ preventScroll: true });
    pendingFocus.current = undefined;
  });

  /** Scrolls the box just enough to show a block in full (below the header, beside the axis). */
  const reveal = (g: GridTalk) => {
    const el = box.current!;
    const width = (el.clientWidth || window.innerWidth) - AXIS_WIDTH;
    const visible = (el.clientHeight || height) - head;
    const left = t.columns[g.column]!.x;
    if (left < el.scrollLeft) el.scrollLeft = left;
    else if (left + COLUMN_WIDTH > el.scrollLeft + width)
      el.scrollLeft = left + COLUMN_WIDTH - width;
    if (g.top < el.scrollTop || g.height > visible) el.scrollTop = Math.max(0, g.top - 8);
    else if (g.top + g.height > el.scrollTop + visible)
      el.scrollTop = g.top + g.height - visible + 8;
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLElement>) => {
    const direction = KEYS[e.key];
    const key = (e.target as HTMLElement).dataset?.talk;
    const from = key === undefined ? undefined : byKey.get(key);
    if (!direction || !from) return;
    const across = direction === 'left' || direction === 'right';
    const at = across ? (acrossAt.current ?? from.talk.start) : undefined;
    const to = neighbour(t, from, direction, at);
    e.preventDefault();
    if (!to) return;
    acrossAt.current = at;
    focused.current = to;
    pendingFocus.current = to.talk.key;
    reveal(to);
    const next = windowFor(box.current!, head);
    // Always re-render so the focus effect runs, even when the window did not move.
    setWin((w) => (sameWindow(w, next) ? { ...w } : next));
  };

  // What to draw: the talks in the window, column by column, and the focused one wherever it is.
  const [firstColumn, endColumn] = columnsIn(t, win.left, win.right);
  const shown = new Map<number, GridTalk[]>();
  for (let c = firstColumn; c < endColumn; c++)
    shown.set(c, talksIn(t.columns[c]!, win.top, win.bottom));
  const f = focused.current;
  if (f && byKey.get(f.talk.key) === f && !shown.get(f.column)?.includes(f)) {
    shown.set(f.column, [...(shown.get(f.column) ?? []), f]);
  }
  const columnIndexes = [...shown.keys()].sort((a, b) => a - b);

  const gridStyle = { '--grid-axis': `${AXIS_WIDTH}px` } as CSSProperties;

  return (
    <section
      ref={box}
      class="grid-scroll"
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      style={{ height: `${height}px`, ...gridStyle }}
      onKeyDown={onKeyDown}
      onFocusOut={(e) => {
        if (!box.current?.contains(e.relatedTarget as Node | null)) focused.current = undefined;
      }}
      onFocusIn={(e) => {
        const key = (e.target as HTMLElement).dataset?.talk;
        // Reached another way than by the arrow keys: a new walk starts from this talk.
        if (key !== pendingFocus.current) acrossAt.current = undefined;
        focused.current = key === undefined ? undefined : byKey.get(key);
      }}
    >
      <div
        class="grid-canvas"
        style={{ width: `${AXIS_WIDTH + t.width}px`, height: `${head + t.height}px` }}
      >
        <div class="grid-head" style={{ height: `${head}px` }}>
          <div class="grid-corner" style={{ height: `${head}px` }} />
          {t.buildings
            .filter((b) => b.first < endColumn && b.first + b.count > firstColumn)
            .map((b) => (
              <div
                key={`${b.id}:${b.first}`}
                class="grid-building"
                style={{
                  left: `${AXIS_WIDTH + b.first * COLUMN_WIDTH}px`,
                  width: `${b.count * COLUMN_WIDTH}px`,
                  height: `${BUILDING_ROW}px`,
                }}
              >
                <span>{b.label}</span>
              </div>
            ))}
          {t.columns.slice(firstColumn, endColumn).map((c) => (
            <div
              key={c.room.name}
              class="grid-room"
              style={{
                left: `${AXIS_WIDTH + c.x}px`,
                top: `${BUILDING_ROW}px`,
                width: `${COLUMN_WIDTH}px`,
                height: `${head - BUILDING_ROW}px`,
              }}
            >
              {c.room.slug ? (
                <a href={href(['map', 'room', c.room.slug])}>{c.room.name}</a>
              ) : (
                <span>{c.room.name}</span>
              )}
              {badges && c.room.slug ? <FullnessBadge room={c.room.slug} compact /> : null}
            </div>
          ))}
        </div>
        <div
          class="grid-body"
          style={{ height: `${t.height}px`, width: `${AXIS_WIDTH + t.width}px` }}
        >
          {marks.map((m) => (
            <div
              key={`l:${m.at}`}
              class={m.hour ? 'grid-line grid-line-hour' : 'grid-line'}
              style={{ top: `${m.y}px` }}
            />
          ))}
          <div class="grid-axis" aria-hidden="true">
            {marks.map((m) =>
              nowY !== undefined && Math.abs(m.y - nowY) < 12 ? null : (
                <span
                  key={m.at}
                  class={m.hour ? 'grid-mark grid-hour' : 'grid-mark'}
                  style={{ top: `${m.y}px` }}
                >
                  {m.label}
                </span>
              ),
            )}
            {nowY !== undefined && (
              <span class="grid-now-label" style={{ top: `${nowY}px` }}>
                {timeOf(now, zone)}
              </span>
            )}
          </div>
          {t.buildings.slice(1).map((b) => (
            <div
              key={`d:${b.id}:${b.first}`}
              class="grid-divider"
              style={{ left: `${AXIS_WIDTH + b.first * COLUMN_WIDTH}px` }}
            />
          ))}
          {columnIndexes.map((ci) => {
            const c = t.columns[ci]!;
            // "Janson" is a room and a building: named once.
            const place =
              c.buildingName && c.buildingName !== c.room.name
                ? `${c.room.name}, ${c.buildingName}`
                : c.room.name;
            return (
              <ul
                key={c.room.name}
                class="grid-col"
                aria-label={place}
                style={{ left: `${AXIS_WIDTH + c.x}px`, width: `${COLUMN_WIDTH}px` }}
              >
                {shown.get(ci)!.map((g) => (
                  <TalkBlock
                    key={g.talk.key}
                    g={g}
                    place={place}
                    span={spanText(g)}
                    setSize={c.talks.length}
                    state={blockState(g, now)}
                    marked={bookmarks.has(g.talk.key)}
                  />
                ))}
              </ul>
            );
          })}
          {nowY !== undefined && (
            <div
              class="grid-now"
              aria-hidden="true"
              style={{ top: `${nowY}px`, left: `${AXIS_WIDTH}px`, width: `${t.width}px` }}
            />
          )}
        </div>
      </div>
    </section>
  );
}
