/**
 * "I attended" and an optional 1–5 rating. The full control (Talk view) is a toggle button and,
 * once attended, a group of radio buttons (arrow keys move between ratings, as in any radio
 * group). The compact one (My day) asks "Did you attend?" for a bookmarked talk that is over,
 * and shows the rating once answered.
 */
import type { TalkKey } from '../../domain/model';
import { useStore } from '../../state/context';
import './AttendedControl.css';

const RATINGS = [1, 2, 3, 4, 5] as const;

/** Attendance of one talk. `compact`: the My day offer; otherwise the Talk view's control. */
export function AttendedControl({
  talkKey,
  title,
  compact = false,
}: {
  talkKey: TalkKey;
  title: string;
  compact?: boolean;
}) {
  const store = useStore();
  const notes = store.notes;
  const record = notes.attended.value.get(talkKey);
  const inSchedule = store.talksByKey.value.has(talkKey);

  if (compact) {
    if (record) {
      return (
        <div class="attended attended-compact">
          <span class="badge badge-ok">✓ Attended</span>
          <Rating talkKey={talkKey} title={title} rating={record.rating} compact />
        </div>
      );
    }
    if (!notes.toConfirm.value.has(talkKey)) return null;
    return (
      <fieldset class="attended attended-compact attended-offer">
        <legend class="visually-hidden">Did you attend “{title}”?</legend>
        <span class="attended-question" aria-hidden="true">
          Did you attend?
        </span>
        <button
          type="button"
          class="button button-quiet attended-answer"
          aria-label={`Yes, I attended “${title}”`}
          onClick={() => void notes.markAttended(talkKey)}
        >
          Yes
        </button>
        <button
          type="button"
          class="button button-quiet attended-answer"
          aria-label={`No, I did not attend “${title}”`}
          onClick={() => void notes.declineAttended(talkKey)}
        >
          No
        </button>
      </fieldset>
    );
  }

  if (!record && !inSchedule) return null;
  return (
    <div class="attended">
      <button
        type="button"
        class={`button ${record ? 'attended-on' : 'button-quiet'}`}
        aria-pressed={record !== undefined}
        onClick={() => void (record ? notes.unmarkAttended(talkKey) : notes.markAttended(talkKey))}
      >
        <span aria-hidden="true">{record ? '✓ ' : ''}</span>I attended
      </button>
      {record && <Rating talkKey={talkKey} title={title} rating={record.rating} />}
    </div>
  );
}

/** The optional rating: five radio buttons drawn as stars, and "none". */
function Rating({
  talkKey,
  title,
  rating,
  compact = false,
}: {
  talkKey: TalkKey;
  title: string;
  rating: number | undefined;
  compact?: boolean;
}) {
  const notes = useStore().notes;
  const name = `rating-${talkKey.replace(/[^\w-]/g, '_')}`;
  return (
    <fieldset class={`rating${compact ? ' rating-compact' : ''}`}>
      <legend class={compact ? 'visually-hidden' : undefined}>
        Your rating{compact ? ` of “${title}”` : ''} (optional)
      </legend>
      <div class="rating-stars">
        {RATINGS.map((n) => (
          <span key={n} class="rating-option">
            <input
              type="radio"
              class="rating-input"
              id={`${name}-${n}`}
              name={name}
              value={n}
              checked={rating === n}
              onChange={() => void notes.rate(talkKey, n)}
            />
            <label
              for={`${name}-${n}`}
              class={`rating-star${rating !== undefined && n <= rating ? ' is-lit' : ''}`}
            >
              <span aria-hidden="true">{rating !== undefined && n <= rating ? '★' : '☆'}</span>
              <span class="visually-hidden">
                {n} {n === 1 ? 'star' : 'stars'}
              </span>
            </label>
          </span>
        ))}
        {!compact && (
          <span class="rating-option">
            <input
              type="radio"
              class="rating-input"
              id={`${name}-none`}
              name={name}
              value=""
              checked={rating === undefined}
              onChange={() => void notes.rate(talkKey, null)}
            />
            <label for={`${name}-none`} class="rating-none">
              No rating
            </label>
          </span>
        )}
      </div>
    </fieldset>
  );
}
