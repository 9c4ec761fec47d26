// What the service worker serves on the next start: the built index.html with the saved Now
// screen in place of its painted shell, and in its head the route that screen shows and the
// guard that hides it on any other route. A screen drawn with another build's stylesheet (the
// app was updated since) is not served: the plain shell is.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  pageWithSavedScreen,
  type SavedScreen,
  SCREEN_END,
  SCREEN_GUARD,
  SCREEN_START,
} from '../../src/storage/saved-screen';

// The source index.html (the build adds the script and stylesheet links to its head).
const SOURCE = readFileSync(resolve(import.meta.dirname, '../../index.html'), 'utf8');
const STYLESHEET = '/assets/index-abc123.css';
const SHELL = SOURCE.replace(
  '</head>',
  `<link rel="stylesheet" crossorigin href="${STYLESHEET}">\n</head>`,
);

const screen: SavedScreen = {
  html: '<div class="app saved-screen"><main><h1>As of 11:00</h1><a href="#/talk/slug%3Ax">TinyGo</a></main></div>',
  route: '#/now',
  stylesheet: STYLESHEET,
  savedAt: Date.UTC(2020, 1, 1, 10),
};

describe('the saved screen in the shell', () => {
  it('index.html marks its painted shell, so a saved screen can take its place', () => {
    const start = SOURCE.indexOf(SCREEN_START);
    const end = SOURCE.indexOf(SCREEN_END);
    expect(start).toBeGreaterThan(SOURCE.indexOf('<div id="app">'));
    expect(SOURCE.slice(start, end)).toContain('<nav class="tabbar"');
  });

  it('puts the screen in place of the painted shell, and the route guard in the head', () => {
    const page = pageWithSavedScreen(SHELL, screen)!;
    const [head, body] = page.split('</head>') as [string, string];
    expect(head).toContain(`<meta name="planb-saved-route" content="#/now">`);
    expect(head).toContain(`<script src="${SCREEN_GUARD}"></script>`);
    // The guard comes after the stylesheet link and before anything of the body is parsed.
    expect(head.indexOf(SCREEN_GUARD)).toBeGreaterThan(head.indexOf(STYLESHEET));
    expect(body).toContain(`<div id="app">${SCREEN_START}${screen.html}${SCREEN_END}</div>`);
    expect(body).not.toContain('Getting the schedule ready');
    // Everything else of the page is as built: the module script, the noscript text.
    expect(body).toContain('<noscript>');
  });

  it('is not served with another build than the one that drew it', () => {
    const updated = SHELL.replace(STYLESHEET, '/assets/index-def456.css');
    expect(pageWithSavedScreen(updated, screen)).toBeUndefined();
    expect(pageWithSavedScreen(SHELL, { ...screen, stylesheet: '' })).toBeUndefined();
  });

  it('is not served into a shell without the markers', () => {
    expect(pageWithSavedScreen(SHELL.replace(SCREEN_END, ''), screen)).toBeUndefined();
    expect(pageWithSavedScreen('<html><body>no head</body></html>', screen)).toBeUndefined();
  });

  it('escapes the route into its attribute', () => {
    const page = pageWithSavedScreen(SHELL, {
      ...screen,
      route: '#/x"><script>alert(1)</script>',
    })!;
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toContain('content="#/x&quot;>&lt;script>alert(1)&lt;/script>"');
  });
});
