/**
 * The Now screen as the next start may paint it before any script runs: a copy of the painted
 * shell with everything that was true only at that moment taken out, labelled with the time it
 * shows, and sanitized. Shown later (minutes, or a day), it must never pass for the present:
 * "12 min left", "starts in 5 min", crowd badges, "stay or go", the clock and "Offline" go;
 * the heading "Now" becomes "As of 11:00"; the talks keep their absolute times. A copy that
 * still reads as relative time is not kept at all.
 */
import createDOMPurify from 'dompurify';
import { timeOf } from './format';

/** What held only when it was drawn, or needs the live app: never in a saved screen. */
const OF_THE_MOMENT = [
  '.skip-link',
  '.activity',
  '.notices',
  '.notice',
  '.badge-offline',
  '.badge-clock',
  '.badge-pretend',
  '.now-talk-status',
  '.now-building-count',
  '.now-shift',
  '.stay-or-go',
  '.now-talk-marks > :not(.now-badge-mine)',
].join(',');

/**
 * Talk rows kept: more than a phone's first screen holds (about six), far fewer than Now may
 * list (64 at FOSDEM at 11:00). The page to parse stays small; the rest comes with the app.
 */
export const SAVED_ROWS = 16;

/** Words that read as "from now" (checked outside talk titles and speaker names). */
const RELATIVE_TIME = /\b(left|ago|starts in|just now|on now|in \d+ ?(min|h))\b/i;
/** Text the schedule wrote, which may hold such words ("Ten years ago"). */
const SCHEDULE_TEXT = '.now-talk-title, .now-talk-meta, .conf-title, .now-notice strong, a';

const TAGS = [
  'div',
  'header',
  'main',
  'nav',
  'section',
  'ul',
  'li',
  'p',
  'span',
  'strong',
  'em',
  'a',
  'h1',
  'h2',
  'h3',
  // Kept for the layout (the bookmark stars, Earlier / Later); they work once the app is up.
  'button',
  'fieldset',
  'legend',
  'svg',
  'path',
  'rect',
  'circle',
];
const ATTRIBUTES = [
  'class',
  'href',
  'title',
  'lang',
  'role',
  'aria-label',
  'aria-hidden',
  'aria-current',
  'aria-busy',
  'aria-pressed',
  'aria-disabled',
  'disabled',
  'type',
  // SVG icons (the parser lower-cases viewBox)
  'viewbox',
  'viewBox',
  'width',
  'height',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-dasharray',
  'rx',
  'cx',
  'cy',
  'r',
];

let purify: ReturnType<typeof createDOMPurify> | undefined;

/**
 * Markup safe to put back into the shell: only the tags and attributes the shell and Now use;
 * no script, style, event handler or id; links only within the app ("#/…").
 */
export function sanitizeScreen(html: string): string {
  if (!purify) {
    // An instance of our own: the abstracts' hooks (src/ui/sanitize.ts) must not apply here.
    purify = createDOMPurify(window);
    purify.addHook('uponSanitizeAttribute', (_node, data) => {
      if (data.attrName === 'href' && !data.attrValue.startsWith('#/')) data.keepAttr = false;
    });
  }
  return purify.sanitize(html, {
    ALLOWED_TAGS: TAGS,
    ALLOWED_ATTR: ATTRIBUTES,
    ALLOW_ARIA_ATTR: false,
    ALLOW_DATA_ATTR: false,
    // Every attribute value is checked against this: nothing that starts with a scheme
    // ("https:", "javascript:"); internal links start with "#/".
    ALLOWED_URI_REGEXP: /^(?:[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  });
}

/**
 * `element` copied into the inert document `into`, without style attributes: cloning or parsing
 * them again would make the Content-Security-Policy (no inline style) refuse and report them.
 */
function copyWithoutStyle(element: Element, into: Document): Element {
  const copy = into.createElementNS(element.namespaceURI, element.localName);
  for (const { name, value } of element.attributes)
    if (name !== 'style') copy.setAttribute(name, value);
  for (const child of element.childNodes) {
    if (child.nodeType === Node.ELEMENT_NODE) copy.append(copyWithoutStyle(child as Element, into));
    else if (child.nodeType === Node.TEXT_NODE)
      copy.append(into.createTextNode(child.nodeValue ?? ''));
  }
  return copy;
}

/** The text of `root` that the app wrote (schedule text left out), one line per text node. */
function appText(root: Element): string {
  const copy = root.cloneNode(true) as Element; // in the inert document: nothing applies
  for (const node of copy.querySelectorAll(SCHEDULE_TEXT)) node.remove();
  const lines: string[] = [];
  const walker = copy.ownerDocument.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) lines.push(walker.currentNode.nodeValue ?? '');
  return lines.join('\n');
}

/**
 * The saved form of the shell `app` (the `.app` element) showing Now at `at` in `zone`, or
 * undefined when it shows no talk or would still read as relative time.
 */
export function captureNowScreen(app: Element, at: number, zone: string): string | undefined {
  if (!app.querySelector('main .now-view a[href^="#/talk/"]')) return undefined;
  const inert = document.implementation.createHTMLDocument('');
  const copy = copyWithoutStyle(app, inert);
  for (const node of copy.querySelectorAll(OF_THE_MOMENT)) node.remove();
  for (const row of [...copy.querySelectorAll('.now-talk')].slice(SAVED_ROWS)) row.remove();
  for (const building of copy.querySelectorAll('.now-building'))
    if (!building.querySelector('.now-talk')) building.remove();
  // Laid out as they were, but they do nothing until the app runs: say so (and a click waits).
  for (const button of copy.querySelectorAll('button')) button.setAttribute('disabled', '');
  const heading = copy.querySelector('.now-head h1');
  if (heading?.textContent?.trim() === 'Now') heading.textContent = `As of ${timeOf(at, zone)}`;
  const main = copy.querySelector('main');
  if (!main || RELATIVE_TIME.test(appText(main))) return undefined;
  // On another route (screen-guard.js) the shell's placeholder shows instead of this screen.
  const saved = inert.createElement('div');
  saved.className = 'saved-main';
  saved.append(...main.childNodes);
  const placeholder = inert.createElement('p');
  placeholder.className = 'empty saved-placeholder';
  placeholder.setAttribute('aria-busy', 'true');
  placeholder.textContent = 'Opening your schedule…';
  main.append(placeholder, saved);
  copy.classList.add('saved-screen');
  return sanitizeScreen(copy.outerHTML);
}
