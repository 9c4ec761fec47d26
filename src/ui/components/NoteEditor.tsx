/**
 * The notes editor of one talk: plain text with Markdown, saved on this device as you type
 * (store.notes drafts: about 0.5 s after the last keystroke, and on leaving the field or the
 * page). The status line says truthfully where the text is; a failed save or a change made in
 * another tab is shown as an alert, and the text always stays in the editor.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TalkKey } from '../../domain/model';
import { useStore } from '../../state/context';
import type { NoteDraft, SaveStatus } from '../../state/notes';
import { href } from '../router';
import './NoteEditor.css';

const STATUS_TEXT: Record<SaveStatus, string> = {
  loading: 'Opening your note…',
  saved: 'Saved on this device',
  unsaved: 'Not saved yet…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Not saved: changed in another tab',
};

/** A labelled note editor; `autoFocus` puts the caret in it (from a "Take notes" link). */
export function NoteEditor({
  talkKey,
  title,
  autoFocus = false,
}: {
  talkKey: TalkKey;
  /** The talk's title, for the accessible name of the buttons. */
  title: string;
  autoFocus?: boolean;
}) {
  const store = useStore();
  const draft = useMemo(() => store.notes.open(talkKey), [store, talkKey]);
  useEffect(() => () => draft.release(), [draft]);
  const area = useRef<HTMLTextAreaElement>(null);
  const loading = draft.status.value === 'loading';
  useEffect(() => {
    if (!autoFocus || loading) return;
    // After the shell has moved focus to <main> for the new route.
    const timer = setTimeout(() => {
      area.current?.focus({ preventScroll: true });
      area.current?.scrollIntoView({ block: 'center' });
    }, 50);
    return () => clearTimeout(timer);
  }, [autoFocus, loading]);

  const id = `note-${talkKey.replace(/[^\w-]/g, '_')}`;
  const status = draft.status.value;
  const text = draft.text.value;
  const empty = status === 'saved' && !text && draft.savedAt.value === null;
  return (
    <section class="note-editor" aria-labelledby={`${id}-label`}>
      <h2 class="note-editor-head">
        <label id={`${id}-label`} for={id}>
          Your notes
        </label>
      </h2>
      <p id={`${id}-hint`} class="note-hint">
        Markdown works: <code>- item</code> for lists, <code>[text](https://…)</code> for links,{' '}
        <code>```</code> on lines before and after a code block.
      </p>
      <textarea
        ref={area}
        id={id}
        class="note-text"
        value={text}
        rows={8}
        readOnly={loading}
        aria-busy={loading}
        aria-describedby={`${id}-hint ${id}-status`}
        placeholder={'What to try, a link, a takeaway…\n\n```\npodman pod create --name mypod\n```'}
        spellcheck={true}
        onInput={(e) => draft.edit(e.currentTarget.value)}
        onBlur={() => void draft.flush()}
      />
      <p id={`${id}-status`} class={`note-status note-status-${status}`} role="status">
        {status === 'saved' && !empty && (
          <span aria-hidden="true" class="note-status-icon">
            ✓{' '}
          </span>
        )}
        {empty ? 'Saved on this device as you type, also offline.' : STATUS_TEXT[status]}
      </p>
      {draft.error.value && status === 'error' && <SaveError draft={draft} title={title} />}
      {draft.conflict.value && <Conflict draft={draft} title={title} />}
    </section>
  );
}

function SaveError({ draft, title }: { draft: NoteDraft; title: string }) {
  return (
    <div class="note-alert note-alert-error" role="alert">
      <p>{draft.error.value}</p>
      <p>Your text is still here and Plan B keeps trying while you type.</p>
      <div class="row">
        <button
          type="button"
          class="button button-quiet"
          onClick={() => void draft.flush()}
          aria-label={`Try again to save your notes on “${title}”`}
        >
          Try again
        </button>
        <CopyButton text={draft.text.value} />
      </div>
    </div>
  );
}

function Conflict({ draft, title }: { draft: NoteDraft; title: string }) {
  const theirs = draft.conflict.value!;
  return (
    <div class="note-alert note-alert-conflict" role="alert">
      <p>
        <strong>This note was changed in another tab.</strong> Your text above is not saved yet.
        Choose which version to keep.
      </p>
      <details class="note-theirs">
        <summary>Show the other version</summary>
        <pre>{theirs.text || '(empty)'}</pre>
      </details>
      <div class="row">
        <button
          type="button"
          class="button"
          onClick={() => void draft.keepMine()}
          aria-label={`Keep mine: save my notes on “${title}” over the other version`}
        >
          Keep mine
        </button>
        <button
          type="button"
          class="button button-quiet"
          onClick={() => void draft.loadTheirs()}
          aria-label={`Load theirs: replace my text with the other version of the notes on “${title}”`}
        >
          Load theirs
        </button>
        <CopyButton text={draft.text.value} />
      </div>
    </div>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  if (typeof navigator === 'undefined' || !navigator.clipboard) return null;
  return (
    <button
      type="button"
      class="button button-quiet"
      onClick={() =>
        void navigator.clipboard.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? 'Copied' : 'Copy my text'}
    </button>
  );
}

/** The first line of a note worth showing in a list ("podman pod create …"). */
export function noteExcerpt(text: string): string {
  for (const raw of text.split('\n')) {
    const line = raw
      .replace(/^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)/, '')
      .replace(/`/g, '')
      .trim();
    if (line) return line;
  }
  return '';
}

/**
 * A link to a talk's notes for lists (My day): "Notes: <first line>" when there is a note,
 * "Take notes" when `offerNew` (a talk on now or over), else nothing.
 */
export function NoteLink({ talkKey, offerNew = false }: { talkKey: TalkKey; offerNew?: boolean }) {
  const note = useStore().notes.all.value.get(talkKey);
  const excerpt = note ? noteExcerpt(note.text) : '';
  if (!excerpt && !offerNew) return null;
  return (
    <a class="note-link" href={href(['talk', talkKey], { edit: 'notes' })}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
        <path
          d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linejoin="round"
        />
      </svg>
      <span class="note-link-text">{excerpt ? `Notes: ${excerpt}` : 'Take notes'}</span>
    </a>
  );
}
