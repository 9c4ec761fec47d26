// The attendee types notes during a talk, on a phone that may go offline, lose focus, be locked
// or run out of space. Each way a note could be lost has a test here: autosave (debounced, and
// at blur, visibilitychange and pagehide), a truthful "saved", a reload, another tab writing the
// same note, and a full disk. Real store on fake-indexeddb, demo conference.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openPlanBDb } from '../../src/storage/db';
import type { PlanBDb } from '../../src/storage/schema';
import { NoteEditor } from '../../src/ui/components/NoteEditor';
import { type TestStore as AppStore, createTestStore, renderWithStore } from '../support/app-store';
import { expectShown, whyHidden } from '../support/shown';

const TALK = 'slug:containers_pods_no_daemon';
const TITLE = 'Pods without a daemon: from compose files to pod specs';
const stores: AppStore[] = [];
let counter = 0;

/** A started store on the database `name` (two stores on one name: two tabs). */
async function storeOn(name: string): Promise<AppStore> {
  const store = await createTestStore({ dbName: name });
  stores.push(store);
  return store;
}

function freshName(): string {
  return `planb-notes-${Date.now()}-${counter++}`;
}

/** Lets IndexedDB (setImmediate in fake-indexeddb) and promises run until `done()` holds. */
async function until(done: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function statusText(root: HTMLElement = document.body): string {
  return within(root).getByRole('status').textContent ?? '';
}

function editorIn(root: HTMLElement = document.body): HTMLTextAreaElement {
  // (Two "tabs" rendered in one test document share the label's id: find it by tag.)
  return root.querySelector('textarea')!;
}

async function savedText(db: PlanBDb, key = TALK): Promise<string | undefined> {
  return (await db.get('notes', key))?.text;
}

/** Renders an editor and waits until the note has been read. */
async function openEditor(store: AppStore, container?: HTMLElement) {
  const view = renderWithStore(store, <NoteEditor talkKey={TALK} title={TITLE} />);
  const root = container ?? (view.container as HTMLElement);
  await until(() => !editorIn(root).readOnly, 'the note to load');
  return { ...view, root, area: editorIn(root) };
}

function type(area: HTMLTextAreaElement, text: string): void {
  fireEvent.input(area, { target: { value: text } });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  for (const s of stores.splice(0)) {
    s.dispose();
    s.db.close();
  }
});

describe('the notes editor', () => {
  it('is a labelled textarea with a Markdown hint and a status line', async () => {
    const store = await storeOn(freshName());
    const { area } = await openEditor(store);
    expect(screen.getByRole('textbox', { name: 'Your notes' })).toBe(area);
    const described = area.getAttribute('aria-describedby')!.split(' ');
    expect(document.getElementById(described[0]!)!.textContent).toMatch(/Markdown works/);
    expect(document.getElementById(described[1]!)!.getAttribute('role')).toBe('status');
    expect(statusText()).toMatch(/Saved on this device as you type/);
  });

  it('saves about 0.5 s after the last keystroke, not before', async () => {
    const store = await storeOn(freshName());
    const { area } = await openEditor(store);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    type(area, 'podman');
    expect(statusText()).toBe('Not saved yet…');
    await vi.advanceTimersByTimeAsync(300);
    type(area, 'podman pod create --name mypod');
    await vi.advanceTimersByTimeAsync(300); // 600 ms after the first key, 300 after the last
    expect(await savedText(store.db)).toBeUndefined();
    expect(statusText()).toBe('Not saved yet…');

    await vi.advanceTimersByTimeAsync(200);
    await until(() => statusText().includes('Saved on this device'), 'saved');
    expect(await savedText(store.db)).toBe('podman pod create --name mypod');
    expect(area.value).toBe('podman pod create --name mypod');
  });

  it('saves at once when the field loses focus', async () => {
    const store = await storeOn(freshName());
    const { area } = await openEditor(store);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    type(area, 'takeaway: rootless by default');
    fireEvent.blur(area);
    await until(() => statusText().includes('Saved'), 'saved after blur');
    expect(await savedText(store.db)).toBe('takeaway: rootless by default');
  });

  it('saves at once when the page is hidden (visibilitychange) or left (pagehide)', async () => {
    const store = await storeOn(freshName());
    const { area } = await openEditor(store);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

    type(area, 'phone locked mid-sentence');
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await until(() => statusText().includes('Saved'), 'saved on hidden');
    expect(await savedText(store.db)).toBe('phone locked mid-sentence');
    visibility.mockReturnValue('visible');

    type(area, 'tab closed right after typing');
    window.dispatchEvent(new Event('pagehide'));
    await until(() => statusText().includes('Saved'), 'saved on pagehide');
    expect(await savedText(store.db)).toBe('tab closed right after typing');
  });

  it('says "saved" only once the IndexedDB write has completed', async () => {
    const name = freshName();
    const store = await storeOn(name);
    const { area } = await openEditor(store);
    // Another connection holds the notes store in a long write: our save has to wait for it.
    const other = await openPlanBDb(name);
    const blocker = other.transaction('notes', 'readwrite');
    let holding = true;
    const spin = (): void => {
      if (holding) void blocker.store.get('nothing').then(spin);
    };
    spin();

    type(area, 'kubectl get pods -A');
    fireEvent.blur(area);
    await until(() => statusText() === 'Saving…', 'saving');
    for (let i = 0; i < 50; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(statusText()).toBe('Saving…');

    holding = false;
    await blocker.done;
    await until(() => statusText().includes('Saved on this device'), 'saved');
    expect(await savedText(store.db)).toBe('kubectl get pods -A');
    other.close();
  });

  it('keeps the note across a reload (a new store on the same database)', async () => {
    const name = freshName();
    const first = await storeOn(name);
    const { area, unmount } = await openEditor(first);
    type(area, '```sh\npodman play kube pod.yml\n```');
    fireEvent.blur(area);
    await until(() => statusText().includes('Saved'), 'saved');
    unmount();
    first.dispose();

    const reloaded = await storeOn(name);
    const again = await openEditor(reloaded);
    expect(again.area.value).toBe('```sh\npodman play kube pod.yml\n```');
    expect(reloaded.notes.withText.value.has(TALK)).toBe(true);
  });

  it('shows a full disk as an error, keeps the text, and saves once there is space', async () => {
    const store = await storeOn(freshName());
    const { area } = await openEditor(store);
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    type(area, 'semodule -i my_container.cil');
    fireEvent.blur(area);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'There is no storage space left on this device, so your note could not be saved.',
    );
    expect(area.value).toBe('semodule -i my_container.cil');
    expect(statusText()).toBe('Not saved');
    expect(await savedText(store.db)).toBeUndefined();

    put.mockRestore();
    fireEvent.click(within(alert).getByRole('button', { name: /Try again/ }));
    await until(() => statusText().includes('Saved on this device'), 'saved after retry');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await savedText(store.db)).toBe('semodule -i my_container.cil');
  });
});

describe('the same note in two tabs', () => {
  it('tells the later writer, overwrites nothing, and lets them choose (no channel)', async () => {
    // Without BroadcastChannel the updatedAt check alone must catch it.
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshName();
    const tabA = await storeOn(name);
    const tabB = await storeOn(name);
    const boxA = document.body.appendChild(document.createElement('div'));
    const boxB = document.body.appendChild(document.createElement('div'));
    const a = renderWithStore(tabA, <NoteEditor talkKey={TALK} title={TITLE} />);
    boxA.append(a.container);
    const b = renderWithStore(tabB, <NoteEditor talkKey={TALK} title={TITLE} />);
    boxB.append(b.container);
    await until(() => !editorIn(boxA).readOnly && !editorIn(boxB).readOnly, 'both loaded');

    type(editorIn(boxA), 'written in tab A');
    fireEvent.blur(editorIn(boxA));
    await until(() => statusText(boxA).includes('Saved'), 'A saved');

    type(editorIn(boxB), 'written in tab B');
    fireEvent.blur(editorIn(boxB));
    const alert = await within(boxB).findByRole('alert');
    expect(alert.textContent).toMatch(/changed in another tab/);
    expect(statusText(boxB)).toBe('Not saved: changed in another tab');
    expect(editorIn(boxB).value).toBe('written in tab B');
    expect(await savedText(tabA.db)).toBe('written in tab A');
    // The other tab's text is one tap away, behind "Show the other version".
    const theirs = within(alert).getByText('written in tab A', { selector: 'pre' });
    expect(whyHidden(theirs)).toBe('<pre> is inside a closed <details>');
    fireEvent.click(within(alert).getByText('Show the other version'));
    await waitFor(() => expectShown(theirs));

    // Typing on does not save over tab A either.
    type(editorIn(boxB), 'written in tab B, more');
    fireEvent.blur(editorIn(boxB));
    for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(await savedText(tabA.db)).toBe('written in tab A');

    fireEvent.click(within(alert).getByRole('button', { name: /^Keep mine/ }));
    await until(() => statusText(boxB).includes('Saved'), 'B saved');
    expect(await savedText(tabA.db)).toBe('written in tab B, more');
    expect(within(boxB).queryByRole('alert')).toBeNull();
  });

  it('"Load theirs" shows the other tab\'s text', async () => {
    vi.stubGlobal('BroadcastChannel', undefined);
    const name = freshName();
    const tabA = await storeOn(name);
    const tabB = await storeOn(name);
    const b = await openEditor(tabB);
    const draftA = tabA.notes.open(TALK);
    await until(() => draftA.status.value === 'saved', 'A loaded');
    draftA.edit('from tab A');
    await draftA.flush();

    type(b.area, 'from tab B');
    fireEvent.blur(b.area);
    const alert = await screen.findByRole('alert');
    fireEvent.click(within(alert).getByRole('button', { name: /^Load theirs/ }));
    await until(() => b.area.value === 'from tab A', 'their text');
    expect(statusText(b.root)).toMatch(/Saved on this device/);
    expect(await savedText(tabB.db)).toBe('from tab A');
    draftA.release();
  });

  it('with BroadcastChannel, an untouched editor follows the other tab; an edited one is warned at once', async () => {
    expect(typeof BroadcastChannel).toBe('function');
    const name = freshName();
    const tabA = await storeOn(name);
    const tabB = await storeOn(name);
    const b = await openEditor(tabB);
    const draftA = tabA.notes.open(TALK);
    await until(() => draftA.status.value === 'saved', 'A loaded');

    draftA.edit('first version from A');
    await draftA.flush();
    await until(() => b.area.value === 'first version from A', 'B follows A');
    expect(statusText(b.root)).toMatch(/Saved on this device/);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    type(b.area, 'B is typing'); // not saved yet: the debounce is pending
    draftA.edit('second version from A');
    await draftA.flush();
    await until(() => screen.queryByRole('alert') !== null, 'the warning');
    expect(screen.getByRole('alert').textContent).toMatch(/changed in another tab/);
    expect(b.area.value).toBe('B is typing');
    await vi.advanceTimersByTimeAsync(1000);
    expect(await savedText(tabB.db)).toBe('second version from A');
    draftA.release();
  });
});
