import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'fs',
  'path',
  'os',
  'child_process',
  'url',
  'util',
  'process',
  'crypto',
  'http',
  'net',
];
const noNode = nodeBuiltins.flatMap((m) => [m, `node:${m}`, `${m}/*`, `node:${m}/*`]);
const uiLibraries = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  '@xyflow/react',
  'codemirror',
  '@codemirror/*',
];

/** The app's layers, lowest first. Arrows point one way: ui → store → content → learn → engine, cli → engine. */
const LAYERS = ['engine', 'learn', 'content', 'store', 'ui', 'cli'];
/** The engine's folders in their layer order: each may import only those before it. */
const ENGINE_ORDER = [
  'api',
  'labels',
  'cluster',
  'netpol',
  'dns',
  'routing',
  'rbac',
  'mesh',
  'kubectl',
];
/** A layer's public surface: what other layers may import (a light entry beside index.ts). */
const SURFACES = { engine: ['index.ts', 'model.ts'], learn: ['index.ts', 'model.ts'] };

/** A relative import path into `folder` (package imports such as `kubernetes-types/rbac/v1` never match). */
const into = (folder, rest = '') => `^\\.\\.?/(?:.*/)?${folder}(?:/${rest}|$)`;

function surfaceOnly(folder, name, files = ['index.ts']) {
  return {
    regex: into(folder, `(?!(?:${files.map((f) => f.replace('.', '\\.')).join('|')})$)`),
    message: `Import ${name} through its surface (${files.join(' or ')}): DESIGN.md, "A folder's public surface is its index.ts".`,
  };
}

/**
 * One no-restricted-imports rule per layer (ESLint keeps only the last config of a rule per
 * file, so every pattern a file is bound by goes in one list): the layers it may not import
 * (DESIGN.md: arrows point one way), the surfaces of those it may, and for the engine's folders
 * the engine's own order plus index.ts-only imports between folders.
 */
function boundary(layer, forbidden, extra = []) {
  const below = LAYERS.filter((l) => l !== layer && !forbidden.includes(l));
  const patterns = [
    ...forbidden.map((f) => ({
      regex: into(f),
      message: `This layer may not import src/${f} (DESIGN.md: arrows point one way).`,
    })),
    ...below.map((l) => surfaceOnly(l, `src/${l}`, SURFACES[l])),
    ...(extra.length
      ? [{ group: extra, message: 'The engine is pure: no UI libraries, DOM or Node built-ins.' }]
      : []),
  ];
  const own = {
    files: [`src/${layer}/**`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
  if (layer !== 'engine') return [own];
  // Inside the engine: a folder imports the folders before it in ENGINE_ORDER, through their index.ts.
  return ENGINE_ORDER.map((folder, i) => ({
    files: [`src/engine/${folder}/**`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...patterns,
            ...ENGINE_ORDER.slice(i + 1).map((f) => ({
              regex: into(f),
              message: `src/engine/${folder} comes before src/engine/${f} in the engine's order (${ENGINE_ORDER.join(' → ')}): it may not import it.`,
            })),
            ...ENGINE_ORDER.slice(0, i).map((f) => surfaceOnly(f, `src/engine/${f}`)),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', '.scratch'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  ...boundary('engine', ['learn', 'content', 'store', 'ui', 'cli'], [...uiLibraries, ...noNode]),
  ...boundary('learn', ['content', 'store', 'ui', 'cli'], [...uiLibraries, ...noNode]),
  ...boundary('content', ['store', 'ui', 'cli']),
  ...boundary('store', ['ui', 'cli']),
  ...boundary('ui', ['cli']),
  {
    // The store owns everything saved: one schema, one migration, one corrupt-save path.
    files: ['src/ui/**', 'src/learn/**', 'src/content/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['localStorage', 'sessionStorage'].map((name) => ({
          name,
          message: 'Only src/store reads or writes browser storage (saved-state.ts, autosave.ts).',
        })),
      ],
    },
  },
  ...boundary('cli', ['content', 'store', 'ui']),
);
