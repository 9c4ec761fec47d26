/**
 * How the notes store hears about the world outside this tab: other tabs' writes on the
 * BroadcastChannel "planb-notes" (an untouched editor follows them, an edited one learns of the
 * conflict before it even tries to save), and the page being hidden or closed (save at once).
 */
import type { TalkKey } from '../domain/model';

/** Name of the channel tabs use to tell each other about note and user-data writes. */
export const NOTES_CHANNEL = 'planb-notes';

/** The part of BroadcastChannel the notes store uses. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** Where to listen for visibilitychange and pagehide. */
export interface PageLike {
  document: Document;
  window: Window;
}

/** What happened elsewhere, and what to do about it. */
export interface TabSyncHandlers {
  /** Another tab wrote the note on `key`. */
  noteChanged(key: TalkKey): void;
  /** Another tab changed bookmarks, attendance or restored a backup. */
  userDataChanged(): void;
  /** The page is going away or hidden: save everything now. */
  hidden(): void;
  /** The page is visible again: another tab may have written meanwhile. */
  visible(): void;
}

/** This tab's side of the channel. */
export interface TabSync {
  /** Tells other tabs that this one wrote the note on `key`. */
  noteWritten(key: TalkKey, updatedAt: number): void;
  /** Tells other tabs that this one changed other user data. */
  userDataWritten(): void;
  dispose(): void;
}

type Message =
  | { type: 'note'; from: string; key: TalkKey; updatedAt: number }
  | { type: 'user-data'; from: string };

/**
 * Connects `handlers` to the channel and the page. `channel`/`page` undefined: the browser's;
 * null: none (tests).
 */
export function connectTabs(
  handlers: TabSyncHandlers,
  options: { channel?: ChannelLike | null; page?: PageLike | null } = {},
): TabSync {
  const tab = Math.random().toString(36).slice(2);
  const channel = options.channel === undefined ? openChannel() : options.channel;
  const onMessage = (event: MessageEvent) => {
    const message = event.data as Message | undefined;
    if (!message || message.from === tab) return;
    if (message.type === 'note') handlers.noteChanged(message.key);
    else handlers.userDataChanged();
  };
  channel?.addEventListener('message', onMessage);
  const post = (message: Message) => {
    try {
      channel?.postMessage(message);
    } catch {
      // A closed channel: the updatedAt check still protects the note.
    }
  };

  const page = options.page === undefined ? browserPage() : options.page;
  const onVisibility = () => {
    if (page?.document.visibilityState === 'hidden') handlers.hidden();
    else handlers.visible();
  };
  const onPageHide = () => handlers.hidden();
  page?.document.addEventListener('visibilitychange', onVisibility);
  page?.window.addEventListener('pagehide', onPageHide);

  return {
    noteWritten: (key, updatedAt) => post({ type: 'note', from: tab, key, updatedAt }),
    userDataWritten: () => post({ type: 'user-data', from: tab }),
    dispose() {
      channel?.removeEventListener('message', onMessage);
      if (options.channel === undefined) channel?.close();
      page?.document.removeEventListener('visibilitychange', onVisibility);
      page?.window.removeEventListener('pagehide', onPageHide);
    },
  };
}

function browserPage(): PageLike | null {
  return typeof window === 'undefined' ? null : { document, window };
}

function openChannel(): ChannelLike | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  try {
    const channel = new BroadcastChannel(NOTES_CHANNEL);
    // Node (tests) keeps a process alive while a channel is open; a page does not care.
    (channel as { unref?: () => void }).unref?.();
    return channel;
  } catch {
    return null;
  }
}
