/** The store reaches components through context, so each test can give its own. */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { getRuntime, type LabState, type LabStore, type Runtime } from '../../store/index.ts';

const StoreContext = createContext<LabStore | null>(null);

export function LabProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLab must be used inside <LabProvider>');
  return store;
}

/** A narrow selector over the lab store (return a field or a primitive, never a new array). */
export function useLab<T>(selector: (s: LabState) => T): T {
  return useStore(useLabStore(), selector);
}

/** The interpreter half of the engine once it has loaded (undefined for the first few frames). */
export function useRuntime(): Runtime | undefined {
  const ready = useLab((s) => s.runtimeReady);
  return ready ? getRuntime() : undefined;
}
