// Moving to a new phone, or just being careful: the attendee downloads a backup, restores it
// (a broken file changes nothing and says why), and bookmarks the talks of a calendar exported
// by FOSDEM Companion or Plan B. Real store, demo conference, files chosen through the inputs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import NotesView from '../../src/ui/views/Notes/Notes';
import { createTestStore, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/export');
const DEMO_BACKUP = readFileSync(resolve(FIXTURES, 'demo-backup.json'), 'utf8');
const DEMO_ICS = readFileSync(resolve(FIXTURES, 'demo-notes.ics'), 'utf8');

const stores: AppStore[] = [];
async function store(): Promise<AppStore> {
  const s = await createTestStore({ at: '2027-02-07T19:00' });
  stores.push(s);
  return s;
}

/** Chooses a file in the file input labelled `label`. */
function choose(label: RegExp, name: string, text: string, type = 'application/json'): void {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  const file = new File([text], name, { type });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(() => (route.value = parseRoute('#/notes')));
afterEach(() => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) s.dispose();
});

describe('backup and restore in the Notes view', () => {
  it('is where the link from Settings lands (#/notes?section=backup)', async () => {
    route.value = parseRoute('#/notes?section=backup');
    renderWithStore(await store(), <NotesView />);
    const heading = screen.getByRole('heading', { level: 2, name: 'Backup and restore' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('downloads a backup of everything, notes included', async () => {
    const s = await store();
    const draft = s.notes.open('slug:keynote_welcome');
    await waitFor(() => expect(draft.status.value).toBe('saved'));
    draft.edit('A note to keep.');
    await draft.flush();
    await s.toggleBookmark(s.talksByKey.value.get('slug:keynote_closing')!);
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:test';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});

    renderWithStore(s, <NotesView />);
    fireEvent.click(screen.getByRole('button', { name: 'Download backup (JSON)' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toMatch(
      /^planb-backup-plan-b-demo-conference-2027-\d{4}-\d\d-\d\d\.json$/,
    );
    const backup = JSON.parse(await blob!.text());
    expect(backup).toMatchObject({ format: 'planb-backup', version: 1 });
    expect(backup.notes).toEqual([
      expect.objectContaining({ talk: 'slug:keynote_welcome', text: 'A note to keep.' }),
    ]);
    expect(backup.bookmarks.map((b: { talk: string }) => b.talk)).toEqual(['slug:keynote_closing']);
    draft.release();
  });

  it('refuses a malformed backup with a clear message, changing nothing', async () => {
    const s = await store();
    await s.toggleBookmark(s.talksByKey.value.get('slug:keynote_closing')!);
    renderWithStore(s, <NotesView />);
    const broken = DEMO_BACKUP.replace('"updatedAt": 1802006700000', '"updatedAt": "soon"');
    choose(/Restore from backup/, 'backup.json', broken);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(
      /This is not a Plan B backup we can read: notes\[\d\]\.updatedAt/,
    );
    expect(alert.textContent).toMatch(/Nothing was changed\.$/);
    expect(s.notes.all.value.size).toBe(0);
    expect([...s.bookmarks.value.keys()]).toEqual(['slug:keynote_closing']);

    choose(/Restore from backup/, 'notes.txt', 'just some text');
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toMatch(/Nothing was changed/),
    );
  });

  it('restores a backup by merging, and says what it did', async () => {
    const s = await store();
    renderWithStore(s, <NotesView />);
    choose(/Restore from backup/, 'demo-backup.json', DEMO_BACKUP);
    await screen.findByText(
      /^Backup restored: 6 notes added, 7 bookmarks added, 4 attended talks added/,
    );
    expect(s.bookmarks.value.size).toBe(7);
    expect(s.notes.attended.value.size).toBe(4);
    // The notes appear in the list, the orphans with their snapshot.
    expectShown(screen.getByRole('link', { name: 'P2P Matrix: a [live] demo' }));
    expectShown(screen.getByText(/6 notes, 2 on talks no longer in the schedule/));

    // Again: nothing new.
    choose(/Restore from backup/, 'demo-backup.json', DEMO_BACKUP);
    await screen.findByText('Backup restored: everything in it was already on this device.');
  });

  it('keeps a newer note on the device and says so', async () => {
    const s = await store();
    const key = 'slug:containers_pods_no_daemon';
    const draft = s.notes.open(key);
    await waitFor(() => expect(draft.status.value).toBe('saved'));
    // The demo backup was made on 7 February 2027; this note is written the day after.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2027, 1, 8, 9, 0));
    draft.edit('Written after the backup was made.');
    await draft.flush();
    vi.useRealTimers();
    renderWithStore(s, <NotesView />);
    choose(/Restore from backup/, 'demo-backup.json', DEMO_BACKUP);
    await screen.findByText(/1 note on this device is newer than in the backup and was kept/);
    expect(s.notes.all.value.get(key)!.text).toBe('Written after the backup was made.');
    expect(draft.text.value).toBe('Written after the backup was made.');
    draft.release();
  });

  it('replaces an older note, and an open editor shows the restored text', async () => {
    const s = await store();
    const key = 'slug:containers_pods_no_daemon';
    const draft = s.notes.open(key);
    await waitFor(() => expect(draft.status.value).toBe('saved'));
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.UTC(2027, 1, 1, 9, 0)); // before the backup's note
    draft.edit('An older draft.');
    await draft.flush();
    vi.useRealTimers();
    renderWithStore(s, <NotesView />);
    choose(/Restore from backup/, 'demo-backup.json', DEMO_BACKUP);
    await screen.findByText(/1 note updated/);
    expect(draft.text.value).toMatch(/share the PID namespace/);
    expect(draft.status.value).toBe('saved');
    draft.release();
  });

  it('bookmarks the talks of a calendar file', async () => {
    const s = await store();
    await s.toggleBookmark(s.talksByKey.value.get('slug:keynote_welcome')!);
    renderWithStore(s, <NotesView />);
    choose(/Choose a calendar file/, 'plan-b.ics', DEMO_ICS, 'text/calendar');
    const done = await screen.findByText(/^Added \d+ talks to My day \(1 was there already\)\./);
    const added = Number(/Added (\d+)/.exec(done.textContent!)![1]);
    expect(s.bookmarks.value.size).toBe(added + 1);

    choose(/Choose a calendar file/, 'x.ics', 'not a calendar', 'text/calendar');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/This calendar cannot be read: .*No bookmarks were added\./);
    expect(s.bookmarks.value.size).toBe(added + 1);
  });
});
