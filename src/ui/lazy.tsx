/** Views load on first use, so the first screen ships only what it needs. */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A view component whose code can be fetched ahead of its first render. */
export type LazyView<P extends object> = FunctionComponent<P> & {
  /** Starts loading the view's code now (the first route, while IndexedDB is read). */
  preload(): void;
};

/** Wraps a dynamic import of a view module (default export) as a component. */
export function lazyView<P extends object>(
  load: () => Promise<{ default: FunctionComponent<P> }>,
): LazyView<P> {
  let loaded: FunctionComponent<P> | undefined;
  let pending: Promise<void> | undefined;
  let failure: Error | undefined;
  const ensure = () => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
        failure = undefined;
      },
      (e: Error) => {
        failure = e;
        pending = undefined;
      },
    );
    return pending;
  };
  const LazyView = (props: P) => {
    const [, setVersion] = useState(0);
    // Fetching starts with the first render (effects run a frame later). The effect waits on
    // what this render waited for: a preload that finishes in between must still replace the
    // placeholder, and a failure is shown, not fetched again.
    const waiting = loaded || failure ? undefined : ensure();
    useEffect(() => {
      if (waiting) void waiting.then(() => setVersion((v) => v + 1));
    }, [waiting]);
    if (loaded) {
      const View = loaded;
      return <View {...props} />;
    }
    if (failure) {
      return (
        <p class="empty" role="alert">
          This part of the app could not be loaded ({failure.message}). Reload when you have a
          network.
        </p>
      );
    }
    return (
      <p class="empty" aria-busy="true">
        Loading…
      </p>
    );
  };
  return Object.assign(LazyView, {
    preload(): void {
      void ensure();
    },
  });
}
