/**
 * The "stay or go" card in Now: when a talk the attendee is in is ending — a starred talk that
 * is on, or the talk in the room they just reported from — what is next here, whether to stay
 * for it or leave for their next starred talk, and a warning when the room they leave is full
 * (they may not get back in) or the one they head for is.
 */

import type { Talk } from '../../domain/model';
import { stayOrGo } from '../../domain/planb';
import { MINUTE } from '../../domain/time';
import { useStore } from '../../state/context';
import { minutesText } from '../format';
import { href } from '../router';
import './crowd.css';

/** The card shows once the talk has at most this many minutes left. */
export const ENDING_MINUTES = 20;
/** A report counts as "I am in this room" when made at most this long before the talk began. */
const REPORT_LEAD_MINUTES = 10;

/** The card, or nothing when the attendee is in no talk that is ending. */
export function StayOrGo({
  at,
  live,
  running,
}: {
  at: number;
  live: boolean;
  running: readonly Talk[];
}) {
  const store = useStore();
  const conference = store.conference.value;
  const bookmarks = store.bookmarks.value;
  const crowd = store.crowd;
  if (!conference) return null;
  const ending = running.filter(
    (t) => !t.cancelled && t.end > at && t.end - at <= ENDING_MINUTES * MINUTE,
  );
  let here = ending.find((t) => bookmarks.has(t.key));
  if (!here && live) {
    // The room of this phone's latest report, if it was made during (or just before) the talk.
    // Report times are real; the talk's are on the app clock: compare how long ago each was.
    const latest = crowd.mine.value.at(-1);
    if (latest) {
      const reportedAgo = crowd.realNow.value - latest.at;
      here = ending.find((t) => {
        const slug = conference.rooms.find((r) => r.name === t.room)?.slug;
        return slug === latest.room && reportedAgo <= at - t.start + REPORT_LEAD_MINUTES * MINUTE;
      });
    }
  }
  if (!here) return null;
  const advice = stayOrGo({
    now: at,
    conference,
    venue: store.venue.value,
    fullness: crowd.forEngine.value,
    bookmarks: new Set(bookmarks.keys()),
    room: here.room,
  });
  if (advice.kind === 'none' && !advice.nextHere) return null;
  const next = advice.kind === 'go' ? advice.nextWanted : (advice.nextWanted ?? advice.nextHere);
  const left = minutesText(Math.max(MINUTE, here.end - at));
  return (
    <section class={`card stay-or-go stay-or-go-${advice.kind}`} aria-labelledby="stay-or-go-title">
      <h2 id="stay-or-go-title">Stay or go?</h2>
      <p class="stay-or-go-context">
        <strong>{here.title}</strong> ends in {left} ({here.room}).
      </p>
      <p class="stay-or-go-advice">{advice.message}</p>
      {advice.warning && (
        <p class="stay-or-go-warning">
          <strong>Careful:</strong> {advice.warning}
        </p>
      )}
      {next && next !== here && (
        <p class="stay-or-go-next">
          <a href={href(['talk', next.key])}>
            Open “{next.title}” <span aria-hidden="true">›</span>
          </a>
        </p>
      )}
    </section>
  );
}
