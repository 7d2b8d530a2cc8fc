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

/** Arrows point one way: ui → store → content → learn → engine, cli → engine (DESIGN.md, Layout). */
function boundary(files, forbiddenFolders, extra = []) {
  return {
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbiddenFolders.map((f) => ({
              group: [`**/${f}`, `**/${f}/*`, `**/${f}/**`],
              message: `This layer may not import src/${f} (DESIGN.md: arrows point one way).`,
            })),
            ...(extra.length
              ? [
                  {
                    group: extra,
                    message: 'The engine is pure: no UI libraries, DOM or Node built-ins.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  };
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
  boundary(
    ['src/engine/**'],
    ['learn', 'content', 'store', 'ui', 'cli'],
    [...uiLibraries, ...noNode],
  ),
  boundary(['src/learn/**'], ['content', 'store', 'ui', 'cli'], [...uiLibraries, ...noNode]),
  boundary(['src/content/**'], ['store', 'ui', 'cli']),
  boundary(['src/store/**'], ['ui', 'cli']),
  boundary(['src/ui/**'], ['cli']),
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
  boundary(['src/cli/**'], ['content', 'store', 'ui']),
);
