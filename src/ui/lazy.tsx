/** Views load on first use, so the first screen ships only what it needs. */
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** Wraps a dynamic import of a view module (default export) as a component. */
export function lazyView<P extends object>(
  load: () => Promise<{ default: FunctionComponent<P> }>,
): FunctionComponent<P> {
  let loaded: FunctionComponent<P> | undefined;
  let pending: Promise<void> | undefined;
  let failure: Error | undefined;
  const ensure = () => {
    pending ??= load().then(
      (m) => {
        loaded = m.default;
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
    useEffect(() => {
      if (!loaded) void ensure().then(() => setVersion((v) => v + 1));
    }, []);
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
  return LazyView;
}
