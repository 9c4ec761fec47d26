/**
 * Notes: every note the user wrote, grouped by conference day, including notes on talks that a
 * schedule update removed (shown from the snapshot the note keeps); a filter; then the talks
 * missed (watch later), the write-up (Markdown with a preview, ICS: share, download, copy), a
 * link to share one's picks, backup and restore, and bookmarks from a calendar file.
 * All of it works offline.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Conference, Talk, TalkKey } from '../../../domain/model';
import { foldText, plural } from '../../../domain/text';
import { venueDate } from '../../../domain/time';
import { useStore } from '../../../state/context';
import type { Attended, Note } from '../../../state/notes';
import { longDay, spanOf, speakersOf } from '../../format';
import { href, route } from '../../router';
import { BackupSection, CalendarSection, ExportSection } from './Sections';
import { SharePicks } from './SharePicks';
import { WatchLater } from './WatchLater';
import './Notes.css';

/** One note as the list shows it. */
interface Entry {
  key: TalkKey;
  title: string;
  start: number;
  end: number;
  room: string;
  track: string;
  speakers: string;
  cancelled: boolean;
  /** The talk is not in the current schedule: shown from the note's snapshot. */
  orphan: boolean;
  text: string;
  attended?: Attended;
}

/** A day of entries; date '' holds notes whose time was never known. */
interface Group {
  date: string;
  label: string;
  entries: Entry[];
}

function entryOf(note: Note, talk: Talk | undefined, attended: Attended | undefined): Entry {
  const shown = talk ?? note.snapshot;
  return {
    key: note.talk,
    title: shown.title,
    start: shown.start,
    end: shown.end,
    room: shown.room,
    track: shown.track,
    speakers: talk ? speakersOf(talk) : '',
    cancelled: shown.cancelled,
    orphan: !talk,
    text: note.text,
    ...(attended ? { attended } : {}),
  };
}

function groupByDay(entries: Entry[], conference: Conference): Group[] {
  const zone = conference.timeZone;
  const groups = new Map<string, Group>();
  const sorted = [...entries].sort(
    (a, b) => (a.start || Infinity) - (b.start || Infinity) || a.title.localeCompare(b.title),
  );
  for (const entry of sorted) {
    const date = entry.start > 0 ? venueDate(entry.start, zone) : '';
    let group = groups.get(date);
    if (!group) {
      group = { date, label: date ? longDay(entry.start, zone) : 'Time unknown', entries: [] };
      groups.set(date, group);
    }
    group.entries.push(entry);
  }
  return [...groups.values()];
}

/** Sections a link can land on: #/notes?section=… */
const SECTIONS = ['watch', 'export', 'picks', 'backup', 'calendar'];

/** Moves to a section of this page (hash links would change the route). */
function goTo(id: string): void {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.focus({ preventScroll: true });
}

/** The Notes view (#/notes). */
export default function NotesView() {
  const store = useStore();
  const conference = store.conference.value!;
  const notes = store.notes.all.value;
  const byKey = store.talksByKey.value;
  const attended = store.notes.attended.value;
  const [query, setQuery] = useState('');
  // #/notes?section=backup (a link from Settings) lands on that section.
  const section = route.value.params.get('section');
  useEffect(() => {
    if (!section || !SECTIONS.includes(section)) return;
    const timer = setTimeout(() => goTo(`notes-${section}`), 0);
    return () => clearTimeout(timer);
  }, [section]);

  const entries = useMemo(
    () =>
      [...notes.values()]
        .filter((n) => n.text.trim())
        .map((n) => entryOf(n, byKey.get(n.talk), attended.get(n.talk))),
    [notes, byKey, attended],
  );
  const folded = foldText(query.trim());
  const shown = folded
    ? entries.filter((e) =>
        foldText(`${e.title}\n${e.speakers}\n${e.room}\n${e.track}\n${e.text}`).includes(folded),
      )
    : entries;
  const groups = groupByDay(shown, conference);
  const orphans = entries.filter((e) => e.orphan).length;

  return (
    <div class="notes-view">
      <h1>Notes</h1>
      <p class="notes-summary muted">
        {entries.length === 0
          ? 'No notes yet.'
          : `${plural(entries.length, 'note')}${orphans ? `, ${orphans} on talks no longer in the schedule` : ''}. Saved on this device.`}
      </p>
      <div class="row notes-jump">
        <button type="button" class="button button-quiet" onClick={() => goTo('notes-watch')}>
          Watch later
        </button>
        <button type="button" class="button button-quiet" onClick={() => goTo('notes-export')}>
          Export
        </button>
        <button type="button" class="button button-quiet" onClick={() => goTo('notes-picks')}>
          Share picks
        </button>
        <button type="button" class="button button-quiet" onClick={() => goTo('notes-backup')}>
          Backup
        </button>
        <button type="button" class="button button-quiet" onClick={() => goTo('notes-calendar')}>
          Import bookmarks
        </button>
      </div>

      {entries.length === 0 ? (
        <section class="empty-state notes-empty" aria-labelledby="notes-empty-head">
          <h2 id="notes-empty-head">Take notes during talks</h2>
          <p>
            Open a talk (from <a href={href(['now'])}>Now</a> or{' '}
            <a href={href(['my-day'])}>My day</a>) and write under “Your notes”: a command to try, a
            link, a takeaway. Markdown works, code blocks included.
          </p>
          <p class="muted">
            Notes are saved on this device as you type, also offline, and stay when the schedule
            changes. Export them below as a write-up or to your calendar.
          </p>
        </section>
      ) : (
        <section aria-labelledby="notes-list-head" class="notes-list-section">
          <h2 id="notes-list-head" class="visually-hidden">
            Your notes
          </h2>
          <div class="notes-filter">
            <label for="notes-filter" class="visually-hidden">
              Filter your notes
            </label>
            <input
              id="notes-filter"
              type="search"
              value={query}
              placeholder="Filter by title, room or text"
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          {query.trim() && (
            <p class="muted notes-filter-count" role="status">
              {shown.length === 0
                ? `No note matches “${query.trim()}”.`
                : `${plural(shown.length, 'note')} ${shown.length === 1 ? 'matches' : 'match'}.`}
            </p>
          )}
          {groups.map((group) => (
            <section
              key={group.date}
              class="notes-day"
              aria-labelledby={`notes-day-${group.date || 'unknown'}`}
            >
              <h3 id={`notes-day-${group.date || 'unknown'}`} class="section-head notes-day-head">
                {group.label}
              </h3>
              <ul class="plain-list notes-list">
                {group.entries.map((e) => (
                  <NoteItem key={e.key} entry={e} zone={conference.timeZone} />
                ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      <WatchLater />
      <ExportSection />
      <SharePicks />
      <BackupSection />
      <CalendarSection />
    </div>
  );
}

/** Lines shown of a long note until "Show all". */
const PREVIEW_LINES = 10;

function NoteText({ text, title }: { text: string; title: string }) {
  const [open, setOpen] = useState(false);
  const long = text.split('\n').length > PREVIEW_LINES;
  return (
    <>
      <div class="notes-item-text">
        <div class={long && !open ? 'notes-item-clamped' : undefined}>{text}</div>
      </div>
      {long && (
        <button
          type="button"
          class="link-button notes-item-more"
          aria-expanded={open}
          aria-label={`${open ? 'Show less' : 'Show all'} of your notes on “${title}”`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Show less' : 'Show all'}
        </button>
      )}
    </>
  );
}

function NoteItem({ entry: e, zone }: { entry: Entry; zone: string }) {
  const id = `note-item-${e.key.replace(/[^\w-]/g, '_')}`;
  const when = e.start > 0 ? spanOf(e, zone) : '';
  const rating = e.attended?.rating;
  return (
    <li class={`notes-item${e.orphan ? ' notes-orphan' : ''}`}>
      <article aria-labelledby={id}>
        <h4 id={id} class="notes-item-title">
          <a href={href(['talk', e.key], { edit: 'notes' })}>
            {e.cancelled && <span class="badge badge-cancelled">Cancelled</span>}
            {e.title}
          </a>
        </h4>
        <p class="notes-item-meta">
          {[when, e.room || 'Room unknown', e.track].filter(Boolean).join(' · ')}
        </p>
        {(e.orphan || e.attended) && (
          <p class="notes-item-badges">
            {e.orphan && <span class="badge badge-warn">No longer in the schedule</span>}
            {e.attended && (
              <span class="badge badge-ok">Attended{rating ? ` · rated ${rating} of 5` : ''}</span>
            )}
          </p>
        )}
        <NoteText text={e.text} title={e.title} />
      </article>
    </li>
  );
}
