// After the talks, the attendee reads their notes back and turns them into a write-up: the
// Notes view lists every note by day, including one whose talk a schedule update removed, and
// exports them as Markdown or ICS by download or share. Real store, demo conference.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import NotesView from '../../src/ui/views/Notes/Notes';
import { createTestStore, DEMO_XML, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const stores: AppStore[] = [];

/** A store at `at` with notes on the given demo talks (slug → text). */
async function storeWithNotes(notes: Record<string, string>, at = '2027-02-06T18:00') {
  const store = await createTestStore({ at });
  stores.push(store);
  for (const [slug, text] of Object.entries(notes)) {
    const draft = store.notes.open(`slug:${slug}`);
    await waitFor(() => expect(draft.status.value).toBe('saved'));
    draft.edit(text);
    await draft.flush();
    draft.release();
  }
  return store;
}

/** Captures what downloadFile hands to the browser: the Blob and the file name. */
function captureDownloads() {
  const files: { name: string; type: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${n++}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    const blob = blobs.get(this.href)!;
    files.push({ name: this.download, type: blob.type, blob });
  });
  return files;
}

const CODE_NOTE =
  'Try it:\n\n```sh\npodman run --pid container:containername --name myname -d alpine\n```\n';

beforeEach(() => (route.value = parseRoute('#/notes')));
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const s of stores.splice(0)) s.dispose();
});

describe('the Notes view', () => {
  it('explains how to take notes when there are none', async () => {
    const store = await storeWithNotes({});
    renderWithStore(store, <NotesView />);
    expectShown(screen.getByRole('heading', { level: 1, name: 'Notes' }));
    expectShown(screen.getByRole('heading', { name: 'Take notes during talks' }));
    expectShown(screen.getByText(/Nothing to export for this choice/));
  });

  it('lists notes by day with time and room, and filters them', async () => {
    const store = await storeWithNotes({
      containers_pods_no_daemon: CODE_NOTE,
      keynote_welcome: 'Stay in a room you may not get back into.',
      keynote_closing: 'Twenty years of the conference.',
    });
    renderWithStore(store, <NotesView />);
    expectShown(screen.getByText(/^3 notes\./));
    const days = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(days).toEqual(['Saturday 6 February 2027', 'Sunday 7 February 2027']);
    const saturday = screen.getByRole('heading', { name: 'Saturday 6 February 2027' })
      .parentElement!;
    const titles = within(saturday)
      .getAllByRole('heading', { level: 4 })
      .map((h) => h.textContent);
    expect(titles).toEqual([
      'Welcome to the Plan B Demo Conference',
      'Pods without a daemon: from compose files to pod specs',
    ]);
    const pods = within(saturday).getByRole('link', { name: /^Pods without a daemon/ });
    expect(pods.getAttribute('href')).toBe('#/talk/slug%3Acontainers_pods_no_daemon?edit=notes');
    const item = pods.closest('li')!;
    expect(item.textContent).toContain('11:00–11:25 · UB2.252A (Lameere)');
    expect(item.querySelector('.notes-item-text')!.textContent).toBe(CODE_NOTE);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Filter your notes' }), {
      target: { value: 'CONTAINERNAME' },
    });
    expect(screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual([
      'Pods without a daemon: from compose files to pod specs',
    ]);
    expectShown(screen.getByText('1 note matches.'));
  });

  it('keeps listing and exporting a note whose talk a schedule update removed', async () => {
    const store = await storeWithNotes({
      security_ci_secrets: 'Rotate the tokens: `vault token revoke -self`',
      keynote_welcome: 'Welcome note.',
    });
    const without = DEMO_XML.replace(
      /<event id="\d+">(?:(?!<\/event>)[\s\S])*?<slug>security_ci_secrets<\/slug>[\s\S]*?<\/event>\s*/,
      '',
    );
    expect(without).not.toContain('security_ci_secrets');
    await store.importSchedule({ kind: 'text', text: without, name: 'update.xml' });
    expect(store.talksByKey.value.has('slug:security_ci_secrets')).toBe(false);

    renderWithStore(store, <NotesView />);
    expectShown(screen.getByText(/2 notes, 1 on talks no longer in the schedule/));
    const orphan = screen
      .getByRole('link', { name: 'Secrets in CI: what leaks and how' })
      .closest('li')!;
    expect(orphan.textContent).toContain('13:30–13:55 · H.1308 (Rolin)');
    expect(orphan.textContent).toContain('No longer in the schedule');
    expect(orphan.textContent).toContain('vault token revoke -self');

    const files = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(files).toHaveLength(1));
    const md = await files[0]!.blob.text();
    expect(files[0]!.name).toBe('plan-b-demo-conference-2027-notes.md');
    expect(files[0]!.type).toMatch(/^text\/markdown/);
    const headings = new MarkdownIt()
      .parse(md, {})
      .filter((t, i, all) => all[i - 1]?.type === 'heading_open' && t.type === 'inline')
      .map((t) => t.content);
    expect(headings).toContain('Secrets in CI: what leaks and how');
    expect(md).toContain('Rotate the tokens: `vault token revoke -self`');
    await screen.findByText(/Downloaded plan-b-demo-conference-2027-notes\.md \(2 talks\)/);

    fireEvent.click(screen.getByRole('button', { name: 'Download ICS' }));
    await waitFor(() => expect(files).toHaveLength(2));
    expect(files[1]!.name).toBe('plan-b-demo-conference-2027-notes.ics');
    const ics = new ICAL.Component(ICAL.parse(await files[1]!.blob.text()));
    const orphanEvent = ics
      .getAllSubcomponents('vevent')
      .find((e) => e.getFirstPropertyValue('summary') === 'Secrets in CI: what leaks and how')!;
    expect(String(orphanEvent.getFirstPropertyValue('description'))).toContain(
      'vault token revoke -self',
    );
  });

  it('exports one day and only the chosen kinds of talks', async () => {
    const store = await storeWithNotes({
      containers_pods_no_daemon: CODE_NOTE,
      keynote_closing: 'Closing words.',
    });
    await store.toggleBookmark(store.talksByKey.value.get('slug:keynote_welcome')!);
    renderWithStore(store, <NotesView />);
    // The write-up's default: talks attended or with notes; the bookmark is not one of them.
    expectShown(screen.getByText('2 talks will be exported.'));

    fireEvent.click(screen.getByRole('radio', { name: 'Sat 6 Feb' }));
    expectShown(screen.getByText('1 talk will be exported.'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Talks on My day/ }));
    expectShown(screen.getByText('2 talks will be exported.'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Talks on My day/ }));
    expectShown(screen.getByText('1 talk will be exported.'));
    fireEvent.click(screen.getByRole('checkbox', { name: /Talks with notes/ }));
    expectShown(screen.getByText('Nothing to export for this choice.'));
    expect(
      (screen.getByRole('button', { name: 'Download Markdown' }) as HTMLButtonElement).disabled,
    ).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Talks with notes/ }));

    const files = captureDownloads();
    fireEvent.click(screen.getByRole('button', { name: 'Download Markdown' }));
    await waitFor(() => expect(files).toHaveLength(1));
    expect(files[0]!.name).toBe('plan-b-demo-conference-2027-notes-2027-02-06.md');
    const md = await files[0]!.blob.text();
    expect(md).toContain('## Saturday 6 February 2027');
    expect(md).toContain('Pods without a daemon');
    expect(md).not.toContain('Closing');
    // Bookmarked, over, not attended: missed, listed apart rather than written up.
    expect(md).not.toContain('### Welcome to the Plan B Demo Conference');
    expect(md).toContain(
      '## What I missed\n\n- Welcome to the Plan B Demo Conference — Saturday 09:30, Janson',
    );
    expect(md).toContain('```sh\npodman run --pid container:containername');
  });

  it('previews the write-up rendered, then shares it as a file where the browser can', async () => {
    const store = await storeWithNotes({ containers_pods_no_daemon: CODE_NOTE });
    const share = vi.fn(async (_data: ShareData) => {});
    vi.stubGlobal('navigator', {
      ...navigator,
      share,
      canShare: (data: ShareData) => (data.files ?? []).every((f) => f.type === 'text/plain'),
    });
    renderWithStore(store, <NotesView />);
    fireEvent.click(screen.getByRole('button', { name: 'Preview and share' }));
    const preview = await screen.findByRole('dialog', { name: 'Preview' });
    const rendered = await within(preview).findByRole('article');
    expect(within(rendered).getByRole('heading', { level: 3 }).textContent).toBe(
      'Pods without a daemon: from compose files to pod specs',
    );
    expect(rendered.querySelector('pre code.language-sh')?.textContent).toContain(
      'podman run --pid container:containername',
    );
    fireEvent.click(within(preview).getByRole('button', { name: 'Share…' }));
    await waitFor(() => expect(share).toHaveBeenCalledTimes(1));
    const file = share.mock.calls[0]![0].files![0]!;
    expect(file.name).toBe('plan-b-demo-conference-2027-notes.md');
    expect(file.type).toBe('text/plain');
    expect(await file.text()).toContain('podman run --pid container:containername');
    await screen.findByText(/Shared plan-b-demo-conference-2027-notes\.md/);
  });

  it('saves a note still being typed before exporting it', async () => {
    const store = await storeWithNotes({});
    const draft = store.notes.open('slug:keynote_welcome');
    await waitFor(() => expect(draft.status.value).toBe('saved'));
    draft.edit('typed a moment ago');
    expect(draft.status.value).toBe('unsaved');
    const file = await store.notes.exportFile('markdown', { kinds: ['notes'] });
    expect(file.text).toContain('typed a moment ago');
    draft.release();
  });
});
