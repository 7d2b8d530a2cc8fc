import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // The interpreter chunk (the whole engine, ~130 KB gzip) loads after first paint, by design;
    // the first-render budget is measured by test/bench/ui.bench.ts instead.
    chunkSizeWarningLimit: 1000,
  },
});
