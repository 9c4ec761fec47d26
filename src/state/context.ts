/** How components reach the store: <StoreProvider value={store}> and useStore(). */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AppStore } from './store';

/** The store's context; the app and component tests provide it. */
export const StoreContext = createContext<AppStore | null>(null);

/** The store; throws when a component is rendered outside a provider (a bug, not a user error). */
export function useStore(): AppStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useStore() needs a <StoreContext.Provider> above it.');
  return store;
}
