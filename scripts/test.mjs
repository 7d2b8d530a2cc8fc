// `npm test`: every layer — types, lint, format, unit + component + conformance (Vitest),
// then the real-browser end-to-end tests. Each runner prints its own summary; the last line
// is the total over every layer: `N passed, M failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

function step(title, cmd, args) {
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status === 0;
}

function check(title, cmd, args) {
  const ok = step(title, cmd, args);
  if (ok) passed++;
  else failed++;
  console.log(`${title}: ${ok ? 'passed' : 'FAILED'}`);
}

function vitestLayer(title, config, outFile) {
  rmSync(outFile, { force: true });
  const ok = step(title, 'npx', [
    'vitest',
    'run',
    '--config',
    config,
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${outFile}`,
  ]);
  if (!existsSync(outFile)) {
    failed++;
    console.log(`${title}: the runner wrote no results`);
    return;
  }
  const r = JSON.parse(readFileSync(outFile, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests > 0 ? 0 : 1);
  skipped += r.numPendingTests + r.numTodoTests;
  console.log(
    `${title}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
  );
}

mkdirSync('test-results', { recursive: true });
check('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
check('typecheck (engine: no DOM, no Node)', 'npx', [
  'tsc',
  '-p',
  'src/engine/tsconfig.json',
  '--noEmit',
]);
check('typecheck (learn: no DOM, no Node)', 'npx', [
  'tsc',
  '-p',
  'src/learn/tsconfig.json',
  '--noEmit',
]);
check('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
check('format', 'npx', ['prettier', '--check', '.', '--log-level', 'warn']);
vitestLayer(
  'unit, component and conformance tests',
  'vitest.config.ts',
  'test-results/vitest.json',
);
check('build', 'npx', ['vite', 'build', '--logLevel', 'warn']);
vitestLayer('end-to-end tests (Chromium)', 'vitest.e2e.config.ts', 'test-results/e2e.json');

const summary = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
writeFileSync('test-results/summary.txt', `${summary}\n`);
console.log('');
console.log(summary);
process.exit(failed > 0 ? 1 : 0);
