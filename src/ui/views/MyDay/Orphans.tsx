/**
 * Bookmarks whose talk is no longer in the schedule (removed, or re-keyed by an update): shown
 * from the snapshot kept with the bookmark, never dropped. The user removes them when ready.
 */
import { useStore } from '../../../state/context';
import type { AppStore } from '../../../state/store';
import { shortDay, spanOf } from '../../format';
import { href } from '../../router';

/** A bookmark as the store gives it (views never import storage, not even its types). */
export type Bookmark =
  AppStore['bookmarks']['value'] extends ReadonlyMap<string, infer B> ? B : never;

/** The "no longer in the schedule" section; nothing when there are no orphans. */
export function Orphans({ orphans, zone }: { orphans: readonly Bookmark[]; zone: string }) {
  const store = useStore();
  if (orphans.length === 0) return null;
  return (
    <section class="myday-orphans" aria-labelledby="myday-orphans-head">
      <h2 id="myday-orphans-head">No longer in the schedule</h2>
      <p class="muted">
        {orphans.length === 1 ? 'This talk was' : 'These talks were'} on your day but{' '}
        {orphans.length === 1 ? 'is' : 'are'} not in the current schedule: removed, or changed by a
        schedule update. Plan B keeps your bookmark and notes; remove it when you no longer need it.
      </p>
      <ul class="plain-list myday-list">
        {orphans.map((b) => {
          const s = b.snapshot;
          const known = Number.isFinite(s.start) && s.start > 0;
          return (
            <li key={b.talk} class="myday-item myday-orphan">
              <div class="myday-talk-body">
                <p class="myday-when">
                  {known ? `${shortDay(s.start, zone)} · ${spanOf(s, zone)}` : 'Time unknown'}
                  <span class="badge badge-soft">Not in the schedule</span>
                </p>
                <a class="myday-title" href={href(['talk', b.talk])}>
                  <span class="myday-title-text">{s.title}</span>
                </a>
                <p class="myday-meta">
                  {s.room || 'Room unknown'}
                  {s.track ? ` · ${s.track}` : ''}
                </p>
              </div>
              <button
                type="button"
                class="button button-quiet myday-remove"
                aria-label={`Remove “${s.title}” from My day`}
                onClick={() => void store.removeBookmark(b.talk)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
