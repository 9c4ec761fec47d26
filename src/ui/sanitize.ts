/**
 * Abstracts and descriptions arrive as HTML from the schedule file: render them only through
 * DOMPurify, with no scripts, no event handlers, no styles, and links only to http(s).
 * Links open in a new tab without giving that tab access to Plan B.
 */
import DOMPurify from 'dompurify';
import { htmlToText } from '../domain/text';

let hooked = false;

/** Sanitized HTML, safe for dangerouslySetInnerHTML. Plain text is escaped into paragraphs. */
export function sanitizeAbstract(html: string): string {
  if (!hooked) {
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A') {
        const href = node.getAttribute('href') ?? '';
        if (!/^https?:\/\//i.test(href.trim())) node.removeAttribute('href');
        else {
          node.setAttribute('target', '_blank');
          node.setAttribute('rel', 'noopener noreferrer');
        }
      }
    });
    hooked = true;
  }
  const looksLikeHtml = /<\/?[a-z][\s\S]*?>/i.test(html);
  const source = looksLikeHtml ? html : textToParagraphs(html);
  const clean = DOMPurify.sanitize(source, {
    ALLOWED_TAGS: [
      'p',
      'br',
      'a',
      'ul',
      'ol',
      'li',
      'em',
      'strong',
      'b',
      'i',
      'code',
      'pre',
      'blockquote',
      'h3',
      'h4',
      'h5',
      'h6',
      'dl',
      'dt',
      'dd',
      'hr',
      'sub',
      'sup',
      'tt',
      'kbd',
      'span',
      'div',
      'table',
      'thead',
      'tbody',
      'tr',
      'th',
      'td',
    ],
    ALLOWED_ATTR: ['href', 'title', 'lang'],
    ALLOWED_URI_REGEXP: /^https?:\/\//i,
  });
  // Belt and braces: where the DOM is not one DOMPurify can work with (it then returns its input
  // unchanged), show the text rather than risk markup that should have been removed.
  if (!DOMPurify.isSupported || /<script|\son\w+\s*=|javascript:/i.test(clean)) {
    return textToParagraphs(htmlToText(html));
  }
  return clean;
}

function textToParagraphs(text: string): string {
  const escapeHtml = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
