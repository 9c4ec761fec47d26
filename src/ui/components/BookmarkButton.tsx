/** The star that puts a talk on "My day"; a real toggle button for keyboards and screen readers. */
import type { Talk } from '../../domain/model';
import { useStore } from '../../state/context';

/** Bookmark toggle for one talk. */
export function BookmarkButton({
  talk,
  size = 'normal',
}: {
  talk: Talk;
  size?: 'normal' | 'large';
}) {
  const store = useStore();
  const on = store.bookmarks.value.has(talk.key);
  return (
    <button
      type="button"
      class={`bookmark ${size === 'large' ? 'bookmark-large' : ''}`}
      aria-pressed={on}
      aria-label={
        size === 'large'
          ? undefined
          : on
            ? `Remove “${talk.title}” from My day`
            : `Add “${talk.title}” to My day`
      }
      title={on ? 'On My day' : 'Add to My day'}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        void store.toggleBookmark(talk);
      }}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" width="24" height="24">
        <path
          d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8L12 16.9l-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z"
          fill={on ? 'currentColor' : 'none'}
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linejoin="round"
        />
      </svg>
      {size === 'large' && <span>{on ? 'On My day' : 'Add to My day'}</span>}
    </button>
  );
}
