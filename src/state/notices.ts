/** Short messages for the user (toasts): schedule changes, errors, confirmations. */
import { type ReadonlySignal, signal } from '@preact/signals';

/** One message. Errors stay until dismissed; others fade after a while. */
export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  text: string;
}

/** The list of visible notices and how to change it. */
export interface Notices {
  list: ReadonlySignal<readonly Notice[]>;
  push(notice: Omit<Notice, 'id'>): number;
  dismiss(id: number): void;
}

/** Creates an empty notice list. */
export function createNotices(fadeMs = 8000): Notices {
  const list = signal<readonly Notice[]>([]);
  let nextId = 1;
  const dismiss = (id: number) => {
    list.value = list.value.filter((n) => n.id !== id);
  };
  return {
    list,
    push(notice) {
      const id = nextId++;
      list.value = [...list.value.filter((n) => n.text !== notice.text), { ...notice, id }];
      if (notice.kind !== 'error' && notice.kind !== 'warning')
        setTimeout(() => dismiss(id), fadeMs);
      return id;
    },
    dismiss,
  };
}
