/**
 * Notes, attendance, exports and backups as the views see them (store.notes).
 *
 * A note is edited through a NoteDraft: the text is kept in memory and saved to IndexedDB about
 * 0.5 s after the last keystroke, and at once on blur, `visibilitychange` (hidden) and
 * `pagehide`. The status is truthful: "saved" only once the write's transaction completed.
 * Every write compares the note's updatedAt with the one this editor last loaded or wrote; when
 * another tab (or a restore) changed it meanwhile, nothing is written and the draft is in
 * conflict until the user keeps theirs or loads the other one. Tabs tell each other about
 * writes on the BroadcastChannel "planb-notes", so an untouched editor follows the other tab
 * and an edited one learns of the conflict before it even tries to save. A failed write (a full
 * disk, a closed connection) keeps the text in the draft and says why.
 */
import { batch, computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import type { ExportFile } from '../domain/export/file';
import type { ExportKind } from '../domain/export/selection';
import type { Conference, Talk, TalkKey } from '../domain/model';
import { listAttended, markAttended, rateAttended, unmarkAttended } from '../storage/attended-repo';
import type { CalendarImportResult, RestoreResult } from '../storage/backup-repo';
import { guardQuota, StorageFullError } from '../storage/errors';
import { listNotes } from '../storage/notes-repo';
import {
  type Attended,
  type Bookmark,
  NAMES,
  type Note,
  type PlanBDb,
  snapshotOf,
  unknownTalk,
} from '../storage/schema';
import type { Notices } from './notices';
import { getSetting, setSetting } from './settings';

export type { Attended, CalendarImportResult, Note, RestoreResult };

/** Name of the channel tabs use to tell each other about note and user-data writes. */
export const NOTES_CHANNEL = 'planb-notes';

/** How long after the last keystroke a note is saved. */
export const AUTOSAVE_MS = 500;

/** Settings key of the talks the user said they did not attend (no more "Did you attend?"). */
const DECLINED_SETTING = 'attended.declined';

/**
 * Where a draft stands. `saved`: what the editor shows is in IndexedDB. `unsaved`: typed, the
 * save is scheduled. `saving`: the write is in flight. `error`: the last write failed (see
 * `error`). `conflict`: another tab changed the note (see `conflict`); nothing is saved until
 * the user chooses.
 */
export type SaveStatus = 'loading' | 'saved' | 'unsaved' | 'saving' | 'error' | 'conflict';

/** The other tab's version of a note, when it changed under this editor. */
export interface NoteConflict {
  text: string;
  updatedAt: number;
}

/** One talk's note being edited. Views get it from store.notes.open() and release() it. */
export interface NoteDraft {
  readonly key: TalkKey;
  text: ReadonlySignal<string>;
  status: ReadonlySignal<SaveStatus>;
  /** Why the last save failed, in words for the user; null after a successful save. */
  error: ReadonlySignal<string | null>;
  conflict: ReadonlySignal<NoteConflict | null>;
  /** When the text on screen was last written (UTC ms), or null when never. */
  savedAt: ReadonlySignal<number | null>;
  /** The user typed: keeps the text and schedules a save. */
  edit(text: string): void;
  /** Saves now if anything is unsaved; resolves when the write is done (or failed). */
  flush(): Promise<void>;
  /** Resolves a conflict by writing this editor's text over the other tab's. */
  keepMine(): Promise<void>;
  /** Resolves a conflict by showing the other tab's text (this editor's text is dropped). */
  loadTheirs(): Promise<void>;
  /** The editor is gone: saves what is pending and forgets the draft once it is safe. */
  release(): void;
}

/** What to export. */
export interface ExportRequest {
  /** A venue-local date (YYYY-MM-DD); the whole conference when absent. */
  day?: string;
  kinds: readonly ExportKind[];
}

/** The notes module of the store. */
export interface NotesStore {
  /** Every saved note by talk, orphans included (empty texts too: see `withText`). */
  all: ReadonlySignal<ReadonlyMap<TalkKey, Note>>;
  /** Keys of the talks whose note has text. */
  withText: ReadonlySignal<ReadonlySet<TalkKey>>;
  /** Talks marked attended, with their rating, orphans included. */
  attended: ReadonlySignal<ReadonlyMap<TalkKey, Attended>>;
  /** Bookmarked talks that are over and neither attended nor declined: "Did you attend?". */
  toConfirm: ReadonlySignal<ReadonlySet<TalkKey>>;
  /** True once notes and attendance have been read. */
  loaded: ReadonlySignal<boolean>;
  /** (Re)reads notes, attendance and declined offers from IndexedDB. */
  refresh(): Promise<void>;
  /** The draft of a talk's note (shared by every editor of that talk in this tab). */
  open(key: TalkKey): NoteDraft;
  /** Saves every pending draft (before an export, a backup, the page going away). */
  flushAll(): Promise<void>;
  /** Marks a talk of the schedule attended; a rating (1–5) or null (none) is optional. */
  markAttended(key: TalkKey, rating?: number | null): Promise<void>;
  unmarkAttended(key: TalkKey): Promise<void>;
  /** Sets or (null) clears the rating of an attended talk. */
  rate(key: TalkKey, rating: number | null): Promise<void>;
  /** "No, I did not attend": stops offering it. */
  declineAttended(key: TalkKey): Promise<void>;
  /** The Markdown or ICS write-up, from what is saved (pending drafts are saved first). */
  exportFile(format: 'markdown' | 'ics', request: ExportRequest): Promise<ExportFile>;
  /** A backup file of everything the user made. */
  backupFile(): Promise<ExportFile>;
  /** Merges a backup (its text) into the device; throws RestoreError, and then nothing changed. */
  restore(text: string): Promise<RestoreResult>;
  /** Bookmarks the talks of a calendar file (FOSDEM Companion or Plan B ICS). */
  importCalendar(text: string): Promise<CalendarImportResult>;
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
  page?: { document: Document; window: Window } | null;
}

/** The part of BroadcastChannel this module uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

type Message =
  | { type: 'note'; from: string; key: TalkKey; updatedAt: number }
  | { type: 'user-data'; from: string };

interface DraftState {
  key: TalkKey;
  text: Signal<string>;
  status: Signal<SaveStatus>;
  error: Signal<string | null>;
  conflict: Signal<NoteConflict | null>;
  savedAt: Signal<number | null>;
  /** updatedAt of the record as this editor last loaded or wrote it; null when there was none. */
  base: number | null;
  /** The text that `base` holds. */
  savedText: string;
  timer: ReturnType<typeof setTimeout> | undefined;
  /** The write in flight, so writes never overlap. */
  writing: Promise<void> | undefined;
  loading: Promise<void>;
  refs: number;
  handle: NoteDraft;
}

type WriteResult =
  | { kind: 'saved'; record: Note }
  | { kind: 'conflict'; record: Note }
  | { kind: 'failed'; message: string };

/** Creates the notes module; call refresh() once the database is open. */
export function createNotesStore(deps: NotesDeps): NotesStore {
  const { db } = deps;
  const realNow = deps.realNow ?? (() => Date.now());
  const tab = Math.random().toString(36).slice(2);
  const all = signal<ReadonlyMap<TalkKey, Note>>(new Map());
  const attended = signal<ReadonlyMap<TalkKey, Attended>>(new Map());
  const declined = signal<ReadonlySet<TalkKey>>(new Set());
  const loaded = signal(false);
  const drafts = new Map<TalkKey, DraftState>();

  const withText = computed(
    () => new Set([...all.value.values()].filter((n) => n.text.trim()).map((n) => n.talk)),
  );
  const toConfirm = computed(() => {
    const now = deps.now.value;
    const done = attended.value;
    const no = declined.value;
    const byKey = deps.talksByKey.value;
    const keys = new Set<TalkKey>();
    for (const key of deps.bookmarks.value.keys()) {
      const talk = byKey.get(key);
      if (talk && talk.end <= now && !talk.cancelled && !done.has(key) && !no.has(key)) {
        keys.add(key);
      }
    }
    return keys;
  });

  const channel = deps.channel === undefined ? openChannel() : deps.channel;
  const onMessage = (event: MessageEvent) => {
    const message = event.data as Message | undefined;
    if (!message || message.from === tab) return;
    if (message.type === 'note') void noteChanged(message.key);
    else void userDataChanged();
  };
  channel?.addEventListener('message', onMessage);
  const post = (message: Message) => {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel: the updatedAt check still protects the note.
    }
  };

  const page =
    deps.page === undefined
      ? typeof window === 'undefined'
        ? null
        : { document, window }
      : deps.page;
  const onVisibility = () => {
    if (!page) return;
    if (page.document.visibilityState === 'hidden') void flushAll();
    else void resyncDrafts();
  };
  const onPageHide = () => void flushAll();
  page?.document.addEventListener('visibilitychange', onVisibility);
  page?.window.addEventListener('pagehide', onPageHide);

  function setNote(record: Note): void {
    const next = new Map(all.value);
    next.set(record.talk, record);
    all.value = next;
  }

  async function refresh(): Promise<void> {
    const [notes, att, no] = await Promise.all([
      listNotes(db),
      listAttended(db),
      getSetting<unknown>(db, DECLINED_SETTING),
    ]);
    batch(() => {
      all.value = new Map(notes.map((n) => [n.talk, n]));
      attended.value = new Map(att.map((a) => [a.talk, a]));
      declined.value = new Set(
        Array.isArray(no) ? no.filter((k): k is string => typeof k === 'string') : [],
      );
      loaded.value = true;
    });
  }

  /** Another tab wrote the note on `key`: follow it, or flag the conflict when we edited too. */
  async function noteChanged(key: TalkKey): Promise<void> {
    const record = await db.get(NAMES.notes, key);
    if (record) setNote(record);
    const draft = drafts.get(key);
    if (draft) await reconcile(draft, record);
  }

  async function userDataChanged(): Promise<void> {
    await Promise.all([refresh(), deps.reloadBookmarks()]);
    await resyncDrafts();
  }

  async function resyncDrafts(): Promise<void> {
    await Promise.all(
      [...drafts.values()].map(async (d) => reconcile(d, await db.get(NAMES.notes, d.key))),
    );
  }

  /** Compares a draft with the record in the database now. */
  async function reconcile(d: DraftState, record: Note | undefined): Promise<void> {
    await d.loading;
    if (d.writing) await d.writing;
    if (!record || record.updatedAt === d.base) return;
    const clean =
      d.text.value === d.savedText && d.conflict.value === null && d.timer === undefined;
    if (clean && d.status.value !== 'error') {
      batch(() => {
        d.base = record.updatedAt;
        d.savedText = record.text;
        d.text.value = record.text;
        d.savedAt.value = record.updatedAt;
        d.status.value = 'saved';
      });
    } else if (record.text === d.text.value) {
      // Both tabs wrote the same text: nothing to choose between.
      batch(() => {
        d.base = record.updatedAt;
        d.savedText = record.text;
        d.conflict.value = null;
        d.error.value = null;
        d.savedAt.value = record.updatedAt;
        d.status.value = 'saved';
      });
    } else {
      clearTimer(d);
      batch(() => {
        d.conflict.value = { text: record.text, updatedAt: record.updatedAt };
        d.status.value = 'conflict';
      });
    }
  }

  /** Writes `text` if the record is still at `base` (or always, with `force`). */
  async function write(
    key: TalkKey,
    text: string,
    base: number | null,
    force: boolean,
  ): Promise<WriteResult> {
    try {
      return await guardQuota('your note', async () => {
        const tx = db.transaction(NAMES.notes, 'readwrite');
        const current = await tx.store.get(key);
        if (current && current.updatedAt !== base && !force) {
          await tx.done;
          return { kind: 'conflict', record: current } as const;
        }
        const talk = deps.talksByKey.value.get(key);
        const record: Note = {
          ...current,
          talk: key,
          text,
          updatedAt: Math.max(realNow(), (current?.updatedAt ?? 0) + 1),
          snapshot: talk ? snapshotOf(talk) : (current?.snapshot ?? unknownTalk(key)),
        };
        await Promise.all([tx.store.put(record), tx.done]);
        return { kind: 'saved', record } as const;
      });
    } catch (error) {
      const message =
        error instanceof StorageFullError
          ? error.message
          : `Your note could not be saved (${(error as Error)?.message ?? error}). ` +
            'Reload Plan B and try again.';
      return { kind: 'failed', message };
    }
  }

  function clearTimer(d: DraftState): void {
    if (d.timer !== undefined) clearTimeout(d.timer);
    d.timer = undefined;
  }

  function schedule(d: DraftState): void {
    clearTimer(d);
    d.timer = setTimeout(() => {
      d.timer = undefined;
      void save(d, false);
    }, AUTOSAVE_MS);
  }

  async function save(d: DraftState, force: boolean): Promise<void> {
    clearTimer(d);
    await d.loading;
    while (d.writing) await d.writing;
    if (d.conflict.value && !force) return;
    const text = d.text.value;
    if (!force && text === d.savedText && d.status.value !== 'error') {
      if (d.status.value !== 'loading') d.status.value = 'saved';
      return;
    }
    d.status.value = 'saving';
    const run = (async () => {
      const result = await write(d.key, text, d.base, force);
      batch(() => {
        if (result.kind === 'saved') {
          d.base = result.record.updatedAt;
          d.savedText = text;
          d.error.value = null;
          d.conflict.value = null;
          d.savedAt.value = result.record.updatedAt;
          setNote(result.record);
          d.status.value = d.text.value === text ? 'saved' : 'unsaved';
        } else if (result.kind === 'conflict') {
          d.conflict.value = { text: result.record.text, updatedAt: result.record.updatedAt };
          d.status.value = 'conflict';
        } else {
          d.error.value = result.message;
          d.status.value = 'error';
        }
      });
      if (result.kind === 'saved') {
        post({ type: 'note', from: tab, key: d.key, updatedAt: result.record.updatedAt });
        if (d.status.value === 'unsaved') schedule(d);
      }
    })();
    d.writing = run;
    try {
      await run;
    } finally {
      d.writing = undefined;
    }
  }

  function createDraft(key: TalkKey): DraftState {
    const d: DraftState = {
      key,
      text: signal(''),
      status: signal<SaveStatus>('loading'),
      error: signal<string | null>(null),
      conflict: signal<NoteConflict | null>(null),
      savedAt: signal<number | null>(null),
      base: null,
      savedText: '',
      timer: undefined,
      writing: undefined,
      loading: Promise.resolve(),
      refs: 0,
      handle: undefined as unknown as NoteDraft,
    };
    d.loading = db.get(NAMES.notes, key).then(
      (record) => {
        batch(() => {
          if (record) {
            d.base = record.updatedAt;
            d.savedText = record.text;
            d.text.value = record.text;
            d.savedAt.value = record.updatedAt;
          }
          d.status.value = 'saved';
        });
      },
      (error: Error) => {
        batch(() => {
          d.error.value = `Your note could not be read (${error?.message ?? error}). Reload Plan B.`;
          d.status.value = 'error';
        });
      },
    );
    d.handle = {
      key,
      text: d.text,
      status: d.status,
      error: d.error,
      conflict: d.conflict,
      savedAt: d.savedAt,
      edit(text) {
        if (d.status.value === 'loading') return;
        d.text.value = text;
        if (d.conflict.value) return;
        if (d.status.value !== 'error') d.status.value = 'unsaved';
        schedule(d);
      },
      flush() {
        const pending =
          d.timer !== undefined ||
          d.status.value === 'unsaved' ||
          d.status.value === 'error' ||
          d.writing !== undefined;
        return pending ? save(d, false) : Promise.resolve();
      },
      keepMine() {
        return save(d, true);
      },
      async loadTheirs() {
        clearTimer(d);
        const record = await db.get(NAMES.notes, d.key);
        batch(() => {
          d.base = record?.updatedAt ?? null;
          d.savedText = record?.text ?? '';
          d.text.value = d.savedText;
          d.conflict.value = null;
          d.error.value = null;
          d.savedAt.value = record?.updatedAt ?? null;
          d.status.value = 'saved';
        });
      },
      release() {
        d.refs -= 1;
        void d.handle.flush().finally(() => {
          const safe = d.text.value === d.savedText && !d.conflict.value && !d.error.value;
          if (d.refs <= 0 && safe && d.timer === undefined && !d.writing) drafts.delete(key);
        });
      },
    };
    return d;
  }

  function open(key: TalkKey): NoteDraft {
    let d = drafts.get(key);
    if (!d) {
      d = createDraft(key);
      drafts.set(key, d);
    }
    d.refs += 1;
    return d.handle;
  }

  async function flushAll(): Promise<void> {
    await Promise.all([...drafts.values()].map((d) => d.handle.flush()));
  }

  async function updateAttended(
    key: TalkKey,
    change: () => Promise<Attended | undefined>,
  ): Promise<void> {
    try {
      const record = await change();
      const next = new Map(attended.value);
      if (record) next.set(key, record);
      else next.delete(key);
      attended.value = next;
      post({ type: 'user-data', from: tab });
    } catch (error) {
      deps.notices.push({ kind: 'error', text: (error as Error).message });
    }
  }

  function requireConference(): Conference {
    const conference = deps.conference.value;
    if (!conference) throw new Error('Load a schedule first.');
    return conference;
  }

  const store: NotesStore = {
    all,
    withText,
    attended,
    toConfirm,
    loaded,
    refresh,
    open,
    flushAll,
    markAttended(key, rating) {
      const talk = deps.talksByKey.value.get(key);
      if (!talk) return Promise.resolve();
      return updateAttended(key, () =>
        markAttended(db, talk, { ...(rating !== undefined ? { rating } : {}), now: realNow() }),
      );
    },
    unmarkAttended(key) {
      return updateAttended(key, async () => {
        await unmarkAttended(db, key);
        return undefined;
      });
    },
    rate(key, rating) {
      return updateAttended(key, () => rateAttended(db, key, rating));
    },
    async declineAttended(key) {
      const next = new Set(declined.value);
      next.add(key);
      declined.value = next;
      try {
        await setSetting(db, DECLINED_SETTING, [...next]);
      } catch (error) {
        deps.notices.push({ kind: 'error', text: (error as Error).message });
      }
    },
    async exportFile(format, request) {
      const conference = requireConference();
      await flushAll();
      const [{ collectUserData }, { selectForExport }, { exportDocument }] = await Promise.all([
        import('../storage/backup-repo'),
        import('../domain/export/selection'),
        import('../domain/export/file'),
      ]);
      const data = await collectUserData(db);
      const day = request.day ? { day: request.day } : {};
      const selection = selectForExport(conference, data, { ...day, kinds: request.kinds });
      return exportDocument(selection, format, { now: realNow(), ...day });
    },
    async backupFile() {
      await flushAll();
      const [{ backupUserData }, { backupFile }] = await Promise.all([
        import('../storage/backup-repo'),
        import('../domain/export/file'),
      ]);
      const conference = deps.conference.value;
      const backup = await backupUserData(db, {
        now: realNow(),
        ...(conference ? { conference } : {}),
      });
      return backupFile(backup);
    },
    async restore(text) {
      await flushAll();
      const { restoreBackup } = await import('../storage/backup-repo');
      const conference = deps.conference.value;
      const result = await restoreBackup(db, text, {
        now: realNow(),
        ...(conference ? { conference } : {}),
      });
      await userDataChanged();
      post({ type: 'user-data', from: tab });
      return result;
    },
    async importCalendar(text) {
      const conference = requireConference();
      const { importCalendarBookmarks } = await import('../storage/backup-repo');
      const result = await importCalendarBookmarks(db, conference, text, realNow());
      await deps.reloadBookmarks();
      post({ type: 'user-data', from: tab });
      return result;
    },
    dispose() {
      for (const d of drafts.values()) clearTimer(d);
      channel?.removeEventListener('message', onMessage);
      if (deps.channel === undefined) channel?.close();
      page?.document.removeEventListener('visibilitychange', onVisibility);
      page?.window.removeEventListener('pagehide', onPageHide);
    },
  };
  return store;
}

function openChannel(): ChannelLike | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  try {
    const channel = new BroadcastChannel(NOTES_CHANNEL);
    // Node (tests) keeps a process alive while a channel is open; a page does not care.
    (channel as { unref?: () => void }).unref?.();
    return channel;
  } catch {
    return null;
  }
}
