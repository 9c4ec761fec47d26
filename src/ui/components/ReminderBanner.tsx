/**
 * Reminders inside the app while it is open: shown when push cannot deliver them (no permission,
 * no support, offline, or the relay did not get the times), each until its talk starts or it is
 * dismissed. The live region is always there so a new reminder is announced.
 */
import { reminderText } from '../../domain/reminders';
import { useStore } from '../../state/context';
import { href } from '../router';
import './ReminderBanner.css';

/** The due reminders, above the current view. */
export function ReminderBanner() {
  const store = useStore();
  const due = store.reminders.due.value;
  const venue = store.venue.value;
  const now = store.clock.now.value;
  return (
    <div class="reminder-banner" aria-live="polite">
      {due.map(({ reminder, talk }) => {
        const text = reminderText(reminder, talk, venue, Math.min(now, talk.start));
        return (
          <div
            key={`${reminder.talk}@${reminder.at}`}
            class={`reminder${reminder.leaveNow ? ' reminder-leave' : ''}`}
            role="status"
          >
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
              <path
                d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0"
                fill="none"
                stroke="currentColor"
                stroke-width="1.8"
                stroke-linejoin="round"
              />
            </svg>
            <div class="reminder-text">
              <a href={href(['talk', talk.key])}>{text.title}</a>
              <span>{text.body}</span>
            </div>
            <button
              type="button"
              class="notice-close"
              aria-label={`Dismiss the reminder for “${talk.title}”`}
              onClick={() => store.reminders.dismiss(reminder)}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
