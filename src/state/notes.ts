/**
 * Notes, attendance, exports and backups as the views see them (store.notes): the note drafts
 * (state/note-draft.ts), attendance (state/attendance.ts) and the user-data tools
 * (state/user-files.ts), kept in step with other tabs (state/tab-sync.ts). A draft is saved at
 * once when the page is hidden or closed.
 */
import { batch, computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conference, Talk, TalkKey } from '../domain/model';
import { getNote, listNotes } from '../storage/notes-repo';
import type { Attended, Bookmark, Note, PlanBDb } from '../storage/schema';
import { type AttendanceStore, createAttendance } from './attendance';
import { createNoteDraft, type DraftMachine, type NoteDraft } from './note-draft';
import type { Notices } from './notices';
import { type ChannelLike, connectTabs, type PageLike } from './tab-sync';
import { createUserFiles, type UserFiles } from './user-files';

export type { NoteConflict, NoteDraft, SaveStatus } from './note-draft';
export type { CalendarImportResult, ExportRequest, RestoreResult } from './user-files';
export type { Attended, Note };

/** The notes module of the store. */
export interface NotesStore extends AttendanceStore, UserFiles {
  /** Every saved note by talk, orphans included (empty texts too: see `withText`). */
  all: ReadonlySignal<ReadonlyMap<TalkKey, Note>>;
  /** Keys of the talks whose note has text. */
  withText: ReadonlySignal<ReadonlySet<TalkKey>>;
  /** True once notes and attendance have been read. */
  loaded: ReadonlySignal<boolean>;
  /** (Re)reads notes, attendance and declined offers from IndexedDB. */
  refresh(): Promise<void>;
  /** The draft of a talk's note (shared by every editor of that talk in this tab). */
  open(key: TalkKey): NoteDraft;
  /** Saves every pending draft (before an export, a backup, the page going away). */
  flushAll(): Promise<void>;
  dispose(): void;
}

/** What the notes module needs from the store. */
export interface NotesDeps {
  db: PlanBDb;
  conference: ReadonlySignal<Conference | undefined>;
  talksByKey: ReadonlySignal<ReadonlyMap<TalkKey, Talk>>;
  bookmarks: ReadonlySignal<ReadonlyMap<TalkKey, Bookmark>>;
  /** The app's clock (pretend time included): decides which talks are over. */
  now: ReadonlySignal<number>;
  notices: Notices;
  /** Re-reads the bookmarks after a restore or a calendar import. */
  reloadBookmarks(): Promise<void>;
  /** Real time for updatedAt (tests pass their own). */
  realNow?: () => number;
  /** The channel to other tabs; null for none. Default: BroadcastChannel NOTES_CHANNEL. */
  channel?: ChannelLike | null;
  /** Where to listen for visibilitychange and pagehide; default the page's. */
  page?: PageLike | null;
}

/** Creates the notes module; call refresh() once the database is open. */
export function createNotesStore(deps: NotesDeps): NotesStore {
  const { db } = deps;
  const realNow = deps.realNow ?? (() => Date.now());
  const all = signal<ReadonlyMap<TalkKey, Note>>(new Map());
  const loaded = signal(false);
  const drafts = new Map<TalkKey, DraftMachine>();
  const withText = computed(
    () => new Set([...all.value.values()].filter((n) => n.text.trim()).map((n) => n.talk)),
  );
  const setNote = (record: Note) => {
    all.value = new Map(all.value).set(record.talk, record);
  };

  const tabs = connectTabs(
    {
      noteChanged: (key) => void noteChanged(key),
      userDataChanged: () => void userDataChanged(),
      hidden: () => void flushAll(),
      visible: () => void resyncDrafts(),
    },
    {
      ...(deps.channel !== undefined ? { channel: deps.channel } : {}),
      ...(deps.page !== undefined ? { page: deps.page } : {}),
    },
  );
  const attendance = createAttendance({ ...deps, realNow, onWritten: tabs.userDataWritten });

  async function refresh(): Promise<void> {
    const [notes] = await Promise.all([listNotes(db), attendance.refresh()]);
    batch(() => {
      all.value = new Map(notes.map((n) => [n.talk, n]));
      loaded.value = true;
    });
  }

  /** Another tab wrote the note on `key`: follow it, or flag the conflict when we edited too. */
  async function noteChanged(key: TalkKey): Promise<void> {
    const record = await getNote(db, key);
    if (record) setNote(record);
    await drafts.get(key)?.reconcile(record);
  }

  async function userDataChanged(): Promise<void> {
    await Promise.all([refresh(), deps.reloadBookmarks()]);
    await resyncDrafts();
  }

  async function resyncDrafts(): Promise<void> {
    await Promise.all(
      [...drafts.values()].map(async (d) => d.reconcile(await getNote(db, d.handle.key))),
    );
  }

  async function flushAll(): Promise<void> {
    await Promise.all([...drafts.values()].map((d) => d.handle.flush()));
  }

  const draftDeps = {
    db,
    realNow,
    talk: (key: TalkKey) => deps.talksByKey.value.get(key),
    onSaved(record: Note) {
      setNote(record);
      tabs.noteWritten(record.talk, record.updatedAt);
    },
    onIdle(draft: DraftMachine) {
      if (drafts.get(draft.handle.key) === draft) drafts.delete(draft.handle.key);
    },
  };

  const files = createUserFiles({
    db,
    conference: deps.conference,
    realNow,
    flushAll,
    async afterRestore() {
      await userDataChanged();
      tabs.userDataWritten();
    },
    async afterCalendarImport() {
      await deps.reloadBookmarks();
      tabs.userDataWritten();
    },
  });

  return {
    ...attendance,
    ...files,
    all,
    withText,
    loaded,
    refresh,
    open(key) {
      let draft = drafts.get(key);
      if (!draft) {
        draft = createNoteDraft(key, draftDeps);
        drafts.set(key, draft);
      }
      return draft.retain();
    },
    flushAll,
    dispose() {
      for (const d of drafts.values()) d.stop();
      tabs.dispose();
    },
  };
}
