/**
 * One talk's note being edited: the draft state machine behind store.notes.open().
 *
 * The text is kept in memory and saved about AUTOSAVE_MS after the last keystroke (and at once
 * through flush()). The status is truthful: "saved" only once the write's transaction completed.
 * Every write names the note version it replaces (notes-repo's writeNote); when another tab (or a
 * restore) changed it meanwhile, nothing is written and the draft is in conflict until the user
 * keeps theirs or loads the other one. A failed write (a full disk, a closed connection) keeps
 * the text in the draft and says why.
 */
import { batch, type ReadonlySignal, signal } from '@preact/signals';
import type { Talk, TalkKey } from '../domain/model';
import { StorageFullError } from '../storage/errors';
import { getNote, type NoteWrite, writeNote } from '../storage/notes-repo';
import type { Note, PlanBDb } from '../storage/schema';

/** How long after the last keystroke a note is saved. */
export const AUTOSAVE_MS = 500;

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

/** What a draft needs from its owner. */
export interface DraftDeps {
  db: PlanBDb;
  /** The talk of a key in the current schedule (for the note's snapshot), if it is there. */
  talk(key: TalkKey): Talk | undefined;
  /** Real time for updatedAt. */
  realNow(): number;
  /** A write of this draft landed (the owner updates its list and tells other tabs). */
  onSaved(record: Note): void;
  /** The last editor released a draft with nothing left to save: the owner may forget it. */
  onIdle(draft: DraftMachine): void;
}

/** A draft with the hooks its owner (the notes store) drives. */
export interface DraftMachine {
  readonly handle: NoteDraft;
  /** Another editor of the same talk in this tab. */
  retain(): NoteDraft;
  /** Compares the draft with the record in the database now (another tab wrote, or a restore). */
  reconcile(record: Note | undefined): Promise<void>;
  /** Stops the autosave timer (the store is disposed). */
  stop(): void;
}

/** A write that failed, with why in words for the user. */
type WriteFailure = { kind: 'failed'; message: string };

/** Writes a draft's text over version `base`; a failure is returned, not thrown. */
async function tryWrite(
  deps: DraftDeps,
  key: TalkKey,
  text: string,
  base: number | null,
  force: boolean,
): Promise<NoteWrite | WriteFailure> {
  try {
    const talk = deps.talk(key);
    const now = deps.realNow();
    return await writeNote(deps.db, key, text, { base, force, now, ...(talk ? { talk } : {}) });
  } catch (error) {
    const message =
      error instanceof StorageFullError
        ? error.message
        : `Your note could not be saved (${(error as Error)?.message ?? error}). ` +
          'Reload Plan B and try again.';
    return { kind: 'failed', message };
  }
}

/** The draft of `key`'s note; it starts loading the saved note at once. */
export function createNoteDraft(key: TalkKey, deps: DraftDeps): DraftMachine {
  const text = signal('');
  const status = signal<SaveStatus>('loading');
  const error = signal<string | null>(null);
  const conflict = signal<NoteConflict | null>(null);
  const savedAt = signal<number | null>(null);
  /** updatedAt of the record as this editor last loaded or wrote it; null when there was none. */
  let base: number | null = null;
  /** The text that `base` holds. */
  let savedText = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The write in flight, so writes never overlap. */
  let writing: Promise<void> | undefined;
  let refs = 0;

  const adopt = (record: Note | undefined) => {
    base = record?.updatedAt ?? null;
    savedText = record?.text ?? '';
    savedAt.value = record?.updatedAt ?? null;
  };
  /** Shows `record` (or no note) as saved, dropping whatever this editor had. */
  const follow = (record: Note | undefined) =>
    batch(() => {
      adopt(record);
      text.value = savedText;
      conflict.value = null;
      error.value = null;
      status.value = 'saved';
    });
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      void save(false);
    }, AUTOSAVE_MS);
  };
  const showConflict = (record: Note) =>
    batch(() => {
      conflict.value = { text: record.text, updatedAt: record.updatedAt };
      status.value = 'conflict';
    });

  const fail = (message: string) =>
    batch(() => {
      error.value = message;
      status.value = 'error';
    });
  const loading: Promise<void> = getNote(deps.db, key).then(follow, (e: Error) =>
    fail(`Your note could not be read (${e?.message ?? e}). Reload Plan B.`),
  );

  async function save(force: boolean): Promise<void> {
    clearTimer();
    await loading;
    while (writing) await writing;
    if (conflict.value && !force) return;
    const value = text.value;
    if (!force && value === savedText && status.value !== 'error') {
      if (status.value !== 'loading') status.value = 'saved';
      return;
    }
    status.value = 'saving';
    const run = (async () => {
      const result = await tryWrite(deps, key, value, base, force);
      if (result.kind === 'conflict') return showConflict(result.record);
      if (result.kind === 'failed') return fail(result.message);
      batch(() => {
        adopt(result.record);
        error.value = null;
        conflict.value = null;
        status.value = text.value === value ? 'saved' : 'unsaved';
      });
      deps.onSaved(result.record);
      if (status.value === 'unsaved') schedule();
    })();
    writing = run;
    try {
      await run;
    } finally {
      writing = undefined;
    }
  }

  const handle: NoteDraft = {
    key,
    text,
    status,
    error,
    conflict,
    savedAt,
    edit(next) {
      if (status.value === 'loading') return;
      text.value = next;
      if (conflict.value) return;
      if (status.value !== 'error') status.value = 'unsaved';
      schedule();
    },
    flush() {
      const idle = timer === undefined && writing === undefined;
      if (idle && status.value !== 'unsaved' && status.value !== 'error') return Promise.resolve();
      return save(false);
    },
    keepMine: () => save(true),
    async loadTheirs() {
      clearTimer();
      follow(await getNote(deps.db, key));
    },
    release() {
      refs -= 1;
      void handle.flush().finally(() => {
        const safe = text.value === savedText && !conflict.value && !error.value;
        if (refs <= 0 && safe && timer === undefined && !writing) deps.onIdle(machine);
      });
    },
  };

  const machine: DraftMachine = {
    handle,
    retain() {
      refs += 1;
      return handle;
    },
    async reconcile(record) {
      await loading;
      if (writing) await writing;
      if (!record || record.updatedAt === base) return;
      const clean = text.value === savedText && conflict.value === null && timer === undefined;
      if ((clean && status.value !== 'error') || record.text === text.value) {
        // Untouched: follow the other tab. Or both tabs wrote the same text: nothing to choose.
        follow(record);
      } else {
        clearTimer();
        showConflict(record);
      }
    },
    stop: clearTimer,
  };
  return machine;
}
