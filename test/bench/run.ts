/**
 * `npm run bench`: runs every test/bench/*.bench.ts in turn. Each prints its own figures;
 * benchmarks are measurements, never pass/fail tests.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of files) {
  console.log(`\n=== ${f}`);
  await import(pathToFileURL(join(here, f)).href);
}
