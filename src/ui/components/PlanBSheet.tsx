/**
 * "Room full?": the Plan B sheet for one talk. While the talk runs (or is about to), its
 * livestream comes first; then 3–5 talks nearby ranked by the suggestion engine, each with its
 * reasons and walking time, one tap to star or open; the recording for later; and the buttons to
 * report the room. Works offline on what is known, and says how old that is.
 *
 * A native <dialog> opened with showModal(): the browser keeps focus inside and makes the page
 * behind inert; Escape, the Close button and a tap on the backdrop close it, and focus returns
 * to the button that opened it.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isKnownFull } from '../../domain/fullness';
import type { Talk } from '../../domain/model';
import { PLAN_B_DEFAULTS, type PlanB, planB } from '../../domain/planb';
import { MINUTE } from '../../domain/time';
import { useStore } from '../../state/context';
import { minutesText, spanOf, timeOf } from '../format';
import { href } from '../router';
import { BookmarkButton } from './BookmarkButton';
import { FreshnessNote, FullnessBadge, TalkFullness } from './FullnessBadge';
import { ReportRoom } from './ReportRoom';
import './crowd.css';

/** A talk starting within this many minutes is planned for now (the engine's "starting soon"). */
const SOON_MINUTES = PLAN_B_DEFAULTS.startsWithinMinutes;

/** The "Room full?" button and its sheet. `compact` for rows in lists. */
export function PlanBButton({ talk, compact = false }: { talk: Talk; compact?: boolean }) {
  const store = useStore();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  // A layout effect: focus is back on the button in the same task that closes the sheet, so
  // nothing (a screen reader, the next key) ever sees it land on the page body in between.
  useLayoutEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  const slug = store.conference.value?.rooms.find((r) => r.name === talk.room)?.slug;
  const full = slug ? isKnownFull(store.crowd.forEngine.value.get(slug)) : false;
  return (
    <>
      <button
        ref={button}
        type="button"
        class={`button ${full ? 'planb-open-full' : 'button-quiet'} planb-open${compact ? ' planb-open-compact' : ''}`}
        aria-haspopup="dialog"
        aria-label={compact ? `Room full? Plan B for “${talk.title}”` : undefined}
        onClick={(e) => {
          e.preventDefault();
          e.stopPropagation();
          setOpen(true);
        }}
      >
        Room full?
      </button>
      {open && <PlanBSheet talk={talk} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The sheet itself (rendered only while open). */
export function PlanBSheet({ talk, onClose }: { talk: Talk; onClose: () => void }) {
  const store = useStore();
  const crowd = store.crowd;
  const conference = store.conference.value!;
  const zone = conference.timeZone;
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const ids = { title: `${id}-title`, alt: `${id}-alt`, live: `${id}-live`, track: `${id}-track` };
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) {
      try {
        d.showModal();
      } catch {
        d.setAttribute('open', '');
      }
    }
    return () => {
      if (d.open) d.close();
    };
  }, []);

  const now = store.clock.now.value;
  const minute = Math.floor(now / MINUTE);
  const over = now >= talk.end;
  // Planning ahead (on the train): alternatives around its start, from the schedule alone —
  // today's fullness says nothing about a room this afternoon.
  const later = talk.start - now > SOON_MINUTES * MINUTE;
  const fullness = crowd.forEngine.value;
  const venue = store.venue.value;
  // Ranked once per minute and fullness change; starring a talk here does not reorder the list
  // under the finger (the star itself shows the change).
  const plan = useMemo(
    () =>
      planB({
        now: later ? talk.start : now,
        conference,
        venue: venue ?? null,
        ...(later ? {} : { fullness }),
        bookmarks: new Set(store.bookmarks.peek().keys()),
        talk,
      }),
    // `minute` stands for `now`; bookmarks are read without re-ranking on purpose.
    [talk, conference, venue, fullness, later, minute],
  );
  const room = plan.fullRoom ?? conference.rooms.find((r) => r.name === talk.room);
  const running = talk.start <= now && now < talk.end;

  return (
    <dialog
      ref={dialog}
      class="sheet planb-sheet"
      aria-labelledby={ids.title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      onClick={(e) => {
        if (e.target === dialog.current) onClose();
      }}
    >
      <div class="sheet-body">
        <div class="sheet-head">
          <h2 id={ids.title}>
            Plan B <span class="visually-hidden">for </span>
            <span class="sheet-subject">“{talk.title}”</span>
          </h2>
          <button type="button" class="button button-quiet sheet-close" onClick={onClose}>
            Close
          </button>
        </div>
        <p class="planb-where">
          {spanOf(talk, zone)} · {talk.room}
          {running ? ` · ${minutesText(talk.end - now)} left` : ''}
          {room && (
            <>
              {' '}
              <FullnessBadge room={room.slug} showUnknown />
            </>
          )}
        </p>
        <FreshnessNote />

        {plan.livestream && (
          <section class="planb-live" aria-labelledby={ids.live}>
            <h3 id={ids.live}>
              {plan.livestream.live ? 'Watch it live' : 'Watch it when it starts'}
            </h3>
            <p class="row">
              <a
                class="button planb-watch"
                href={plan.livestream.watch}
                target="_blank"
                rel="noopener noreferrer"
              >
                Livestream <span aria-hidden="true">↗</span>
              </a>
              {plan.livestream.hls && (
                <a href={plan.livestream.hls} target="_blank" rel="noopener noreferrer">
                  HLS stream (for video players)
                </a>
              )}
            </p>
          </section>
        )}

        {over ? (
          <p>This talk is over.</p>
        ) : (
          <>
            {plan.nothingRelated && !later && (
              <p class="planb-nothing">
                <strong>Nothing on this topic right now.</strong>
                {plan.livestream ? ' The livestream is the closest thing.' : ''}
              </p>
            )}
            {plan.nothingRelated && !later && <WhatElseHere plan={plan} zone={zone} ids={ids} />}
            <section aria-labelledby={ids.alt}>
              <h3 id={ids.alt}>
                {later ? `Instead, around ${timeOf(talk.start, zone)}` : 'Instead, nearby'}
              </h3>
              {later && (
                <p class="muted planb-note">
                  Starts {timeOf(talk.start, zone)}: these run then, from the schedule alone (room
                  fullness is only known on the day).
                </p>
              )}
              {plan.alternatives.length === 0 ? (
                <p class="muted">No other talk runs or starts in the next 20 minutes.</p>
              ) : (
                <ol class="plain-list planb-alternatives">
                  {plan.alternatives.map((s) => (
                    <li key={s.key} class={`planb-alt${s.topic ? ' planb-alt-related' : ''}`}>
                      <div class="planb-alt-body">
                        <a class="planb-alt-title" href={href(['talk', s.key])} onClick={onClose}>
                          {s.talk.title}
                        </a>
                        <p class="planb-alt-meta">
                          {spanOf(s.talk, zone)} · {s.room.name}{' '}
                          <TalkFullness talk={s.talk} conference={conference} />
                        </p>
                        <p class="planb-alt-reasons">
                          {s.topic && <strong class="planb-alt-topic">{s.topic.reason}</strong>}
                          {s.topic ? ' · ' : ''}
                          {s.reasons.filter((r) => r !== s.topic?.reason).join(' · ')}
                        </p>
                      </div>
                      <BookmarkButton talk={s.talk} />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {!plan.nothingRelated && !later && <WhatElseHere plan={plan} zone={zone} ids={ids} />}
          </>
        )}

        {plan.recordingLater && (
          <p class="planb-recording">
            Or watch the recording later:{' '}
            <a href={plan.recordingLater.url} target="_blank" rel="noopener noreferrer">
              {plan.recordingLater.title || 'recording'}
            </a>
          </p>
        )}

        {room && !over && !later && <ReportRoom room={room} />}
      </div>
    </dialog>
  );
}

/**
 * What serves an attendee turned away besides walking elsewhere: the full room's next talk and
 * when to queue for it, and the rest of the track today (often the closest substitutes).
 */
function WhatElseHere({ plan, zone, ids }: { plan: PlanB; zone: string; ids: { track: string } }) {
  const next = plan.nextHere;
  const track = plan.fullTalk?.track;
  if (!next && plan.laterInTrack.length === 0) return null;
  return (
    <>
      {next && (
        <p class="planb-next-here">
          Next in this room: <a href={href(['talk', next.talk.key])}>{next.talk.title}</a> at{' '}
          {timeOf(next.talk.start, zone)}, queue from {timeOf(next.queueFrom, zone)}.
        </p>
      )}
      {plan.laterInTrack.length > 0 && track && (
        <section aria-labelledby={ids.track}>
          <h3 id={ids.track}>Later today in {track}</h3>
          <ul class="plain-list planb-later">
            {plan.laterInTrack.map((t) => (
              <li key={t.key}>
                <a href={href(['talk', t.key])}>{t.title}</a>
                <span class="muted">
                  {' '}
                  · {spanOf(t, zone)} · {t.room}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * The talk page's crowd line: its room's badge (or "likely full" with what it rests on), the
 * "Room full?" button, and the report buttons while the talk is on or about to start.
 */
export function TalkPlanB({ talk }: { talk: Talk }) {
  const store = useStore();
  const conference = store.conference.value;
  if (!conference || talk.cancelled) return null;
  const now = store.clock.now.value;
  const room = conference.rooms.find((r) => r.name === talk.room);
  const atTheDoor = talk.start - now <= SOON_MINUTES * MINUTE && now < talk.end;
  return (
    <section class="talk-planb" aria-label="Room fullness and plan B">
      <p class="row talk-planb-row">
        <TalkFullness talk={talk} conference={conference} compact={false} />
        <PlanBButton talk={talk} />
      </p>
      {room && atTheDoor && <ReportRoom room={room} />}
    </section>
  );
}
