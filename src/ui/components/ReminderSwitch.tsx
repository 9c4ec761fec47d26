/** A bookmarked talk's own reminder switch (on by default; Settings sets the minutes). */
import type { Talk } from '../../domain/model';
import { useStore } from '../../state/context';
import { href } from '../router';

/** "Remind me 5 min before", for a bookmarked talk only. */
export function ReminderSwitch({ talk }: { talk: Talk }) {
  const store = useStore();
  if (!store.bookmarks.value.has(talk.key) || talk.cancelled) return null;
  const { minutesBefore } = store.reminders.settings.value;
  if (minutesBefore === 0) {
    return (
      <p class="reminder-switch muted">
        Reminders are off (<a href={href(['settings'], { section: 'reminders' })}>Settings</a>).
      </p>
    );
  }
  return (
    <label class="reminder-switch">
      <input
        type="checkbox"
        checked={store.reminders.isOn(talk.key)}
        onChange={(e) => void store.reminders.setTalk(talk.key, e.currentTarget.checked)}
      />
      Remind me {minutesBefore} min before
    </label>
  );
}
