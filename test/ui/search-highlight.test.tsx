// Marked words in search results. Chromium paints them with the CSS Custom Highlight API over
// unchanged text (e2e checks the real thing); here a registry stands in for CSS.highlights to
// check the bookkeeping: the right words, the old ranges gone on the next keystroke, none left
// when the results go away. Without the API they are <mark>s (the other search tests).
import { render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Highlight, SEARCH_HIGHLIGHT } from '../../src/ui/views/Search/Highlight';

interface Marked {
  startContainer: Node;
  startOffset: number;
  endOffset: number;
}

const registry = new Map<string, Set<Marked>>();
const saved = {
  CSS: Object.getOwnPropertyDescriptor(globalThis, 'CSS'),
  Highlight: Object.getOwnPropertyDescriptor(globalThis, 'Highlight'),
  StaticRange: Object.getOwnPropertyDescriptor(globalThis, 'StaticRange'),
};

beforeEach(() => {
  registry.clear();
  Object.defineProperty(globalThis, 'CSS', { value: { highlights: registry }, configurable: true });
  Object.defineProperty(globalThis, 'Highlight', {
    value: class extends Set {},
    configurable: true,
  });
  Object.defineProperty(globalThis, 'StaticRange', {
    value: class {
      constructor(init: Marked) {
        Object.assign(this, init);
      }
    },
    configurable: true,
  });
});
afterEach(() => {
  for (const [name, descriptor] of Object.entries(saved)) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else delete (globalThis as Record<string, unknown>)[name];
  }
});

/** The painted words, as text. */
function painted(): string[] {
  return [...(registry.get(SEARCH_HIGHLIGHT) ?? [])].map((r) =>
    (r.startContainer.textContent ?? '').slice(r.startOffset, r.endOffset),
  );
}

describe('search marks painted with the Custom Highlight API', () => {
  it('paints the matched words over one text node, follows the query, and cleans up', () => {
    const title = 'Kubernetes on ARM64: kubelet tips';
    const view = render(<Highlight text={title} query="kube" />);
    expect(view.container.querySelector('mark')).toBeNull();
    expect(view.container.textContent).toBe(title);
    expect(painted()).toEqual(['Kube', 'kube']);

    view.rerender(<Highlight text={title} query="kubernetes" />);
    expect(painted()).toEqual(['Kubernetes']);

    view.rerender(<Highlight text={title} query="nothing" />);
    expect(painted()).toEqual([]);

    view.rerender(<Highlight text={title} query="arm64" />);
    view.unmount();
    expect(painted()).toEqual([]);
  });
});
