/**
 * The published DNS conformance cases (DESIGN.md, "Conformance corpus"): every `<id>.yaml` in
 * test/conformance/dns is loaded into a fresh cluster and each expected query is compared with
 * `resolve --from NS/POD NAME --type T -o json` — rcode, fqdn, and the answers as a set of
 * {type, data}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/engine/index.ts';
import { clusterFromFiles } from '../../src/cli/nslab.ts';

interface Query {
  from: string;
  name: string;
  type: string;
  rcode: string;
  fqdn: string | null;
  answers: Array<{ type: string; data: string }>;
  why?: string;
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'dns');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expect.json'))
  .map((f) => f.slice(0, -'.expect.json'.length))
  .sort();

const asSet = (answers: Array<{ type: string; data: string }>) =>
  answers.map((a) => `${a.type} ${a.data}`).sort();

describe('dns conformance', () => {
  it('finds the published cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const id of cases) {
    const expected = JSON.parse(readFileSync(join(dir, `${id}.expect.json`), 'utf8')) as {
      queries: Query[];
    };
    describe(id, () => {
      const loaded = clusterFromFiles([join(dir, `${id}.yaml`)]);
      expected.queries.forEach((q, i) => {
        it(`#${i + 1} ${q.type} ${q.name} from ${q.from}`, () => {
          if ('error' in loaded) throw new Error(loaded.error);
          const r = runKubectl(loaded.state, [
            'resolve',
            '--from',
            q.from,
            q.name,
            '--type',
            q.type,
            '-o',
            'json',
          ]);
          expect(r.stderr).toBe('');
          const got = JSON.parse(r.stdout) as Query;
          expect({ rcode: got.rcode, fqdn: got.fqdn, answers: asSet(got.answers) }, q.why).toEqual({
            rcode: q.rcode,
            fqdn: q.fqdn,
            answers: asSet(q.answers),
          });
        });
      });
    });
  }
});
