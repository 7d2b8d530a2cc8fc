/**
 * The published RBAC conformance cases (DESIGN.md, "Conformance corpus"): every `<id>.yaml`
 * in test/conformance/rbac is loaded into a fresh cluster (bootstrap policy included) and
 * each check's `kubectl.argv` (the `auth can-i` command line, leading `kubectl` dropped) is
 * run; the first word printed and the exit code must match.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canI, runKubectl } from '../../src/engine/index.ts';
import { clusterFromFiles } from '../../src/cli/nslab.ts';

interface Check {
  as: string;
  groups: string[];
  verb: string;
  apiGroup?: string;
  resource?: string;
  subresource?: string | null;
  name?: string | null;
  nonResourceURL?: string;
  namespace?: string;
  allowed: boolean;
  why?: string;
  kubectl: { argv: string[]; exit: number; stdoutFirstWord?: string };
}

const dir = join(dirname(fileURLToPath(import.meta.url)), 'rbac');
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.expect.json'))
  .map((f) => f.slice(0, -'.expect.json'.length))
  .sort();

describe('rbac conformance', () => {
  it('finds the published cases', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const id of cases) {
    const expected = JSON.parse(readFileSync(join(dir, `${id}.expect.json`), 'utf8')) as {
      checks: Check[];
    };
    describe(id, () => {
      const loaded = clusterFromFiles([join(dir, `${id}.yaml`)]);
      expected.checks.forEach((check, i) => {
        const argv =
          check.kubectl.argv[0] === 'kubectl' ? check.kubectl.argv.slice(1) : check.kubectl.argv;
        it(`#${i + 1} ${argv.join(' ')}`, () => {
          if ('error' in loaded) throw new Error(loaded.error);
          const r = runKubectl(loaded.state, argv);
          const first = r.stdout.trim().split(/\s+/)[0] ?? '';
          const word = check.kubectl.stdoutFirstWord ?? (check.allowed ? 'yes' : 'no');
          expect({ first, exit: r.exitCode }, `${check.why ?? ''} ${r.stderr}`).toEqual({
            first: word,
            exit: check.kubectl.exit,
          });
        });
        it(`#${i + 1} as data (canI): ${check.verb} ${check.resource ?? check.nonResourceURL}`, () => {
          if ('error' in loaded) throw new Error(loaded.error);
          const decision = canI(loaded.state, {
            as: check.as,
            groups: check.groups,
            verb: check.verb,
            ...(check.nonResourceURL !== undefined
              ? { nonResourceURL: check.nonResourceURL }
              : {
                  apiGroup: check.apiGroup ?? '',
                  resource: check.resource ?? '',
                  subresource: check.subresource ?? '',
                  name: check.name ?? '',
                  namespace: check.namespace ?? '',
                }),
          });
          expect(decision.allowed, `${check.why ?? ''}: ${decision.reason}`).toBe(check.allowed);
        });
      });
    });
  }
});
