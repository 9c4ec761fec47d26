/** Toasts: schedule changes, errors (which stay until dismissed), confirmations. */
import { useStore } from '../../state/context';

/** The notice stack at the bottom of the screen. */
export function NoticeList() {
  const notices = useStore().notices;
  const list = notices.list.value;
  return (
    <div class="notices" aria-live="polite">
      {list.map((n) => (
        <div
          key={n.id}
          class={`notice notice-${n.kind}`}
          role={n.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{n.text}</span>
          <button
            type="button"
            class="notice-close"
            aria-label="Dismiss"
            onClick={() => notices.dismiss(n.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
