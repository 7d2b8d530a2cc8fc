/**
 * The published NetworkPolicy conformance cases (DESIGN.md, "Conformance corpus"): every
 * `<id>.yaml` in test/conformance/netpol is loaded into a fresh cluster and each expected
 * probe is compared with `probe --port P --protocol PR -o json`. `null` cells are not asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/engine/index.ts';
import { clusterFromFiles } from '../../src/cli/nslab.ts';

interface Probe {
  port: number;
  protocol: string;
  pods: string[];
  matrix: Array<Array<boolean | null>>;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'netpol');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expect.json'))
  .map((f) => f.slice(0, -'.expect.json'.length))
  .sort();

describe('netpol conformance', () => {
  it('finds the published cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const id of cases) {
    const expected = JSON.parse(readFileSync(join(dir, `${id}.expect.json`), 'utf8')) as {
      probes: Probe[];
    };
    describe(id, () => {
      const loaded = clusterFromFiles([join(dir, `${id}.yaml`)]);
      for (const probe of expected.probes) {
        it(`${probe.protocol}/${probe.port}`, () => {
          if ('error' in loaded) throw new Error(loaded.error);
          const r = runKubectl(loaded.state, [
            'probe',
            '--port',
            String(probe.port),
            '--protocol',
            probe.protocol,
            '-o',
            'json',
          ]);
          expect(r.stderr).toBe('');
          expect(r.exitCode).toBe(0);
          const got = JSON.parse(r.stdout) as Probe;
          expect(got.port).toBe(probe.port);
          expect(got.protocol).toBe(probe.protocol);
          expect(got.pods).toEqual(probe.pods);
          const wrong: string[] = [];
          probe.matrix.forEach((row, i) =>
            row.forEach((cell, j) => {
              if (cell !== null && got.matrix[i]?.[j] !== cell)
                wrong.push(`${probe.pods[i]} -> ${probe.pods[j]}: expected ${cell}`);
            }),
          );
          expect(wrong).toEqual([]);
        });
      }
    });
  }
});
