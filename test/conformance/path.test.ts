/**
 * The published request-path conformance cases (DESIGN.md, "Conformance corpus"): every
 * `<id>.yaml` in test/conformance/path is loaded into a fresh cluster and each expected exec is
 * compared with `exec -n NS POD -- ARGV…` by its exit code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/engine/index.ts';
import { clusterFromFiles } from '../../src/cli/nslab.ts';

interface Exec {
  ns: string;
  pod: string;
  argv: string[];
  exit: number;
  why?: string;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'path');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expect.json'))
  .map((f) => f.slice(0, -'.expect.json'.length))
  .sort();

describe('path conformance', () => {
  it('finds the published cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const id of cases) {
    const expected = JSON.parse(readFileSync(join(dir, `${id}.expect.json`), 'utf8')) as {
      execs: Exec[];
    };
    describe(id, () => {
      const loaded = clusterFromFiles([join(dir, `${id}.yaml`)]);
      expected.execs.forEach((e, i) => {
        it(`#${i + 1} ${e.ns}/${e.pod}: ${e.argv.join(' ')}`, () => {
          if ('error' in loaded) throw new Error(loaded.error);
          const r = runKubectl(loaded.state, ['exec', '-n', e.ns, e.pod, '--', ...e.argv]);
          expect(r.exitCode, `${e.why ?? ''}\n${r.stdout}${r.stderr}`).toBe(e.exit);
        });
      });
    });
  }
});
