/**
 * Settings → Time travel: pretend it is another moment (venue time), to explore a past
 * conference as if it were Saturday 11:00, or to demo Plan B. The date and time are read in the
 * VENUE's zone, never the phone's: a phone set to New York still gets 11:00 in Brussels.
 */
import { useMemo, useState } from 'preact/hooks';
import type { Conference } from '../../../domain/model';
import { parseVenueDateTime, toVenueIso } from '../../../domain/time';
import { useStore } from '../../../state/context';
import { shortDay, timeOf } from '../../format';
import { SettingsSection } from './SettingsSection';

/** One quick choice of pretend time. */
interface QuickPick {
  label: string;
  instant: number;
}

/** "2020-02-01T11:00": what a datetime-local input shows for an instant, in venue time. */
function venueLocalInput(instant: number, zone: string): string {
  return toVenueIso(instant, zone).slice(0, 16);
}

/** First day at 11:00, then each day's first talk; no duplicates. */
function quickPicks(conference: Conference): QuickPick[] {
  const zone = conference.timeZone;
  const picks: QuickPick[] = [];
  const first = conference.days[0];
  const eleven = first ? parseVenueDateTime(`${first.date}T11:00`, zone) : undefined;
  if (eleven !== undefined)
    picks.push({ label: `${shortDay(eleven, zone)} 11:00`, instant: eleven });
  for (const day of conference.days) {
    if (picks.some((p) => p.instant === day.start)) continue;
    picks.push({
      label: `${shortDay(day.start, zone)} ${timeOf(day.start, zone)}, first talk`,
      instant: day.start,
    });
  }
  return picks;
}

/** True when `instant` is more than a day away from every day of the conference. */
function outsideConference(conference: Conference, instant: number): boolean {
  const first = conference.days[0];
  const last = conference.days[conference.days.length - 1];
  if (!first || !last) return false;
  return instant < first.start - 86_400_000 || instant > last.end + 86_400_000;
}

function deviceZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** The time travel section (id "clock": the clock badge links here). */
export function TimeTravel() {
  const store = useStore();
  const conference = store.conference.value;
  const zone = conference?.timeZone;
  const now = store.clock.now.value;
  const real = store.clock.isReal.value;
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const picks = useMemo(() => (conference ? quickPicks(conference) : []), [conference]);

  async function pretend(instant: number | null) {
    setError(null);
    try {
      await store.setPretendTime(instant);
    } catch (e) {
      // The clock is set in this page; only remembering it failed (a full disk, most likely).
      setDone(null);
      setError(
        `${(e as Error).message} The clock is set for now, but Plan B will not remember it when opened again.`,
      );
      return;
    }
    setDraft(null);
    setDone(
      instant === null || !zone
        ? 'Back to real time.'
        : `The clock is set to ${shortDay(instant, zone)} ${timeOf(instant, zone)}, venue time. It keeps running from there.`,
    );
  }

  function onSubmit(event: Event) {
    event.preventDefault();
    if (!zone) return;
    const text = (draft ?? '').trim() || venueLocalInput(now, zone);
    const instant = parseVenueDateTime(text, zone);
    if (instant === undefined) {
      setDone(null);
      setError(
        `“${text}” is not a date and time: pick both, for example ${venueLocalInput(picks[0]?.instant ?? now, zone).replace('T', ' ')}.`,
      );
      return;
    }
    void pretend(instant);
  }

  const phoneZone = deviceZone();
  const example = zone && picks[0] ? venueLocalInput(picks[0].instant, zone) : '2020-02-01T11:00';
  const exampleHref = `${typeof location === 'undefined' ? '/' : location.pathname}?now=${example}#/now`;

  return (
    <SettingsSection id="clock" title="Time travel">
      <p class={real ? 'settings-clock' : 'settings-clock settings-clock-pretend'}>
        {real ? (
          <>
            <strong>The clock is real.</strong>
            {zone && ` At the venue it is ${shortDay(now, zone)} ${timeOf(now, zone)}.`}
          </>
        ) : (
          <>
            <strong>The clock is not real:</strong> Plan B pretends it is{' '}
            {zone ? `${shortDay(now, zone)} ${timeOf(now, zone)}` : 'another time'} at the venue.
            {conference && outsideConference(conference, now) && (
              <> That is not during {conference.title}: pick one of its days below.</>
            )}
          </>
        )}
      </p>
      <p class="muted">
        Pretend it is another moment to explore a past conference as if you were there, or to try
        Plan B before the event. “Now”, “next” and your day follow the pretend clock, which keeps
        running from the time you set.
      </p>
      {zone ? (
        <>
          <form class="settings-field" onSubmit={onSubmit} noValidate>
            <label for="settings-now">Pretend it is (venue time, {zone})</label>
            {phoneZone && phoneZone !== zone && (
              <span id="settings-now-help" class="settings-help">
                Not your device's time zone ({phoneZone}).
              </span>
            )}
            <div class="settings-inline">
              <input
                id="settings-now"
                type="datetime-local"
                step={60}
                value={draft ?? venueLocalInput(now, zone)}
                aria-describedby={phoneZone && phoneZone !== zone ? 'settings-now-help' : undefined}
                aria-invalid={error ? true : undefined}
                onInput={(e) => setDraft(e.currentTarget.value)}
              />
              <button type="submit" class="button">
                Set the clock
              </button>
            </div>
          </form>
          {picks.length > 0 && (
            <fieldset class="settings-picks">
              <legend>Quick picks</legend>
              {picks.map((p) => (
                <button
                  key={p.instant}
                  type="button"
                  class="button button-quiet"
                  onClick={() => void pretend(p.instant)}
                >
                  {p.label}
                </button>
              ))}
            </fieldset>
          )}
        </>
      ) : (
        <p class="muted">Load a schedule first: the clock follows the venue's time zone.</p>
      )}
      {!real && (
        <p>
          <button type="button" class="button" onClick={() => void pretend(null)}>
            Back to real time
          </button>
        </p>
      )}
      {error && (
        <p class="settings-message settings-message-error" role="alert">
          {error}
        </p>
      )}
      <p class="settings-message settings-message-ok" role="status">
        {done}
      </p>
      <p class="muted">
        The address can set it too: add <code>?now={example}</code> (venue time) before the{' '}
        <code>#</code>, as in{' '}
        <a href={exampleHref}>
          <code>?now={example}</code>
        </a>
        . Opening that link sets the clock until you come back here.
      </p>
    </SettingsSection>
  );
}
