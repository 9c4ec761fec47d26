/**
 * The write-up as it will look once published, before it leaves the phone: the Markdown
 * rendered with markdown-it (CommonMark) and sanitized with DOMPurify, both loaded only when the
 * preview opens. From here it is shared (Web Share: the file, else its text; a download where
 * the browser cannot share), downloaded or copied. A native <dialog> opened with showModal().
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExportFile } from '../../../domain/export/file';
import { copyText, downloadFile, shareFile } from './files';

/** Markdown → safe HTML: no scripts, styles, forms or event handlers; links open apart. */
async function renderMarkdown(text: string): Promise<string> {
  const [{ default: MarkdownIt }, { default: DOMPurify }] = await Promise.all([
    import('markdown-it'),
    import('dompurify'),
  ]);
  const html = new MarkdownIt('commonmark').render(text);
  const clean = DOMPurify.sanitize(html, {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'iframe'],
    FORBID_ATTR: ['style'],
  });
  // Links leave the app in a new tab that gets no handle on it.
  const doc = new DOMParser().parseFromString(clean, 'text/html');
  for (const a of doc.querySelectorAll('a[href]')) {
    a.setAttribute('target', '_blank');
    a.setAttribute('rel', 'noopener noreferrer');
  }
  // A long command scrolls sideways: its block must be reachable from the keyboard.
  for (const pre of doc.querySelectorAll('pre')) pre.setAttribute('tabindex', '0');
  return doc.body.innerHTML;
}

/** The preview of a write-up file; `onClose` when the user is done. */
export function WriteUpPreview({
  file,
  title,
  onClose,
}: {
  file: ExportFile;
  title: string;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [html, setHtml] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) {
      try {
        d.showModal();
      } catch {
        d.setAttribute('open', '');
      }
    }
    return () => {
      if (d?.open) d.close();
    };
  }, []);
  useEffect(() => {
    renderMarkdown(file.text).then(setHtml, (e: Error) => setFailure(e.message));
  }, [file]);

  async function share() {
    setMessage(null);
    try {
      const outcome = await shareFile(file, title);
      if (outcome === 'unsupported') {
        downloadFile(file);
        setMessage({ ok: true, text: `This browser cannot share: downloaded ${file.fileName}.` });
      } else if (outcome === 'cancelled') {
        setMessage({ ok: true, text: 'Sharing cancelled.' });
      } else {
        setMessage({
          ok: true,
          text: outcome === 'shared' ? `Shared ${file.fileName}.` : 'Shared the write-up as text.',
        });
      }
    } catch (error) {
      setMessage({ ok: false, text: `Sharing failed: ${(error as Error).message}` });
    }
  }

  async function copy() {
    setMessage(null);
    const copied = await copyText(file.text);
    setMessage(
      copied
        ? { ok: true, text: 'Copied the Markdown: paste it in your blog or notes.' }
        : { ok: false, text: 'This browser did not allow copying: use Share or Download.' },
    );
  }

  return (
    <dialog
      ref={dialog}
      class="writeup-preview"
      aria-labelledby="writeup-preview-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div class="writeup-preview-head">
        <h2 id="writeup-preview-title">Preview</h2>
        <button type="button" class="button button-quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <div class="writeup-preview-body">
        {failure ? (
          <p role="alert">
            The preview could not be shown ({failure}). Share or download still work.
          </p>
        ) : html === undefined ? (
          <p aria-busy="true">Rendering…</p>
        ) : (
          <article
            class="writeup-rendered"
            aria-label={`${file.fileName}, as published`}
            // Sanitized by DOMPurify (renderMarkdown): no scripts, styles, forms or handlers.
            dangerouslySetInnerHTML={{ __html: html }}
          />
        )}
      </div>
      <div class="writeup-preview-actions">
        <div class="row">
          <button type="button" class="button" onClick={() => void share()}>
            Share…
          </button>
          <button
            type="button"
            class="button button-quiet"
            onClick={() => {
              downloadFile(file);
              setMessage({ ok: true, text: `Downloaded ${file.fileName}.` });
            }}
          >
            Download
          </button>
          <button type="button" class="button button-quiet" onClick={() => void copy()}>
            Copy
          </button>
        </div>
        <p
          role="status"
          class={message && !message.ok ? 'notes-message-error' : 'notes-message-ok'}
        >
          {message?.text ?? ''}
        </p>
      </div>
    </dialog>
  );
}
