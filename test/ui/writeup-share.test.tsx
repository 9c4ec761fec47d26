// After the demo conference: the Notes view lists the bookmarked talks the attendee missed
// (the room they found full marked), and a refreshed schedule that brings a recording turns
// "No recording yet" into a link. Their picks go to a friend as a link or a QR code; the friend
// opens it and adds the talks to their own My day. Real store, demo conference.
import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodePicks, encodePicks } from '../../src/domain/picks';
import { parseVenueDateTime } from '../../src/domain/time';
import { openPlanBDb } from '../../src/storage/db';
import { putReport } from '../../src/storage/reports-repo';
import { href, parseRoute, route } from '../../src/ui/router';
import NotesView from '../../src/ui/views/Notes/Notes';
import PicksView from '../../src/ui/views/Picks/Picks';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
const LIVE_MIGRATION = 'slug:containers_live_migration';
const PODS = 'slug:containers_pods_no_daemon';

beforeEach(() => (route.value = parseRoute('#/notes')));
afterEach(() => (route.value = parseRoute('')));

describe('Watch later on the Notes view', () => {
  it('lists a missed talk, its full room, and its recording once a refresh brings it', async () => {
    // Saturday 12:02: the attendee reported the Lameere room "full" (door closed) from its door.
    const dbName = `planb-watch-${Date.now()}`;
    const db = await openPlanBDb(dbName);
    const at = parseVenueDateTime('2027-02-06T12:02', 'Europe/Brussels')!;
    await putReport(db, { id: 'r1', room: 'ub2252a', level: 2, at, device: 'me' });
    db.close();
    const store = keep(await createTestStore({ dbName, at: '2027-02-07T19:00' }));
    await store.toggleBookmark(store.talksByKey.value.get(LIVE_MIGRATION)!);
    await store.toggleBookmark(store.talksByKey.value.get(PODS)!);
    await store.notes.markAttended(PODS);

    renderWithStore(store, <NotesView />);
    const section = screen.getByRole('region', { name: 'Watch later' });
    const item = within(section)
      .getByRole('link', {
        name: 'Live-migrating containers with checkpoint and restore',
      })
      .closest('li')!;
    expectShown(within(item).getByText('Room was full'));
    expectShown(within(item).getByText('No recording yet'));
    expect(within(section).queryByText(/Pods without a daemon/)).toBeNull(); // attended

    const withRecording = DEMO_XML.replace(
      '<link href="https://slides.example.org/2027/containers_live_migration.pdf">Slides</link>',
      '$&\n          <link href="https://video.example.org/2027/containers_live_migration.webm">Video recording (WebM)</link>' +
        '\n          <link href="https://video.example.org/2027/containers_live_migration.mp4">Video recording (mp4)</link>',
    );
    await store.importSchedule({ kind: 'text', text: withRecording, name: 'after.xml' });
    const watch = await within(section).findByRole('link', { name: /Watch the recording/ });
    expect(watch.getAttribute('href')).toBe(
      'https://video.example.org/2027/containers_live_migration.mp4',
    );
  });
});

describe('sharing picks by link', () => {
  it('gives a link with the day’s picks and draws its QR code', async () => {
    const store = keep(await createTestStore({ at: '2027-02-06T09:00' }));
    for (const key of [LIVE_MIGRATION, PODS, 'slug:keynote_closing'])
      await store.toggleBookmark(store.talksByKey.value.get(key)!);
    renderWithStore(store, <NotesView />);
    const section = screen.getByRole('region', { name: 'Share your picks' });
    // Today (Saturday) is chosen: Sunday's closing talk is not in the link.
    const input = within(section).getByLabelText(/Link to your 2 picks/) as HTMLInputElement;
    const token = input.value.split('#/picks/')[1]!;
    expect(decodePicks(decodeURIComponent(token)).keys).toEqual([PODS, LIVE_MIGRATION]);
    fireEvent.change(within(section).getByRole('combobox', { name: 'Picks of' }), {
      target: { value: '' },
    });
    expectShown(within(section).getByLabelText(/Link to your 3 picks/));

    fireEvent.click(within(section).getByRole('button', { name: 'Show QR code' }));
    const qr = await within(section).findByRole('img', { name: /QR code/ });
    expect(qr.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100);
  });

  it('a friend opening the link sees the picks by day and adds them to their My day', async () => {
    const friend = keep(await createTestStore({ at: '2027-02-06T09:00' }));
    await friend.toggleBookmark(friend.talksByKey.value.get(PODS)!);
    const token = encodePicks([LIVE_MIGRATION, PODS, 'slug:keynote_closing', 'slug:gone_talk']);
    route.value = parseRoute(href(['picks', token]));
    renderWithStore(friend, <PicksView token={route.value.path[1]!} />);

    expectShown(screen.getByText(/3 talks someone picked at Plan B Demo Conference 2027/));
    expectShown(screen.getByText(/1 of them is on your My day already/));
    expectShown(screen.getByText(/1 talk of the link is not in your schedule/));
    const days = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(days).toEqual(['Saturday 6 February 2027', 'Sunday 7 February 2027']);

    fireEvent.click(screen.getByRole('button', { name: 'Add 2 talks to My day' }));
    await screen.findByText('Added 2 talks to My day.');
    expect([...friend.bookmarks.value.keys()].sort()).toEqual(
      [LIVE_MIGRATION, PODS, 'slug:keynote_closing'].sort(),
    );
    expect(
      (screen.getByRole('button', { name: 'All on My day' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });

  it('says so when no talk of the link is in this schedule', async () => {
    const friend = keep(await createTestStore());
    renderWithStore(friend, <PicksView token={encodePicks(['slug:elsewhere', 'slug:other'])} />);
    expectShown(screen.getByRole('alert'));
    expect(screen.getByRole('alert').textContent).toContain(
      'None of the 2 talks in this link is in your schedule (Plan B Demo Conference 2027)',
    );
  });
});
