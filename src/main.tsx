import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/base.css';
import './ui/styles.css';
import { createLabStore, loadRuntime } from './store/index.ts';
import { App, LabProvider } from './ui/index.ts';

const store = createLabStore();
// A handle for the end-to-end tests and benchmarks (read-only use; the UI never reads it).
Object.assign(window, { __nslab: store, __nslabRuntime: loadRuntime });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabProvider store={store}>
      <App />
    </LabProvider>
  </StrictMode>,
);
