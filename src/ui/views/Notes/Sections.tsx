/**
 * The Notes view's tools: export the write-up (a day or the whole conference; attended,
 * bookmarked, with notes) as Markdown or ICS, by download or share; back up and restore all
 * user data; bookmark the talks of a calendar file (FOSDEM Companion or Plan B).
 */

import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { ExportFile } from '../../../domain/export/file';
import {
  ALL_EXPORT_KINDS,
  type ExportKind,
  selectForExport,
  WRITE_UP_KINDS,
} from '../../../domain/export/selection';
import { plural } from '../../../domain/text';
import { useStore } from '../../../state/context';
import type { CalendarImportResult, RestoreResult } from '../../../state/notes';
import { JumpSection } from '../../components/JumpSection';
import { dayLabel, shortDay, timeOf } from '../../format';
import { downloadFile, readChosenFile } from './files';
import { WriteUpPreview } from './Preview';

interface Message {
  kind: 'ok' | 'error';
  text: ComponentChildren;
}

const KIND_LABELS: Record<ExportKind, string> = {
  attended: 'Talks I attended',
  bookmarked: 'Talks on My day (bookmarked)',
  notes: 'Talks with notes',
};

/** A status line: role=status for news, role=alert for failures. */
function Outcome({ message }: { message: Message | null }) {
  return (
    <>
      <div class="notes-outcome" role="status">
        {message?.kind === 'ok' && <div class="notes-message-ok">{message.text}</div>}
      </div>
      {message?.kind === 'error' && (
        <div class="notes-message-error" role="alert">
          {message.text}
        </div>
      )}
    </>
  );
}

/** Export: the day, the kinds of talks, then download (Markdown, ICS) or share. */
export function ExportSection() {
  const store = useStore();
  const conference = store.conference.value!;
  const notes = store.notes.all.value;
  const bookmarks = store.bookmarks.value;
  const attended = store.notes.attended.value;
  const [day, setDay] = useState('');
  const [kinds, setKinds] = useState<readonly ExportKind[]>(WRITE_UP_KINDS);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const [preview, setPreview] = useState<ExportFile | null>(null);

  const count = useMemo(() => {
    const records = {
      notes: [...notes.values()],
      bookmarks: [...bookmarks.values()],
      attended: [...attended.values()],
    };
    const options = (k: readonly ExportKind[]) => ({ kinds: k, ...(day ? { day } : {}) });
    const size = (k: readonly ExportKind[]) => {
      if (k.length === 0) return 0;
      const s = selectForExport(conference, records, options(k));
      return s.days.reduce((n, d) => n + d.items.length, 0) + s.undated.length;
    };
    return {
      total: size(kinds),
      attended: size(['attended']),
      bookmarked: size(['bookmarked']),
      notes: size(['notes']),
    };
  }, [conference, notes, bookmarks, attended, day, kinds]);

  async function run(format: 'markdown' | 'ics', how: 'download' | 'preview') {
    setBusy(true);
    setMessage(null);
    try {
      const file: ExportFile = await store.notes.exportFile(format, {
        kinds,
        now: store.clock.now.value,
        ...(day ? { day } : {}),
      });
      if (how === 'preview') {
        setPreview(file);
      } else {
        downloadFile(file);
        setMessage({
          kind: 'ok',
          text: `Downloaded ${file.fileName} (${plural(count.total, 'talk')}).`,
        });
      }
    } catch (error) {
      setMessage({ kind: 'error', text: `Export failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (kind: ExportKind, on: boolean) =>
    setKinds(ALL_EXPORT_KINDS.filter((k) => (k === kind ? on : kinds.includes(k))));
  const disabled = busy || count.total === 0;
  const zone = conference.timeZone;

  return (
    <JumpSection headingId="notes-export" class="notes-tool" title="Export">
      <p class="muted">
        A write-up of your {conference.title}: Markdown, ready to publish (a section per day, per
        talk its speakers, time, room, links and your notes; then the bookmarked talks you missed,
        with their recordings), or ICS for your calendar.
      </p>
      <fieldset class="notes-fieldset">
        <legend>Days</legend>
        <div class="notes-choices">
          <label class="notes-choice">
            <input
              type="radio"
              name="export-day"
              value=""
              checked={day === ''}
              onChange={() => setDay('')}
            />
            Whole conference
          </label>
          {conference.days.map((d) => (
            <label key={d.date} class="notes-choice">
              <input
                type="radio"
                name="export-day"
                value={d.date}
                checked={day === d.date}
                onChange={() => setDay(d.date)}
              />
              {dayLabel(d, zone)}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset class="notes-fieldset">
        <legend>Include</legend>
        <div class="notes-choices notes-choices-column">
          {ALL_EXPORT_KINDS.map((kind) => (
            <label key={kind} class="notes-choice">
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(e) => toggle(kind, e.currentTarget.checked)}
              />
              {KIND_LABELS[kind]} <span class="muted">({count[kind]})</span>
            </label>
          ))}
        </div>
      </fieldset>
      <p class="notes-export-count" id="notes-export-count">
        {kinds.length === 0
          ? 'Choose at least one kind of talk.'
          : count.total === 0
            ? 'Nothing to export for this choice.'
            : `${plural(count.total, 'talk')} will be exported.`}
      </p>
      <div class="row notes-actions">
        <button
          type="button"
          class="button"
          disabled={disabled}
          aria-describedby="notes-export-count notes-share-help"
          aria-haspopup="dialog"
          onClick={() => void run('markdown', 'preview')}
        >
          Preview and share
        </button>
        <button
          type="button"
          class="button button-quiet"
          disabled={disabled}
          aria-describedby="notes-export-count"
          onClick={() => void run('markdown', 'download')}
        >
          Download Markdown
        </button>
        <button
          type="button"
          class="button button-quiet"
          disabled={disabled}
          aria-describedby="notes-export-count"
          onClick={() => void run('ics', 'download')}
        >
          Download ICS
        </button>
      </div>
      <p id="notes-share-help" class="notes-help">
        Preview shows the write-up as it will look once published; share it from there (mail, notes,
        a blog editor), download it or copy it.
      </p>
      {preview && (
        <WriteUpPreview
          file={preview}
          title={`${conference.title} — my notes`}
          onClose={() => setPreview(null)}
        />
      )}
      <Outcome message={message} />
    </JumpSection>
  );
}

function restoreSummary(result: RestoreResult): ComponentChildren {
  const { summary, otherConference } = result;
  const parts: string[] = [];
  const n = summary.notes;
  if (n.added) parts.push(`${plural(n.added, 'note')} added`);
  if (n.updated) parts.push(`${plural(n.updated, 'note')} updated`);
  if (summary.bookmarks.added) parts.push(`${plural(summary.bookmarks.added, 'bookmark')} added`);
  if (summary.attended.added)
    parts.push(`${plural(summary.attended.added, 'attended talk')} added`);
  if (summary.reports.added) parts.push(`${plural(summary.reports.added, 'crowd report')} added`);
  if (summary.settings.added) parts.push(`${plural(summary.settings.added, 'setting')} added`);
  const lines = [
    parts.length
      ? `Backup restored: ${parts.join(', ')}.`
      : 'Backup restored: everything in it was already on this device.',
  ];
  if (n.keptNewer) {
    lines.push(
      `${plural(n.keptNewer, 'note')} on this device ${n.keptNewer === 1 ? 'is' : 'are'} newer than in the backup and ${n.keptNewer === 1 ? 'was' : 'were'} kept.`,
    );
  }
  if (otherConference) {
    lines.push(
      `The backup was made with “${otherConference.title}”: its talks are not in the current schedule and are listed as no longer in the schedule.`,
    );
  }
  return lines.map((line) => <p key={line}>{line}</p>);
}

/** A file input drawn as a button (the input stays focusable; its label shows the focus). */
function FileButton({
  id,
  label,
  accept,
  disabled,
  describedBy,
  onFile,
  onError,
}: {
  id: string;
  label: string;
  accept: string;
  disabled: boolean;
  describedBy?: string;
  onFile(file: { name: string; text: string }): void;
  /** The chosen file could not be read (the message says why). */
  onError(message: string): void;
}) {
  return (
    <span class="notes-file">
      <input
        id={id}
        type="file"
        class="notes-file-input"
        accept={accept}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={async (e) => {
          const input = e.currentTarget;
          try {
            const file = await readChosenFile(input);
            if (file) onFile(file);
          } catch (error) {
            onError((error as Error).message);
          }
        }}
      />
      <label for={id} class="button button-quiet">
        {label}
      </label>
    </span>
  );
}

/** Backup (download JSON) and restore (merge a backup file). */
export function BackupSection() {
  const store = useStore();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  async function backup() {
    setBusy(true);
    setMessage(null);
    try {
      const file = await store.notes.backupFile();
      downloadFile(file);
      setMessage({ kind: 'ok', text: `Downloaded ${file.fileName}. Keep it somewhere safe.` });
    } catch (error) {
      setMessage({ kind: 'error', text: `The backup failed: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  }

  async function restore(file: { name: string; text: string }) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: restoreSummary(await store.notes.restore(file.text)) });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <JumpSection headingId="notes-backup" class="notes-tool" title="Backup and restore">
      <p class="muted" id="notes-backup-help">
        One file with everything you made in Plan B: bookmarks, notes, talks attended and their
        ratings, your crowd reports and settings. Restoring adds it to this device: nothing is
        deleted and a newer note is never replaced by an older one.
      </p>
      <div class="row notes-actions">
        <button type="button" class="button" disabled={busy} onClick={() => void backup()}>
          Download backup (JSON)
        </button>
        <FileButton
          id="notes-restore-file"
          label="Restore from backup…"
          accept=".json,application/json"
          disabled={busy}
          describedBy="notes-backup-help"
          onFile={(f) => void restore(f)}
          onError={(why) =>
            setMessage({
              kind: 'error',
              text: `The file could not be read (${why}). Nothing was changed.`,
            })
          }
        />
      </div>
      <Outcome message={message} />
    </JumpSection>
  );
}

function calendarSummary(result: CalendarImportResult, zone: string): ComponentChildren {
  const { added, alreadyBookmarked, unmatched } = result;
  const first =
    added.length === 0 && alreadyBookmarked.length === 0
      ? 'No talk of this schedule was found in that calendar.'
      : `Added ${plural(added.length, 'talk')} to My day${alreadyBookmarked.length ? ` (${alreadyBookmarked.length} ${alreadyBookmarked.length === 1 ? 'was' : 'were'} there already)` : ''}.`;
  const shown = unmatched.slice(0, 8);
  return (
    <>
      <p>{first}</p>
      {unmatched.length > 0 && (
        <>
          <p>
            {plural(unmatched.length, 'event')} matched no talk of the current schedule
            {unmatched.length > shown.length ? `; the first ${shown.length}:` : ':'}
          </p>
          <ul>
            {shown.map((u) => (
              <li key={u.uid}>
                {u.title || u.uid}
                {u.start ? ` (${shortDay(u.start, zone)} ${timeOf(u.start, zone)})` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Bookmarks from a FOSDEM Companion or Plan B calendar export. */
export function CalendarSection() {
  const store = useStore();
  const zone = store.conference.value!.timeZone;
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);

  async function load(file: { name: string; text: string }) {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({
        kind: 'ok',
        text: calendarSummary(await store.notes.importCalendar(file.text), zone),
      });
    } catch (error) {
      setMessage({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <JumpSection
      headingId="notes-calendar"
      class="notes-tool"
      title="Import bookmarks from a calendar"
    >
      <p class="muted" id="notes-calendar-help">
        An ICS file exported by FOSDEM Companion (its bookmarks) or by Plan B: its talks are added
        to My day, matched by id, page address or title and time.
      </p>
      <div class="row notes-actions">
        <FileButton
          id="notes-calendar-file"
          label="Choose a calendar file…"
          accept=".ics,text/calendar"
          disabled={busy}
          describedBy="notes-calendar-help"
          onFile={(f) => void load(f)}
          onError={(why) =>
            setMessage({
              kind: 'error',
              text: `The file could not be read (${why}). No bookmarks were added.`,
            })
          }
        />
      </div>
      <Outcome message={message} />
    </JumpSection>
  );
}
