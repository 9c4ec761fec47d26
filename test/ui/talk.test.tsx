// @vitest-environment jsdom
// (DOMPurify does not sanitize under happy-dom; jsdom is the DOM it is tested against upstream.)
// An attendee opens a talk: when and where in venue time, who speaks, a safe abstract, and the
// links that matter (livestream while it runs, slides, recording, indoor navigation).
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import TalkView from '../../src/ui/views/Talk/Talk';
import { createTestStore, renderWithStore } from '../support/app-store';
import { describeWithSharedData, readShared } from '../support/shared-data';
import { expectShown } from '../support/shown';

const HOSTILE = `<?xml version="1.0"?>
<schedule><conference><title>Hostile Con</title><venue>Somewhere</venue>
<time_zone_name>Europe/Brussels</time_zone_name></conference>
<day index="1" date="2027-03-06"><room name="Main">
<event id="1"><start>10:00</start><duration>00:30</duration><room>Main</room><slug>evil</slug>
<title>Abstracts can be evil</title><track>Security</track><type>talk</type>
<abstract>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;script&gt;window.pwned = 1&lt;/script&gt;&lt;img src=x onerror="window.pwned = 2"&gt;
&lt;a href="javascript:alert(1)"&gt;click&lt;/a&gt; &lt;a href="https://example.org/ok" onclick="x()"&gt;fine&lt;/a&gt;&lt;/p&gt;</abstract>
<persons><person id="9">Eve Example</person></persons>
<links><link href="https://example.org/slides.pdf">Slides</link></links>
</event></room></day></schedule>`;

describe('the Talk view', () => {
  it('says the track once, and the building only when the room name does not', async () => {
    const store = await createTestStore({ at: '2027-02-06T09:00' });
    const talk = store.conference.value!.talks.find((t) => t.slug === 'keynote_welcome')!;
    renderWithStore(store, <TalkView talkKey={talk.key} />);
    // "Keynotes", not "Keynotes · keynote".
    expect(document.querySelector('.talk-track')?.textContent).toBe('Keynotes');
    // "Janson (building J, ground floor)", not "… · Janson" again.
    const where = screen.getByRole('link', { name: /^Janson \(building J/ }).closest('dd')!;
    expect(where.textContent).toBe('Janson (building J, ground floor)');
  });

  it('shows venue time, room, building and speakers of a demo talk', async () => {
    const store = await createTestStore({ at: '2027-02-06T09:00' });
    const talk = store.conference.value!.talks.find((t) => t.slug === 'containers_pods_no_daemon')!;
    renderWithStore(store, <TalkView talkKey={talk.key} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(talk.title);
    expectShown(screen.getByText(/Saturday 6 February 2027, 11:00–11:25/));
    expectShown(screen.getByText('Henrik Dalby'));
    expect(screen.getByRole('link', { name: /UB2\.252A/ }).getAttribute('href')).toBe(
      '#/map/room/ub2252a',
    );
    // The demo is not FOSDEM: no fosdem.org link is ever shown.
    for (const a of document.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').not.toMatch(/fosdem\.org/);
  });

  it('renders the abstract without scripts, event handlers or javascript: links', async () => {
    const store = await createTestStore({ scheduleText: HOSTILE, at: '2027-03-06T09:00' });
    const talk = store.conference.value!.talks[0]!;
    renderWithStore(store, <TalkView talkKey={talk.key} />);
    const abstract = document.querySelector('.talk-abstract')!;
    expect(abstract.innerHTML).toContain('<b>world</b>');
    expect(abstract.querySelector('script')).toBeNull();
    expect(abstract.innerHTML).not.toMatch(/onerror|onclick|javascript:/i);
    const fine = screen.getByRole('link', { name: 'fine' });
    expect(fine.getAttribute('href')).toBe('https://example.org/ok');
    expect(fine.getAttribute('rel')).toContain('noopener');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    expect(screen.getByRole('link', { name: /Slides/ }).getAttribute('href')).toBe(
      'https://example.org/slides.pdf',
    );
  });

  it('says so when a bookmarked talk is no longer in the schedule', async () => {
    const store = await createTestStore();
    renderWithStore(store, <TalkView talkKey="slug:gone" />);
    expectShown(screen.getByRole('heading', { name: 'Talk not found' }));
  });
});

describeWithSharedData('a FOSDEM 2020 talk', () => {
  it('links the livestream while it runs, and the recording and indoor navigation', async () => {
    const store = await createTestStore({
      scheduleText: readShared('fosdem-2020-schedule.xml'),
      at: '2020-02-01T11:10',
    });
    const talk = store.conference.value!.talks.find(
      (t) => /podman/i.test(t.title) && t.room === 'UD2.208 (Decroly)',
    )!;
    expect(talk?.title).toMatch(/podman/i);
    store.clock.pretend(talk.start + 5 * 60_000);
    renderWithStore(store, <TalkView talkKey={talk.key} />);
    expect(screen.getByRole('link', { name: 'Watch the livestream' }).getAttribute('href')).toBe(
      'https://live.fosdem.org/watch/ud2208',
    );
    expect(screen.getByRole('link', { name: /indoor navigation/ }).getAttribute('href')).toBe(
      'https://nav.fosdem.org/d/ud2208/',
    );
    expect(screen.getAllByRole('link', { name: /^Recording/ }).length).toBeGreaterThan(0);
    expectShown(screen.getByText(/left/));
  });
});
