/**
 * Settings → Reminders: how many minutes before a bookmarked talk, and notifications (Web Push)
 * so reminders arrive with Plan B closed. Says plainly what the relay learns: only the times.
 */
import { REMINDER_MINUTES } from '../../../domain/reminders';
import { useStore } from '../../../state/context';
import { SettingsSection } from './SettingsSection';

/** The reminders section. */
export function RemindersSection() {
  const reminders = useStore().reminders;
  const { minutesBefore } = reminders.settings.value;
  const push = reminders.push.value;
  const error = reminders.syncError.value;
  return (
    <SettingsSection id="reminders" title="Reminders">
      <p>
        <label>
          Remind me before a bookmarked talk{' '}
          <select
            value={String(minutesBefore)}
            onChange={(e) => void reminders.setMinutes(Number(e.currentTarget.value))}
          >
            {REMINDER_MINUTES.map((m) => (
              <option key={m} value={String(m)}>
                {m === 0 ? 'never' : `${m} min before`}
              </option>
            ))}
          </select>
        </label>
      </p>
      <p class="muted">
        When the walk from your previous talk is longer, the reminder comes when it is time to
        leave. Each talk's page can switch its own reminder off.
      </p>
      {push === 'on' ? (
        <>
          <p>Notifications are on: reminders arrive even with Plan B closed.</p>
          {error && <p role="alert">{error}</p>}
          <p>
            <button
              type="button"
              class="button button-quiet"
              onClick={() => void reminders.disablePush()}
            >
              Turn notifications off
            </button>
          </p>
        </>
      ) : push === 'off' ? (
        <>
          <p>
            Without notifications, reminders show in Plan B only while it is open. Allow them, and
            reminders arrive even with Plan B closed.
          </p>
          <p>
            <button type="button" class="button" onClick={() => void reminders.enablePush()}>
              Allow notifications
            </button>
          </p>
        </>
      ) : push === 'denied' ? (
        <p>
          Notifications are blocked for Plan B in this browser's site settings: reminders show in
          the app while it is open.
        </p>
      ) : (
        <p>
          Here reminders cannot arrive with Plan B closed (this browser or this server has no push):
          they show in the app while it is open.
        </p>
      )}
      <p class="muted">
        Privacy: the relay is sent only the times of your reminders, never which talks. When one
        arrives, your phone looks the talk up in its own copy of the schedule.
      </p>
    </SettingsSection>
  );
}
