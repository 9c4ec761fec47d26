// Search as an attendee uses it on the train: type a few letters, see the matching talks with
// the words marked, narrow to a day, and find a speaker without typing their accents.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate, parseRoute, route } from '../../src/ui/router';
import Search from '../../src/ui/views/Search/Search';
import { createTestStore, renderWithStore } from '../support/app-store';
import { expectShown } from '../support/shown';

async function openSearch(hash = '#/search') {
  const store = await createTestStore({ at: '2027-02-06T10:00' });
  route.value = parseRoute(hash);
  renderWithStore(store, <Search />);
  const box = screen.getByRole('searchbox', { name: /Talks, speakers, tracks and abstracts/ });
  return { store, box };
}

function type(box: HTMLElement, text: string) {
  fireEvent.input(box, { target: { value: text } });
}

function results(): HTMLElement[] {
  return within(screen.getByRole('list', { name: /Results for/ })).getAllByRole('listitem');
}

describe('Search', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
  });

  it('starts with an empty box, focused, and hints on what can be searched', async () => {
    const { box } = await openSearch();
    await waitFor(() => expect(document.activeElement).toBe(box));
    expectShown(screen.getByText(/Accents and capitals do not matter/));
    expect(screen.getByRole('link', { name: 'Containers' }).getAttribute('href')).toBe(
      '#/search?q=Containers',
    );
  });

  it("typing 'contain' shows the container talks with the word highlighted", async () => {
    const { box } = await openSearch();
    type(box, 'contain');
    await waitFor(() => expect(results().length).toBeGreaterThan(3));
    // The address follows after a pause in typing (a reload or Back finds the search).
    await waitFor(() => expect(location.hash).toBe('#/search?q=contain'));
    const first = results()[0]!;
    expect(first.textContent).toMatch(/container/i);
    const marks = [...first.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.every((m) => m?.toLowerCase() === 'contain')).toBe(true);
    const rootless = results().find((li) =>
      li.textContent?.includes('Rootless containers in practice'),
    );
    expect(rootless?.querySelector('a')?.getAttribute('href')).toBe(
      '#/talk/slug%3Acontainers_rootless_practice',
    );
    expect(screen.getByRole('status').textContent).toMatch(/^\d+ results$/);
  });

  it('finds an accented speaker from a name typed without accents, and says it was the speaker', async () => {
    const { box } = await openSearch();
    type(box, 'lucia ferraz');
    await waitFor(() => expect(results()).toHaveLength(1));
    const hit = results()[0]!;
    expect(hit.textContent).toContain('Rootless containers in practice');
    expect(hit.textContent).toContain('in speaker');
    expect([...hit.querySelectorAll('mark')].map((m) => m.textContent)).toEqual([
      'Lucía',
      'Ferraz',
    ]);
  });

  it('shows the day, the time, the room and building of each result, and why an abstract matched', async () => {
    const { box } = await openSearch();
    type(box, 'namespaces');
    await waitFor(() => expect(results().length).toBeGreaterThan(0));
    const hit = results().find((li) => li.textContent?.includes('Rootless containers'))!;
    expect(hit.textContent).toContain('Sat 6 Feb · 10:30–');
    expect(hit.textContent).toContain('UB2.252A (Lameere) · building U');
    expect(hit.textContent).toContain('in abstract');
    expect(hit.querySelector('.search-hit-excerpt mark')?.textContent).toBe('namespaces');
  });

  it('filters by day with chips that show how many results each day has', async () => {
    const { box } = await openSearch();
    type(box, 'contain');
    const all = await waitFor(() => {
      const n = Number(screen.getByRole('status').textContent?.match(/^(\d+) results$/)?.[1]);
      expect(n).toBeGreaterThan(0);
      return n;
    });
    const chips = screen.getByRole('group', { name: 'Day' });
    const sunday = within(chips).getByRole('button', { name: /Sun 7 Feb/ });
    const sundayCount = Number(sunday.textContent?.match(/(\d+)$/)?.[1]);
    fireEvent.click(sunday);
    expect(addressParams().get('day')).toBe('1');
    expect(sunday.getAttribute('aria-pressed')).toBe('true');
    if (sundayCount === 0) expect(screen.getByRole('status').textContent).toMatch(/No results/);
    else expect(results()).toHaveLength(Math.min(12, sundayCount));
    expect(screen.getByRole('status').textContent).toContain(`(${all} on all days)`);
  });

  it('draws the first results only, and more on request, so long lists stay fast', async () => {
    const { box } = await openSearch();
    type(box, 'the');
    const more = await screen.findByRole('button', {
      name: /^Show \d+ more \(12 of (\d+) shown\)$/,
    });
    const total = Number(more.textContent?.match(/of (\d+)/)?.[1]);
    expect(results()).toHaveLength(12);
    fireEvent.click(more);
    expect(results()).toHaveLength(Math.min(24, total));
    type(box, 'the ');
    await waitFor(() => expect(results().length).toBeLessThanOrEqual(12));
  });

  it('says when nothing matches, with the query', async () => {
    const { box } = await openSearch();
    type(box, 'zzxqj');
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('No results for “zzxqj”'),
    );
    expectShown(screen.getByText(/Nothing matches “zzxqj”/));
  });

  it('reopens a search from the URL without stealing focus', async () => {
    const { box } = await openSearch('#/search?q=podman');
    expect((box as HTMLInputElement).value).toBe('podman');
    await waitFor(() => expect(results().length).toBeGreaterThan(0));
    expect(document.activeElement).not.toBe(box);
  });
});

/** The query part of the address bar (the view keeps it up to date while the user types). */
describe('the address while typing', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
  });

  it('follows the box after a pause, at once when the box loses focus, and only on Search', async () => {
    const { box } = await openSearch();
    type(box, 'pod');
    type(box, 'podm');
    expect(location.hash).toBe(''); // not on every keystroke
    fireEvent.blur(box);
    expect(location.hash).toBe('#/search?q=podm');
    type(box, 'podman');
    await waitFor(() => expect(location.hash).toBe('#/search?q=podman'), { timeout: 2000 });
    // Typing, then leaving for a talk: the talk's address is never rewritten, not even once the
    // pause the address waits for is over (a fake clock runs past it: no sleeping).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      type(box, 'podman x');
      navigate('#/talk/a', { replace: true });
      vi.runAllTimers();
      expect(location.hash).toBe('#/talk/a');
    } finally {
      vi.useRealTimers();
    }
  });
});

function addressParams(): URLSearchParams {
  return new URLSearchParams(location.hash.split('?')[1] ?? '');
}
