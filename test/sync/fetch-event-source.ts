/**
 * A tiny EventSource for Node tests, over fetch streams (Node 20 has no EventSource): enough
 * of the browser API for the room-status client — named events, `onopen`, `onerror`,
 * `readyState`, `close()`, Last-Event-ID on reconnect, CLOSED after an HTTP error — with no
 * new package.
 */
type Listener = (event: { data: string; lastEventId: string; type: string }) => void;

/** The subset of EventSource the client and the tests use. */
export class FetchEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  readyState = FetchEventSource.CONNECTING;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: Listener | null = null;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #abort = new AbortController();
  #lastEventId = '';

  constructor(
    readonly url: string,
    readonly reconnectMs = 200,
  ) {
    void this.#connect();
  }

  addEventListener(type: string, listener: Listener): void {
    if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
    this.#listeners.get(type)!.add(listener);
  }

  removeEventListener(type: string, listener: Listener): void {
    this.#listeners.get(type)?.delete(listener);
  }

  close(): void {
    this.readyState = FetchEventSource.CLOSED;
    this.#abort.abort();
  }

  async #connect(): Promise<void> {
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (this.#lastEventId) headers['Last-Event-ID'] = this.#lastEventId;
      const res = await fetch(this.url, { headers, signal: this.#abort.signal });
      if (!res.ok || !res.body) {
        // Like the browser: an HTTP error ends the stream for good.
        this.readyState = FetchEventSource.CLOSED;
        await res.body?.cancel();
        this.onerror?.();
        return;
      }
      this.readyState = FetchEventSource.OPEN;
      this.onopen?.();
      let buffer = '';
      const decoder = new TextDecoder();
      for await (const chunk of res.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          this.#dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
        }
      }
      throw new Error('stream ended');
    } catch {
      if (this.readyState === FetchEventSource.CLOSED) return;
      this.readyState = FetchEventSource.CONNECTING;
      this.onerror?.();
      if (this.readyState === FetchEventSource.CLOSED) return;
      setTimeout(() => void this.#connect(), this.reconnectMs);
    }
  }

  #dispatch(block: string): void {
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') this.#lastEventId = value;
    }
    if (data.length === 0) return;
    const event = { data: data.join('\n'), lastEventId: this.#lastEventId, type };
    if (type === 'message') this.onmessage?.(event);
    for (const listener of this.#listeners.get(type) ?? []) listener(event);
  }
}
