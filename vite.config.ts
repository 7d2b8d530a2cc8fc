import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const DEFERRED =
  /\/src\/engine\/kubectl\/(?:describe\/|patch\/|kubectl\.ts|commands\/create\/(?:role|rolebinding|cronjob|job)\.ts|commands\/(?:describe|patch|replace|edit|explain|who-can|api-resources|probe|resolve|cni|run|run-attach|expose|label|annotate|metadata-edit|scale|index)\.ts)/;

export default defineConfig({
  plugins: [react()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: true,
    // The interpreter chunk loads after first paint, by design; the budgets (first render, and
    // everything fetched before the terminal's first answer) are measured by test/bench/ui.bench.ts.
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      // src/engine and src/learn are pure by rule (lint and their own tsconfigs): a module of
      // theirs whose exports go unused can be left out, so the first screen takes from their
      // surfaces only what it calls, and the interpreter stays in the runtime chunk.
      treeshake: { moduleSideEffects: (id) => !/\/src\/(engine|learn)\//.test(id) },
      output: {
        // The verbs the app loads on demand (CORE_COMMANDS defers them) get a chunk of their
        // own, so the runtime the terminal needs first does not carry them.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ name: 'kubectl-whole', test: DEFERRED }],
        },
      },
    },
  },
});
