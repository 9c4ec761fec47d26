// @vitest-environment jsdom
// The Now screen an attendee saw at 11:10 is painted at once on their next start, possibly
// hours later, before the app has run: it must say what time it shows ("As of 11:10") and carry
// nothing that only held at 11:10 ("15 min left", "starts in 20 min", a crowd badge, the clock),
// and nothing that could run or load anything. Real store, demo conference, the real App.
import { screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/ui/app';
import { parseRoute, route } from '../../src/ui/router';
import { captureNowScreen, sanitizeScreen } from '../../src/ui/saved-screen';
import { createTestStore, DEMO_XML, disposeAfterEach, renderWithStore } from '../support/app-store';

const keep = disposeAfterEach();

/** The app on Now at `at` (venue time), with the talks painted; returns its `.app` element. */
async function nowAt(at: string, scheduleText?: string) {
  const store = keep(await createTestStore({ at, ...(scheduleText ? { scheduleText } : {}) }));
  route.value = parseRoute('#/now');
  renderWithStore(store, <App store={store} />);
  await screen.findByRole('heading', { level: 1, name: 'Now' }, { timeout: 5000 });
  return { store, app: document.querySelector('.app')! };
}

function parse(html: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = html;
  return box;
}

describe('the saved Now screen', { timeout: 30_000 }, () => {
  it('shows what was on at 11:10 as of 11:10, with nothing that held only then', async () => {
    const { store, app } = await nowAt('2027-02-06T11:10');
    await store.toggleBookmark(store.talksByKey.value.get('slug:containers_pods_no_daemon')!);
    await waitFor(() => expect(app.textContent).toContain('On My day'));
    // What the live screen says, and the saved one must not.
    expect(app.textContent).toContain('15 min left');
    expect(app.textContent).toContain('starts in 20 min');
    expect(app.querySelector('.badge-pretend')).not.toBeNull();

    const saved = parse(captureNowScreen(app, store.clock.now.value, 'Europe/Brussels')!);
    const text = saved.textContent ?? '';
    expect(saved.querySelector('h1')?.textContent).toBe('As of 11:10');
    expect(text).toContain('Saturday 6 February · 11:10');
    expect(text).not.toMatch(/\bleft\b|starts in|\bago\b|on now|pretend/i);
    expect(saved.querySelector('.badge-clock, .badge-pretend, .stay-or-go')).toBeNull();
    // The talks, with their own times, rooms, links, and the attendee's star.
    const pods = saved.querySelector('a[href="#/talk/slug%3Acontainers_pods_no_daemon"]')!;
    expect(pods.textContent).toContain('Pods without a daemon');
    const row = pods.closest('li')!;
    expect(row.textContent).toContain('11:00–11:25');
    expect(row.textContent).toContain('UB2.252A (Lameere) · Building U');
    expect(row.textContent).toContain('★ On My day');
    // Its star is there, and does nothing until the app runs.
    expect(row.querySelector('button.bookmark')?.hasAttribute('disabled')).toBe(true);
    // The header and tab bar as painted; on another route the shell's placeholder shows instead.
    expect(saved.querySelector('.app.saved-screen > header.topbar')).not.toBeNull();
    expect(saved.querySelector('nav.tabbar a[href="#/schedule"]')).not.toBeNull();
    expect(saved.querySelector('main > .saved-placeholder')?.textContent).toBe(
      'Opening your schedule…',
    );
    expect(saved.querySelector('main > .saved-main .now-view')).not.toBeNull();
  });

  it('keeps no script, handler, style, id, frame, form or outside link', async () => {
    const { store, app } = await nowAt('2027-02-06T11:10');
    app
      .querySelector('.now-view')!
      .insertAdjacentHTML(
        'beforeend',
        [
          '<img src="x" onerror="alert(1)">',
          '<script>alert(1)</script>',
          '<a href="javascript:alert(1)">js</a>',
          '<a href="https://evil.example/">away</a>',
          '<div style="background:url(https://evil.example/)" id="evil" data-x="1" onclick="alert(1)">z</div>',
          '<iframe src="https://evil.example/"></iframe>',
          '<form action="https://evil.example/"><input name="a"></form>',
          '<svg><foreignObject><p>in svg</p></foreignObject><use href="https://evil.example/#x"></use></svg>',
          '<a href="#/talk/slug%3Aok">inside</a>',
        ].join(''),
      );
    const html = captureNowScreen(app, store.clock.now.value, 'Europe/Brussels')!;
    for (const bad of [
      '<img',
      '<script',
      'javascript:',
      'evil.example',
      'style=',
      'onclick',
      'onerror',
      ' id=',
      'data-x',
      '<iframe',
      '<form',
      '<input',
      'foreignObject',
      '<use',
    ])
      expect(html).not.toContain(bad);
    expect(html).toContain('<a href="#/talk/slug%3Aok">inside</a>');
    expect(html).toContain('>away</a>'); // the text stays, without its link
  });

  it('keeps a talk title that looks like markup as text', async () => {
    const xml = DEMO_XML.replace(
      '<title>Pods without a daemon: from compose files to pod specs</title>',
      '<title>Pods &lt;img src=x onerror=alert(1)&gt; without a daemon</title>',
    );
    const { store, app } = await nowAt('2027-02-06T11:10', xml);
    const html = captureNowScreen(app, store.clock.now.value, 'Europe/Brussels')!;
    expect(html).not.toContain('<img');
    expect(html).toContain('Pods &lt;img src=x onerror=alert(1)&gt; without a daemon');
  });

  it('is not kept when something would still read as relative time', async () => {
    const { store, app } = await nowAt('2027-02-06T11:10');
    // A part of the screen this code does not know about yet, saying something of the moment.
    app
      .querySelector('.now-view')!
      .insertAdjacentHTML('afterbegin', '<p class="brand-new">Doors close in 5 min</p>');
    expect(captureNowScreen(app, store.clock.now.value, 'Europe/Brussels')).toBeUndefined();
  });

  it('is not kept when no talk is on screen (before the conference)', async () => {
    const { store, app } = await nowAt('2027-01-20T11:00');
    expect(app.textContent).toContain('starts');
    expect(captureNowScreen(app, store.clock.now.value, 'Europe/Brussels')).toBeUndefined();
  });
});

describe('sanitizing a screen', () => {
  it('keeps the icons and the app links and drops links out of the app', () => {
    const clean = sanitizeScreen(
      '<a class="brand" href="#/now" aria-label="Plan B"><svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="M1 1" fill="none" stroke="currentColor" stroke-width="1.8"></path></svg></a><a href="/elsewhere">x</a><a href="//evil.example/">y</a>',
    );
    expect(clean).toContain(
      '<a class="brand" href="#/now" aria-label="Plan B"><svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path d="M1 1" fill="none" stroke="currentColor" stroke-width="1.8"></path></svg></a>',
    );
    expect(clean).toContain('<a>x</a><a>y</a>');
  });
});
