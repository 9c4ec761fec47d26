/**
 * Settings → Schedule: what is loaded (title, source, when, how many talks), a check for
 * updates, and loading another schedule from a file or a web address. Imports go through the
 * store, which keeps the current schedule when anything fails; the failure stays on screen in
 * an alert until the next attempt.
 */

import { useMemo, useState } from 'preact/hooks';
import { describeDiff, hasChanges } from '../../../domain/diff';
import { summarizeConference } from '../../../domain/summary';
import { useStore } from '../../../state/context';
import type { Activity, ImportOutcome, ImportRequest } from '../../../state/store';
import { shortDay } from '../../format';
import { importProgress } from '../../import-progress';
import { SettingsSection } from './SettingsSection';

/** The file types the importers read (detected from the content, not the name). */
const ACCEPT = '.xml,.json,.ics,application/xml,text/xml,application/json,text/calendar';

type Origin = 'check' | 'load';
interface Message {
  origin: Origin;
  kind: 'ok' | 'info' | 'error';
  text: string;
}

const importedAtFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});

/** True for sources that can be fetched again (not a file name). */
function isWebAddress(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

/** The schedule section. */
export function ScheduleSection() {
  const store = useStore();
  const version = store.version.value;
  const conference = store.conference.value;
  const activity = store.activity.value;
  const busy = activity !== null;
  const [message, setMessage] = useState<Message | null>(null);
  const [url, setUrl] = useState('');
  const summary = useMemo(
    () => (conference ? summarizeConference(conference) : undefined),
    [conference],
  );

  async function run(
    origin: Origin,
    request: ImportRequest,
    describe: (o: ImportOutcome) => Message,
  ) {
    setMessage(null);
    try {
      setMessage(describe(await store.importSchedule(request)));
    } catch (error) {
      setMessage({ origin, kind: 'error', text: (error as Error).message });
    }
  }

  const loaded = (o: ImportOutcome): Message =>
    o.status === 'imported'
      ? {
          origin: 'load',
          kind: 'ok',
          text: `Loaded “${o.version.conference.title}”: ${talks(o.version.talkCount)} over ${days(o.version.conference.days.length)}. It is now your schedule.`,
        }
      : {
          origin: 'load',
          kind: 'info',
          text: 'This is the schedule you already have: nothing changed.',
        };

  const checked = (o: ImportOutcome): Message => {
    const upToDate = (since: string): Message => ({
      origin: 'check',
      kind: 'info',
      text: `Up to date: the schedule has not changed since ${since}.`,
    });
    if (o.status === 'not-modified')
      return upToDate(importedAtFormat.format(version?.importedAt ?? Date.now()));
    if (o.diff && !hasChanges(o.diff.counts)) return upToDate('it was last loaded');
    const changes = o.diff ? describeDiff(o.diff.counts) : undefined;
    return {
      origin: 'check',
      kind: 'ok',
      text: changes
        ? `Updated: ${changes}`
        : `Updated to the latest version (${talks(o.version.talkCount)}).`,
    };
  };

  async function onFile(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setMessage({
        origin: 'load',
        kind: 'error',
        text: `Could not read ${file.name} (${(error as Error).message}). Your current schedule is unchanged.`,
      });
      return;
    } finally {
      // Choosing the same file again (after fixing it) must fire another change.
      input.value = '';
    }
    await run('load', { kind: 'text', text, name: file.name }, loaded);
  }

  function onUrl(event: Event) {
    event.preventDefault();
    const address = url.trim();
    let valid = false;
    try {
      valid = /^https?:$/.test(new URL(address).protocol);
    } catch {
      valid = false;
    }
    if (!valid) {
      setMessage({
        origin: 'load',
        kind: 'error',
        text: `“${address || '(empty)'}” is not a web address: it should start with https://. Your current schedule is unchanged.`,
      });
      return;
    }
    void run('load', { kind: 'url', url: address }, loaded);
  }

  return (
    <SettingsSection id="schedule" title="Schedule">
      {version && conference && summary ? (
        <div class="card settings-current">
          <dl class="settings-facts">
            <dt>Conference</dt>
            <dd>{conference.title}</dd>
            <dt>Talks</dt>
            <dd>
              {talks(version.talkCount)} over {days(summary.days)}
              {conference.days.length > 0 && ` (${dateSpan(conference)})`}
              {summary.cancelled > 0 && `, ${summary.cancelled} cancelled`}
              {`, in ${summary.roomsWithTalks} rooms`}
            </dd>
            <dt>From</dt>
            <dd class="settings-source">
              {/\/api\/schedule$/.test(version.source) ? 'This Plan B server: ' : ''}
              {version.source}
            </dd>
            <dt>Loaded</dt>
            <dd>{importedAtFormat.format(version.importedAt)}</dd>
          </dl>
          {(conference.source.skippedEvents ?? 0) > 0 && (
            <p class="settings-warning">
              {conference.source.skippedEvents} events in that file had no usable time and are not
              shown.
            </p>
          )}
          {isWebAddress(version.source) ? (
            <p class="row">
              <button
                type="button"
                class="button button-quiet"
                disabled={busy}
                onClick={() =>
                  void run('check', { kind: 'url', url: version.source, ifChanged: true }, checked)
                }
              >
                Check for updates now
              </button>
            </p>
          ) : (
            <p class="muted">Loaded from a file: to update it, load the newer file below.</p>
          )}
          <Outcome message={message} origin="check" />
        </div>
      ) : (
        <p class="muted">
          No schedule is loaded yet. Load one below: Plan B keeps it on this device for use offline.
        </p>
      )}

      <h3>Load a schedule</h3>
      <p class="muted">
        It replaces the current schedule only once it has been read completely: a broken file
        changes nothing. Your bookmarks and notes are kept.
      </p>
      <div class="settings-field">
        <label for="settings-file">From a file</label>
        <span id="settings-file-help" class="settings-help">
          Pentabarf or frab XML, frab or pretalx JSON, or iCalendar (.xml, .json, .ics)
        </span>
        <input
          id="settings-file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          aria-describedby="settings-file-help"
          onChange={(e) => void onFile(e)}
        />
      </div>
      <form class="settings-field" onSubmit={onUrl} noValidate>
        <label for="settings-url">From a web address</label>
        <span id="settings-url-help" class="settings-help">
          The site must let other apps read the file; if it does not, download the file and load it
          from above.
        </span>
        <div class="settings-inline">
          <input
            id="settings-url"
            type="url"
            inputMode="url"
            autocomplete="url"
            placeholder="https://fosdem.org/2020/schedule/xml"
            value={url}
            aria-describedby="settings-url-help"
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
          <button type="submit" class="button" disabled={busy}>
            Load
          </button>
        </div>
      </form>
      {activity && <Progress activity={activity} />}
      <Outcome message={message} origin="load" />
    </SettingsSection>
  );
}

/** The last action's result: errors as an alert that stays; others in a polite live region. */
function Outcome({ message, origin }: { message: Message | null; origin: Origin }) {
  const mine = message?.origin === origin ? message : null;
  return (
    <>
      {mine?.kind === 'error' && (
        <p class="settings-message settings-message-error" role="alert">
          {mine.text}
        </p>
      )}
      <p
        class={`settings-message settings-message-${mine?.kind === 'info' ? 'info' : 'ok'}`}
        role="status"
      >
        {mine && mine.kind !== 'error' ? mine.text : ''}
      </p>
    </>
  );
}

/** Where the import is. Not a live region: the top bar's activity line announces it. */
function Progress({ activity }: { activity: Activity }) {
  const { fraction, detail } = importProgress(activity.progress);
  return (
    <div class="settings-progress">
      <progress max={1} value={fraction} aria-label={activity.label} />
      <span>
        {activity.label}: {detail}…
      </span>
    </div>
  );
}

function talks(n: number): string {
  return `${n} ${n === 1 ? 'talk' : 'talks'}`;
}

function days(n: number): string {
  return `${n} ${n === 1 ? 'day' : 'days'}`;
}

function dateSpan(conference: { days: { start: number }[]; timeZone: string }): string {
  const first = conference.days[0]!;
  const last = conference.days[conference.days.length - 1]!;
  const a = shortDay(first.start, conference.timeZone);
  return first === last ? a : `${a} – ${shortDay(last.start, conference.timeZone)}`;
}
