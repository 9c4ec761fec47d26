/** The search index of the current schedule, built in the background once per version. */
import { computed, type ReadonlySignal, signal } from '@preact/signals';
import type { Conference } from '../domain/model';
import type { SearchIndex } from '../domain/search';

/**
 * undefined until first read, then built (its code loaded on demand, off the first-load bundle)
 * once per schedule version.
 */
export function searchIndexOf(
  conference: ReadonlySignal<Conference | undefined>,
): ReadonlySignal<SearchIndex | undefined> {
  const built = signal<{ for: Conference; index: SearchIndex } | undefined>(undefined);
  let indexing: Conference | undefined;
  return computed(() => {
    const c = conference.value;
    if (!c) return undefined;
    if (built.value?.for === c) return built.value.index;
    if (indexing !== c) {
      indexing = c;
      void import('../domain/search').then(({ buildSearchIndex }) => {
        if (conference.value === c) built.value = { for: c, index: buildSearchIndex(c) };
      });
    }
    return undefined;
  });
}
