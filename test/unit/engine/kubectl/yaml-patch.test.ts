/**
 * `kubectl patch -p` with YAML: yaml.ToJSON reads it with go-yaml v2 (the first document,
 * YAML 1.1 scalars as resolve.go reads them) and refuses it with go-yaml's words. Each row's
 * expectation was recorded from kubectl v1.32 (`kubectl patch --local -f cm.yaml --type merge
 * -p TEXT -o json`: the patched fields, or the message after `unable to parse "…": `); where
 * kubectl is installed, each row is also run through it and the simulator, whole outputs
 * compared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { readYamlPatch } from '../../../../src/engine/kubectl/patch/yaml-patch.ts';

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

type Expected = { value: unknown } | { error: string };

const ROWS: Array<[string, Expected]> = [
  ['spec: [a', { error: "yaml: line 1: did not find expected ',' or ']'" }],
  ['a:\n\tb: 1', { error: 'yaml: line 2: found character that cannot start any token' }],
  ['spec: {a', { error: "yaml: line 1: did not find expected ',' or '}'" }],
  ['a: b: c', { error: 'yaml: mapping values are not allowed in this context' }],
  ['spec: "x', { error: 'yaml: found unexpected end of stream' }],
  ["spec: 'x", { error: 'yaml: found unexpected end of stream' }],
  ['a: *x', { error: "yaml: unknown anchor 'x' referenced" }],
  ['a: !!int x', { error: 'yaml: cannot decode !!str `x` as a !!int' }],
  ['a:\n  - b\n c: 1', { error: 'yaml: line 2: did not find expected key' }],
  ['a: [1, 2', { error: "yaml: line 1: did not find expected ',' or ']'" }],
  ['@x', { error: 'yaml: found character that cannot start any token' }],
  ['a: `x`', { error: 'yaml: found character that cannot start any token' }],
  ['a: 1\n b: 2', { error: 'yaml: line 2: mapping values are not allowed in this context' }],
  ['%YAML 1.1', { error: 'yaml: line 1: did not find expected <document start>' }],
  ['a: |\\n b', { error: 'yaml: did not find expected comment or line break' }],
  ['\ta: 1', { error: 'yaml: found character that cannot start any token' }],
  ['a: [1,\n2', { error: "yaml: line 2: did not find expected ',' or ']'" }],
  ['x\ny: 1', { error: 'yaml: line 2: mapping values are not allowed in this context' }],
  ['a:\n  b: 1\n c: 2', { error: 'yaml: line 2: did not find expected key' }],
  ['<<: 1', { error: 'yaml: map merge requires map or sequence of maps as the value' }],
  ['a: {b: 1}}', { error: 'yaml: did not find expected key' }],
  [']', { error: 'yaml: did not find expected node content' }],
  ['}', { error: 'yaml: did not find expected node content' }],
  ['a: "\\q"', { error: 'yaml: found unknown escape character' }],
  ['\ta', { error: 'yaml: found character that cannot start any token' }],
  ['a:\tb', { value: { a: 'b' } }],
  ['---\na: 1\n---\nb: 2', { value: { a: 1 } }],
  ['a: b\n- c', { error: 'yaml: line 1: did not find expected key' }],
  ['a:\n- b\nc', { error: "yaml: line 4: could not find expected ':'" }],
  ['x: 1\n\ty: 2', { error: 'yaml: line 2: found a tab character that violates indentation' }],
  ["a: 'it''s'", { value: { a: "it's" } }],
  ['a: b\n  c: d', { error: 'yaml: line 2: mapping values are not allowed in this context' }],
  [
    'a: |\n  x\n\ty',
    { error: 'yaml: line 3: found a tab character where an indentation space is expected' },
  ],
  [
    'a: |\n  \tx\n  y',
    { error: 'yaml: line 2: found a tab character where an indentation space is expected' },
  ],
  ['a: [1,\n\t2]', { value: { a: [1, 2] } }],
  [
    'a:\n  b: 1\n\tc: 2',
    { error: 'yaml: line 3: found a tab character that violates indentation' },
  ],
  ['a: "x\n\ty"', { value: { a: 'x y' } }],
  ['# c\n\ta: 1', { error: 'yaml: line 2: found character that cannot start any token' }],
  ['a: 1\n\t# c', { error: 'yaml: line 2: found a tab character that violates indentation' }],
  ['a: 1 # x\n\tb: 2', { error: 'yaml: line 2: found character that cannot start any token' }],
  ['- a\n\t- b', { error: 'yaml: line 2: found a tab character that violates indentation' }],
  ['a:\n-\tb', { error: 'yaml: line 2: found character that cannot start any token' }],
  ['a: &x {b: 1}\nc: *x', { value: { a: { b: 1 }, c: { b: 1 } } }],
  ['base: &b {x: 1}\nd:\n  <<: *b\n  y: 2', { value: { base: { x: 1 }, d: { true: 2, x: 1 } } }],
  ['a: 1\n---\nb: 2', { value: { a: 1 } }],
  ['# only\n', { value: null }],
  ['---\n', { value: null }],
  ['a: 1\n...\n', { value: { a: 1 } }],
  [
    "spec:\n  selector:\n    app: 'it''s'\n    on: yes\n    n: 012\n    x: 0x1F\n    t: 2024-01-01",
    {
      value: { spec: { selector: { app: "it's", false: 10, t: '2024-01-01', true: true, x: 31 } } },
    },
  ],
  ['a: b\nc d', { error: "yaml: line 3: could not find expected ':'" }],
  ["a: 'x", { error: 'yaml: found unexpected end of stream' }],
  ['a: "x\ny', { error: 'yaml: line 2: found unexpected end of stream' }],
  ["'a: 1", { error: 'yaml: found unexpected end of stream' }],
  ['a: [b, {c: d]', { error: "yaml: did not find expected ',' or '}'" }],
  ['a: {b: [c}', { error: "yaml: did not find expected ',' or ']'" }],
  ['"a', { error: 'yaml: found unexpected end of stream' }],
  ['a: !!bool maybe', { error: 'yaml: cannot decode !!str `maybe` as a !!bool' }],
  ['a: !!float x', { error: 'yaml: cannot decode !!str `x` as a !!float' }],
  ['? |\n  k\n: v', { value: { 'k\n': 'v' } }],
  ['a:\n  - b\n  -c: d', { error: "yaml: line 2: did not find expected '-' indicator" }],
  ['- a\n- b\nc: d', { error: "yaml: line 2: did not find expected '-' indicator" }],
  ['a:\n  - b\n c', { error: 'yaml: line 2: did not find expected key' }],
  ['- a\n b: c', { error: 'yaml: line 2: mapping values are not allowed in this context' }],
  ['a:\n- \tb', { error: 'yaml: line 2: found character that cannot start any token' }],
  ['? \ta', { error: 'yaml: found character that cannot start any token' }],
  [
    'a: |\n\tx',
    { error: 'yaml: line 2: found a tab character where an indentation space is expected' },
  ],
  ['a: |\n  x\n  \ty', { value: { a: 'x\n\ty' } }],
  [
    'a: >\n  x\n \ty',
    { error: 'yaml: line 3: found a tab character where an indentation space is expected' },
  ],
  ["a: 'x\n\ty'", { value: { a: 'x y' } }],
  ['a: "x\n\ty"\n\tb: 1', { error: 'yaml: line 3: found character that cannot start any token' }],
  [
    'a:\n  b: |\n    x\n\tc: 1',
    { error: 'yaml: line 4: found a tab character where an indentation space is expected' },
  ],
  ['data:\n  k: |\n    v', { value: { data: { k: 'v' } } }],
  ['data:\n  k: |+\n    v', { value: { data: { k: 'v' } } }],
  ['data:\n  k: >\n    v\n    w', { value: { data: { k: 'v w' } } }],
  ['data:\n  k: |2\n    v', { value: { data: { k: 'v' } } }],
  ['data:\n  k: |\n    v\n', { value: { data: { k: 'v\n' } } }],
  ['data:\n  k: |\n    v\n  ', { value: { data: { k: 'v\n' } } }],
  ['data:\n  k: |-\n    v', { value: { data: { k: 'v' } } }],
  ['data:\n  k: | # c\n    v', { value: { data: { k: 'v' } } }],
  [
    "data:\n  octal: 012\n  hex: 0X1F\n  under: 1_\n  big: 1e400\n  dot: ._5\n  f: .5_5\n  on: yes\n  n: n\n  t: 2024-01-01\n  s: '012'",
    {
      value: {
        data: {
          big: '1e400',
          dot: '._5',
          f: 0.55,
          false: false,
          hex: 31,
          octal: 10,
          s: '012',
          t: '2024-01-01',
          true: true,
          under: 1,
        },
      },
    },
  ],
  ['data:\n  k: !!float 1\n  j: !!str 1', { value: { data: { j: '1', k: 1 } } }],
  [
    'a: &x [1, 2]\nb: *x\nc:\n  <<: {d: 1}\n  e: 2',
    { value: { a: [1, 2], b: [1, 2], c: { d: 1, e: 2 } } },
  ],
];

describe('a YAML patch reads as kubectl v1.32 reads it', () => {
  it.each(ROWS)('%j', (text, want) => {
    const got = readYamlPatch(text);
    if ('error' in want) expect(got).toEqual({ ok: false, error: want.error });
    else expect(got).toEqual({ ok: true, value: want.value });
  });
});

describe.skipIf(!kubectlAvailable())(
  'kubectl patch --local -p YAML: parity with kubectl v1.32',
  () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-yaml-patch-'));
    const file = join(dir, 'cm.yaml');
    const manifest = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n';
    writeFileSync(file, manifest);
    it.each(ROWS)('%j', (text) => {
      const args = ['patch', '--local', '-f', file, '--type', 'merge', '-p', text, '-o', 'json'];
      const want = spawnSync('kubectl', args, {
        encoding: 'utf8',
        env: { ...process.env, KUBECONFIG: join(dir, 'none') },
      });
      const got = runKubectl(createCluster(), args, { files: { [file]: manifest } });
      expect({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).toEqual({
        stdout: want.stdout,
        stderr: want.stderr,
        exitCode: want.status,
      });
    });
  },
);
