// @vitest-environment jsdom
// (The Talk view sanitizes abstracts with DOMPurify, which is tested against jsdom.)
// During and after the talks: the Talk view has the notes editor and "I attended" with an
// optional rating; My day asks "Did you attend?" for bookmarked talks that are over and links
// each talk's notes. Real store, demo conference.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { AppStore } from '../../src/state/store';
import { parseRoute, route } from '../../src/ui/router';
import MyDay from '../../src/ui/views/MyDay/MyDay';
import TalkView from '../../src/ui/views/Talk/Talk';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

const keep = disposeAfterEach();
async function storeAt(at: string, ...slugs: string[]): Promise<AppStore> {
  const store = keep(await createTestStore({ at }));
  for (const slug of slugs) await store.toggleBookmark(store.talksByKey.value.get(`slug:${slug}`)!);
  return store;
}

async function writeNote(store: AppStore, key: string, text: string): Promise<void> {
  const draft = store.notes.open(key);
  await waitFor(() => expect(draft.status.value).toBe('saved'));
  draft.edit(text);
  await draft.flush();
  draft.release();
}

function rowOf(title: RegExp): HTMLElement {
  return screen.getAllByRole('link', { name: title })[0]!.closest('li')!;
}

describe('notes and attendance on the Talk view', () => {
  it('has the notes editor, and "I attended" with an optional rating', async () => {
    route.value = parseRoute('#/talk/slug%3Acontainers_pods_no_daemon');
    const store = await storeAt('2027-02-06T11:10');
    const key = 'slug:containers_pods_no_daemon';
    renderWithStore(store, <TalkView talkKey={key} />);
    expectShown(screen.getByRole('textbox', { name: 'Your notes' }));

    const attended = screen.getByRole('button', { name: /I attended/ });
    expect(attended.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('group', { name: /Your rating/ })).toBeNull();
    fireEvent.click(attended);
    await waitFor(() => expect(attended.getAttribute('aria-pressed')).toBe('true'));
    expect(store.notes.attended.value.has(key)).toBe(true);

    const rating = screen.getByRole('group', { name: 'Your rating (optional)' });
    const four = within(rating).getByRole('radio', { name: '4 stars' });
    fireEvent.click(four);
    await waitFor(() => expect(store.notes.attended.value.get(key)?.rating).toBe(4));
    expect((four as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(rating).getByRole('radio', { name: 'No rating' }));
    await waitFor(() => expect(store.notes.attended.value.get(key)?.rating).toBeUndefined());

    fireEvent.click(attended);
    await waitFor(() => expect(attended.getAttribute('aria-pressed')).toBe('false'));
    expect(store.notes.attended.value.has(key)).toBe(false);
  });

  it('still shows the note of a talk that left the schedule, editable', async () => {
    const store = await storeAt('2027-02-06T18:00');
    await writeNote(store, 'slug:security_ci_secrets', 'Rotate the tokens.');
    const without = DEMO_XML.replace(
      /<event id="\d+">(?:(?!<\/event>)[\s\S])*?<slug>security_ci_secrets<\/slug>[\s\S]*?<\/event>\s*/,
      '',
    );
    await store.importSchedule({ kind: 'text', text: without, name: 'update.xml' });
    route.value = parseRoute('#/talk/slug%3Asecurity_ci_secrets');
    renderWithStore(store, <TalkView talkKey="slug:security_ci_secrets" />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Secrets in CI: what leaks and how',
    );
    expectShown(screen.getByText(/no longer in the current schedule/));
    const area = screen.getByRole('textbox', { name: 'Your notes' }) as HTMLTextAreaElement;
    await waitFor(() => expect(area.value).toBe('Rotate the tokens.'));
  });
});

describe('notes and attendance on My day', () => {
  it('asks "Did you attend?" for a bookmarked talk that is over; yes offers a rating', async () => {
    route.value = parseRoute('#/my-day?day=0');
    const store = await storeAt('2027-02-06T12:00', 'keynote_welcome', 'keynote_closing');
    renderWithStore(store, <MyDay />);
    const welcome = rowOf(/Welcome to the Plan B Demo Conference/);
    const offer = within(welcome).getByRole('group', { name: /Did you attend “Welcome/ });
    expect(offer.textContent).toContain('Did you attend?');
    fireEvent.click(within(offer).getByRole('button', { name: /^Yes/ }));
    await waitFor(() => expectShown(within(welcome).getByText('✓ Attended')));
    expect(store.notes.attended.value.has('slug:keynote_welcome')).toBe(true);
    fireEvent.click(within(welcome).getByRole('radio', { name: '5 stars' }));
    await waitFor(() =>
      expect(store.notes.attended.value.get('slug:keynote_welcome')?.rating).toBe(5),
    );
  });

  it('"No" stops asking, also after a reload of the data', async () => {
    route.value = parseRoute('#/my-day?day=0');
    const store = await storeAt('2027-02-06T12:00', 'keynote_welcome');
    renderWithStore(store, <MyDay />);
    const welcome = rowOf(/Welcome to the Plan B Demo Conference/);
    fireEvent.click(within(welcome).getByRole('button', { name: /^No/ }));
    await waitFor(() => expect(within(welcome).queryByText('Did you attend?')).toBeNull());
    await store.notes.refresh();
    expect(store.notes.toConfirm.value.has('slug:keynote_welcome')).toBe(false);
    expect(store.notes.attended.value.has('slug:keynote_welcome')).toBe(false);
  });

  it('does not ask about talks still to come, nor about cancelled ones', async () => {
    const store = await storeAt('2027-02-06T09:00', 'keynote_welcome');
    expect(store.notes.toConfirm.value.size).toBe(0);
    store.clock.pretend(store.talksByKey.value.get('slug:keynote_welcome')!.end);
    expect([...store.notes.toConfirm.value]).toEqual(['slug:keynote_welcome']);
  });

  it('links each talk\'s notes: their first line, or "Take notes" once the talk has begun', async () => {
    route.value = parseRoute('#/my-day?day=0');
    const store = await storeAt(
      '2027-02-06T11:10',
      'keynote_welcome',
      'containers_pods_no_daemon',
      'security_ci_secrets',
    );
    await writeNote(store, 'slug:keynote_welcome', '## Takeaways\n\n- stay in the room');
    renderWithStore(store, <MyDay />);
    const welcome = rowOf(/Welcome to the Plan B Demo Conference/);
    const link = within(welcome).getByRole('link', { name: /^Notes: Takeaways/ });
    expect(link.getAttribute('href')).toBe('#/talk/slug%3Akeynote_welcome?edit=notes');
    const pods = rowOf(/^Pods without a daemon/);
    expect(within(pods).getByRole('link', { name: 'Take notes' }).getAttribute('href')).toBe(
      '#/talk/slug%3Acontainers_pods_no_daemon?edit=notes',
    );
    const later = rowOf(/^Secrets in CI/);
    expect(within(later).queryByRole('link', { name: /notes/i })).toBeNull();
  });
});
