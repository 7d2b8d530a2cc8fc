import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const jsYamlLib = join(
  dirname(createRequire(import.meta.url).resolve('js-yaml/package.json')),
  'lib',
);

/**
 * The engine reads YAML with js-yaml and prints it with its own go-yaml emitter, so the app
 * bundles js-yaml's reader (the same modules the package's entry re-exports) without its
 * dumper. Node (the CLI, the tests) keeps importing the package itself.
 */
function jsYamlReader(): Plugin {
  const id = '\0js-yaml-reader';
  const lib = (file: string) => JSON.stringify(join(jsYamlLib, file));
  return {
    name: 'js-yaml-reader',
    enforce: 'pre',
    resolveId: (source) => (source === 'js-yaml' ? id : null),
    load: (module) =>
      module === id
        ? [
            `import loader from ${lib('loader.js')};`,
            `import Type from ${lib('type.js')};`,
            `import FAILSAFE_SCHEMA from ${lib('schema/failsafe.js')};`,
            `import nullType from ${lib('type/null.js')};`,
            `import merge from ${lib('type/merge.js')};`,
            'export const load = loader.load;',
            'export const types = { null: nullType, merge };',
            'export { Type, FAILSAFE_SCHEMA };',
            'export default { load, Type, FAILSAFE_SCHEMA, types };',
          ].join('\n')
        : null,
  };
}

const DEFERRED =
  /\/src\/engine\/kubectl\/(?:describe\/|patch\/|kubectl\.ts|commands\/create\/(?:role|rolebinding|cronjob|job)\.ts|commands\/(?:describe|patch|replace|edit|explain|who-can|api-resources|probe|resolve|cni|run|run-attach|expose|label|annotate|metadata-edit|scale|index)\.ts)/;

export default defineConfig({
  plugins: [react(), jsYamlReader()],
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
