/**
 * What the user sees, for component tests: an element is shown when it is in the document and
 * neither it nor an ancestor is hidden (the hidden attribute, aria-hidden, display: none,
 * visibility: hidden, or the body of a closed <details>). A found element can still be hidden;
 * `expect(el).toBeTruthy()` could never tell.
 */
import { expect } from 'vitest';

/** Why `el` is not shown, or undefined when it is. */
export function whyHidden(el: Element | null | undefined): string | undefined {
  if (!el) return 'it is not there';
  if (!el.isConnected) return 'it is not in the document';
  for (let node: Element | null = el; node; node = node.parentElement) {
    const what = `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}>`;
    if (node.hasAttribute('hidden')) return `${what} has the hidden attribute`;
    if (node.getAttribute('aria-hidden') === 'true') return `${what} is aria-hidden`;
    const style = node.ownerDocument.defaultView?.getComputedStyle(node);
    if (style?.display === 'none') return `${what} is display: none`;
    if (style?.visibility === 'hidden') return `${what} is visibility: hidden`;
    const parent: Element | null = node.parentElement;
    if (parent?.tagName === 'DETAILS' && !parent.hasAttribute('open') && node.tagName !== 'SUMMARY')
      return `${what} is inside a closed <details>`;
  }
  return undefined;
}

/** Asserts that the user sees `el`; returns it for further checks. */
export function expectShown<E extends Element>(el: E | null | undefined): E {
  expect(whyHidden(el), 'expected the element to be shown').toBeUndefined();
  return el as E;
}
