/**
 * `-o yaml` is go-yaml v2's emitter (go-yaml.ts). Each row: a ConfigMap `data` value, the
 * go-yaml v2.4.0 rule it exercises (emitterc.go analyze_scalar / select_scalar_style /
 * write_*_scalar, encode.go stringv, resolve.go, sorter.go), and the `data:` section kubectl
 * v1.32 printed for it, recorded with `kubectl annotate --local -f cm.json x=y --overwrite
 * -o yaml` (sigs.k8s.io/yaml's JSONToYAML). Where kubectl is installed, every row is run
 * through it again, and `create … --dry-run=client -o yaml` forms with such values are
 * compared with the simulator's whole output; both skip without kubectl.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runKubectl, toYaml } from '../../../../src/engine/kubectl/index.ts';

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasKubectl = kubectlAvailable();
const env = { ...process.env, KUBECONFIG: '/nonexistent' };

const words = (n: number, p = 'word') => Array.from({ length: n }, (_, i) => `${p}${i}`).join(' ');
const ROWS: Array<[string, unknown, string]> = [
  // plain: analyze_scalar finds nothing that needs quotes, and resolve() reads it as a string
  ['plain: a word', { k: 'abc' }, 'data:\n  k: abc\n'],
  ['plain: inner spaces', { k: 'a b c' }, 'data:\n  k: a b c\n'],
  ['plain: an apostrophe that is not first', { k: "it's" }, "data:\n  k: it's\n"],
  ['plain: a colon not followed by a space', { k: 'a:b' }, 'data:\n  k: a:b\n'],
  ['plain: # not preceded by a space', { k: 'a#b' }, 'data:\n  k: a#b\n'],
  ['plain: - not followed by a space', { k: '-a' }, 'data:\n  k: -a\n'],
  [
    'plain: printable unicode, no-break space included (is_printable)',
    { k: 'héllo 日本', nbsp: '\u00a0x' },
    'data:\n  k: héllo 日本\n  nbsp: \u00a0x\n',
  ],
  ['plain: << has no resolve hint', { k: '<<' }, 'data:\n  k: <<\n'],
  ['plain: not a YAML 1.1 bool spelling', { k: 'yEs', t: 'tRue' }, 'data:\n  k: yEs\n  t: tRue\n'],
  [
    'plain: looks numeric, resolves to a string',
    { a: '1.2.3', b: '0x', c: '+.nan', d: 'NaN', e: 'Infinity' },
    'data:\n  a: 1.2.3\n  b: 0x\n  c: +.nan\n  d: NaN\n  e: Infinity\n',
  ],
  ['plain: ParseFloat overflow (ErrRange) leaves a string', { k: '1e400' }, 'data:\n  k: 1e400\n'],
  ['plain: ParseFloat rejects _ after the dot', { k: '._5' }, 'data:\n  k: ._5\n'],
  ['plain: hex beyond uint64', { k: '0x1FFFFFFFFFFFFFFFF' }, 'data:\n  k: 0x1FFFFFFFFFFFFFFFF\n'],
  [
    'plain: time.Parse range checks fail',
    {
      a: '2024-13-01',
      b: '2024-02-30',
      c: '2023-02-29',
      d: '2024-01-01T24:00:00Z',
      e: '2024-01-01T00:00:00+25:00',
    },
    'data:\n  a: 2024-13-01\n  b: 2024-02-30\n  c: 2023-02-29\n  d: 2024-01-01T24:00:00Z\n  e: 2024-01-01T00:00:00+25:00\n',
  ],
  ['plain: not a base-60 float', { a: '1:60', b: '80:8080' }, 'data:\n  a: 1:60\n  b: 80:8080\n'],
  // double-quoted: resolve() would read another type (encode.go stringv, canUsePlain false)
  [
    'double: ints in every Go base',
    { a: '80', b: '-1', c: '+1', d: '0x1F', e: '0X1f', f: '0o17', g: '0777', h: '0b101' },
    'data:\n  a: "80"\n  b: "-1"\n  c: "+1"\n  d: "0x1F"\n  e: "0X1f"\n  f: "0o17"\n  g: "0777"\n  h: "0b101"\n',
  ],
  [
    'double: underscores dropped before ParseInt',
    { a: '1_000', b: '1_', c: '1__2' },
    'data:\n  a: "1_000"\n  b: "1_"\n  c: "1__2"\n',
  ],
  ['double: resolve.go binary tail 0b-N', { k: '0b-1' }, 'data:\n  k: "0b-1"\n'],
  [
    'double: int64 and uint64 limits',
    {
      a: '9223372036854775807',
      b: '9223372036854775808',
      c: '18446744073709551615',
      d: '18446744073709551616',
    },
    'data:\n  a: "9223372036854775807"\n  b: "9223372036854775808"\n  c: "18446744073709551615"\n  d: "18446744073709551616"\n',
  ],
  [
    'double: floats (yamlStyleFloat)',
    { a: '1.5', b: '1e3', c: '1E3', d: '08', e: '.5', f: '.5_5', g: '1.' },
    'data:\n  a: "1.5"\n  b: "1e3"\n  c: "1E3"\n  d: "08"\n  e: ".5"\n  f: ".5_5"\n  g: "1."\n',
  ],
  [
    'double: special floats',
    { a: '.inf', b: '-.Inf', c: '+.INF', d: '.nan', e: '.NaN' },
    'data:\n  a: ".inf"\n  b: "-.Inf"\n  c: "+.INF"\n  d: ".nan"\n  e: ".NaN"\n',
  ],
  [
    'double: YAML 1.1 bools',
    {
      a: 'y',
      b: 'Y',
      c: 'yes',
      d: 'Yes',
      e: 'YES',
      f: 'n',
      g: 'N',
      h: 'no',
      i: 'NO',
      j: 'true',
      k: 'True',
      l: 'FALSE',
      m: 'on',
      n: 'On',
      o: 'OFF',
      p: 'off',
    },
    'data:\n  a: "y"\n  b: "Y"\n  c: "yes"\n  d: "Yes"\n  e: "YES"\n  f: "n"\n  g: "N"\n  h: "no"\n  i: "NO"\n  j: "true"\n  k: "True"\n  l: "FALSE"\n  m: "on"\n  "n": "On"\n  o: "OFF"\n  p: "off"\n',
  ],
  [
    'double: nulls and the empty string',
    { a: 'null', b: 'Null', c: 'NULL', d: '~', e: '' },
    'data:\n  a: "null"\n  b: "Null"\n  c: "NULL"\n  d: "~"\n  e: ""\n',
  ],
  [
    'double: base-60 floats (isBase60Float)',
    { a: '1:20', b: '12:30:45', c: '-1:30.5' },
    'data:\n  a: "1:20"\n  b: "12:30:45"\n  c: "-1:30.5"\n',
  ],
  [
    'double: timestamps time.Parse accepts',
    {
      a: '2024-01-01',
      b: '2024-1-1',
      c: '2024-02-29',
      d: '2024-01-01T00:00:00Z',
      e: '2024-01-01t00:00:00Z',
      f: '2024-01-01 00:00:00',
      g: '2001-12-14 21:59:43.10',
      h: '2024-01-01T00:00:00,5Z',
      i: '2024-01-01T00:00:00+05:30',
      j: '2024-01-01T1:2:3.123456789Z',
    },
    'data:\n  a: "2024-01-01"\n  b: "2024-1-1"\n  c: "2024-02-29"\n  d: "2024-01-01T00:00:00Z"\n  e: "2024-01-01t00:00:00Z"\n  f: "2024-01-01 00:00:00"\n  g: "2001-12-14 21:59:43.10"\n  h: "2024-01-01T00:00:00,5Z"\n  i: "2024-01-01T00:00:00+05:30"\n  j: "2024-01-01T1:2:3.123456789Z"\n',
  ],
  // single-quoted: plain not allowed (indicators, edges), single quotes allowed
  [
    'single: an indicator first',
    {
      a: '*',
      b: '&a',
      c: '!a',
      d: '|',
      e: '>',
      f: '%a',
      g: '@a',
      h: '`a',
      i: '#a',
      j: '[a]',
      k: '{a}',
      l: ',a',
    },
    "data:\n  a: '*'\n  b: '&a'\n  c: '!a'\n  d: '|'\n  e: '>'\n  f: '%a'\n  g: '@a'\n  h: '`a'\n  i: '#a'\n  j: '[a]'\n  k: '{a}'\n  l: ',a'\n",
  ],
  [
    'single: ? : - alone or before a space',
    { a: '?', b: ':', c: '-', d: '- a', e: '? a', f: ': a' },
    "data:\n  a: '?'\n  b: ':'\n  c: '-'\n  d: '- a'\n  e: '? a'\n  f: ': a'\n",
  ],
  ['single: ": " and " #" inside', { a: 'a: b', b: 'a #b' }, "data:\n  a: 'a: b'\n  b: 'a #b'\n"],
  [
    'single: document markers',
    { a: '---', b: '...', c: '--- a' },
    "data:\n  a: '---'\n  b: '...'\n  c: '--- a'\n",
  ],
  [
    'single: quotes first, doubled inside',
    { a: "'a'", b: '"a"', c: "'" },
    "data:\n  a: '''a'''\n  b: '\"a\"'\n  c: ''''\n",
  ],
  [
    'single: leading and trailing spaces',
    { a: ' lead', b: 'trail ', c: ' both ' },
    "data:\n  a: ' lead'\n  b: 'trail '\n  c: ' both '\n",
  ],
  [
    "single: didn't with a trailing space (was double-quoted before)",
    { k: "didn't ", l: "*didn't" },
    "data:\n  k: 'didn''t '\n  l: '*didn''t'\n",
  ],
  // double-quoted: special characters (not is_printable) forbid plain, single and literal
  [
    'double: tab and control characters',
    { a: 'a\tb', b: '\t', c: '\x01', d: '\x1b[0m', e: '\x00' },
    'data:\n  a: "a\\tb"\n  b: "\\t"\n  c: "\\x01"\n  d: "\\e[0m"\n  e: "\\0"\n',
  ],
  [
    'double: astral code points are escaped \\U',
    { a: '😀', b: 'a😀b' },
    'data:\n  a: "\\U0001F600"\n  b: "a\\U0001F600b"\n',
  ],
  [
    'double: after a leading BOM every character is escaped (is_bom)',
    { a: '\ufeffab', b: 'a\ufeffb' },
    'data:\n  a: "\\uFEFF\\x61\\x62"\n  b: "a\\uFEFFb"\n',
  ],
  [
    'double: CR is not printable',
    { a: 'a\rb', b: 'a\r\nb' },
    'data:\n  a: "a\\rb"\n  b: "a\\r\\nb"\n',
  ],
  [
    'fold: a raw NEL folds to a space when JSONToYAML reads it back',
    { a: 'a\u0085b', b: 'a \u0085\u0085 b' },
    'data:\n  a: a b\n  b: |-\n    a\n    b\n',
  ],
  ['single: LS is a printable break', { k: 'a\u2028b' }, "data:\n  k: 'a\u2028    b'\n"],
  // literal: a newline asks for a literal block (stringv); hints from write_block_scalar_hints
  [
    'literal: strip, clip, keep',
    { a: 'a\nb', b: 'a\nb\n', c: 'a\n\n', d: 'line1\nline2\n\nline4\n' },
    'data:\n  a: |-\n    a\n    b\n  b: |\n    a\n    b\n  c: |+\n    a\n\n  d: |\n    line1\n    line2\n\n    line4\n',
  ],
  [
    'literal: indentation hint when the text starts with a space or a break',
    { a: ' a\nb', b: '\na', c: '\n', d: '  x\n' },
    'data:\n  a: |2-\n     a\n    b\n  b: |2-\n\n    a\n  c: |2+\n\n  d: |2\n      x\n',
  ],
  ['literal: lines that only hold spaces', { a: 'a\n  \nb' }, 'data:\n  a: "a\\n  \\nb"\n'],
  [
    'double: no literal with a space before a break, a trailing space or a tab',
    { a: 'a \nb', b: 'a\n ', c: 'a\n\tb' },
    'data:\n  a: "a \\nb"\n  b: "a\\n "\n  c: "a\\n\\tb"\n',
  ],
  [
    'literal: in a list and deeper',
    { l: ['a\nb', { m: 'x\ny\n' }] },
    'data:\n  l:\n  - |-\n    a\n    b\n  - m: |\n      x\n      y\n',
  ],
  // folding at best_width 80 (write_plain/single/double_quoted_scalar)
  [
    'fold: a long plain value',
    { k: words(40) },
    'data:\n  k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35 word36\n    word37 word38 word39\n',
  ],
  [
    'fold: a long plain value with an apostrophe',
    { k: "it's " + words(30) },
    "data:\n  k: it's word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n    word24 word25 word26 word27 word28 word29\n",
  ],
  [
    'fold: a long single-quoted value',
    { k: "'" + words(30) },
    "data:\n  k: '''word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n    word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n    word24 word25 word26 word27 word28 word29'\n",
  ],
  [
    'fold: a long double-quoted value',
    { k: words(30) + '\t' },
    'data:\n  k: "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29\\t"\n',
  ],
  [
    'fold: not before a second space',
    { k: words(15) + '  ' + words(15) },
    'data:\n  k: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14  word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10\n    word11 word12 word13 word14\n',
  ],
  [
    'fold: double-quoted escapes the space after a break',
    { k: words(12) + '  ' + words(12) + '\t' },
    'data:\n  k: "word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11  word0\n    word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\\t"\n',
  ],
  [
    'fold: no spaces, no fold',
    { k: 'a'.repeat(90) },
    'data:\n  k: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n',
  ],
  [
    'fold: around column 80',
    { a: 'x'.repeat(75) + ' y', b: 'x'.repeat(76) + ' y', c: 'x'.repeat(77) + ' y z' },
    'data:\n  a: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx y\n  b: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y\n  c: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n    y z\n',
  ],
  [
    'fold: columns count characters, not bytes',
    { k: 'é'.repeat(85) + ' x' + ' y'.repeat(10) },
    'data:\n  k: ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n    x y y y y y y y y y y\n',
  ],
  [
    'fold: in a list item and deeper',
    { l: [words(25)], m: { n: { o: words(25) } } },
    'data:\n  l:\n  - word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n  m:\n    "n":\n      o: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n        word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22\n        word23 word24\n',
  ],
  // keys (check_simple_key: one line, at most 128 bytes)
  [
    'keys: quoted like values',
    { '80': 1, '*': 2, '': 3, 'a b': 4, y: 5, ' x': 6 },
    'data:\n  "": 3\n  \' x\': 6\n  \'*\': 2\n  "80": 1\n  a b: 4\n  "y": 5\n',
  ],
  [
    'keys: 128 bytes stay simple, more become ? keys',
    { ['k'.repeat(128)]: 1, ['k'.repeat(129)]: 2, ['é'.repeat(64)]: 3, ['é'.repeat(65)]: 4 },
    'data:\n  kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk: 1\n  ? kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\n  : 2\n  éééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé: 3\n  ? ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé\n  : 4\n',
  ],
  [
    'keys: a multi-line key is a ? key with a literal block',
    { 'multi\nline': 'v', 'x\ny': { z: 1 } },
    'data:\n  ? |-\n    multi\n    line\n  : v\n  ? |-\n    x\n    y\n  : z: 1\n',
  ],
  [
    'keys: a long ? key folds',
    { [words(30)]: 'v' },
    'data:\n  ? word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n    word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n    word25 word26 word27 word28 word29\n  : v\n',
  ],
  [
    'keys: sorter.go order',
    {
      a10: 1,
      a2: 2,
      _x: 3,
      B: 4,
      'a.b': 5,
      'a-b': 6,
      a_b: 7,
      a9b: 8,
      a09: 9,
      Z: 10,
      a100: 11,
      a101: 12,
      a010: 13,
      '-': 14,
      '1': 15,
      '10': 16,
      '2': 17,
      é: 18,
      e: 19,
      A: 20,
      aB: 21,
      ab: 22,
    },
    'data:\n  \'-\': 14\n  _x: 3\n  "1": 15\n  "2": 17\n  "10": 16\n  A: 20\n  B: 4\n  Z: 10\n  a-b: 6\n  a.b: 5\n  a_b: 7\n  a2: 2\n  a9b: 8\n  a09: 9\n  a10: 1\n  a010: 13\n  a100: 11\n  a101: 12\n  aB: 21\n  ab: 22\n  e: 19\n  é: 18\n',
  ],
  // collections
  ['collections: empty map and list', { m: {}, l: [] }, 'data:\n  l: []\n  m: {}\n'],
  [
    'collections: lists of lists',
    { l: [[1, 2], [3, [4, 5]], [], [[]]] },
    'data:\n  l:\n  - - 1\n    - 2\n  - - 3\n    - - 4\n      - 5\n  - []\n  - - []\n',
  ],
  [
    'collections: maps in lists',
    { l: [{}, { a: 1, b: [2] }, { c: { d: null } }] },
    'data:\n  l:\n  - {}\n  - a: 1\n    b:\n    - 2\n  - c:\n      d: null\n',
  ],
  [
    'scalars: null, booleans, ints',
    { n: null, t: true, f: false, z: 0, neg: -5, big: 2 ** 53 },
    'data:\n  big: 9007199254740992\n  f: false\n  "n": null\n  neg: -5\n  t: true\n  z: 0\n',
  ],
  [
    'numbers: float64 in strconv g format',
    {
      a: 1.5,
      b: 1e21,
      c: 1e-7,
      d: 123456789.5,
      e: 0.0001,
      f: 0.00001,
      g: 1234567.5,
      h: 123456.5,
      i: -0.5,
      j: 3.14159,
      k: 1e300,
      l: 5e-324,
    },
    'data:\n  a: 1.5\n  b: 1e+21\n  c: 1e-07\n  d: 1.234567895e+08\n  e: 0.0001\n  f: 1e-05\n  g: 1.2345675e+06\n  h: 123456.5\n  i: -0.5\n  j: 3.14159\n  k: 1e+300\n  l: 5e-324\n',
  ],
  [
    'numbers: integer text past int64 (JSON gives digits below 1e21)',
    {
      a: 2 ** 63, // uint64 text, read back as a uint64
      b: 2 ** 64, // past uint64: a float64
      c: 100000000000000000000,
      d: 12345678901234567e3,
    },
    'data:\n  a: 9223372036854776000\n  b: 1.8446744073709552e+19\n  c: 1e+20\n  d: 12345678901234567000\n',
  ],
];

const configMap = (data: unknown) => ({
  apiVersion: 'v1',
  data,
  kind: 'ConfigMap',
  metadata: { annotations: { x: 'y' }, name: 'x' },
});

/** The lines from `data:` up to `kind: ConfigMap`. */
function dataSection(yaml: string): string {
  const lines = yaml.split('\n');
  return (
    lines
      .slice(
        lines.findIndex((l) => l.startsWith('data:')),
        lines.indexOf('kind: ConfigMap'),
      )
      .join('\n') + '\n'
  );
}

describe('toYaml prints what kubectl v1.32 prints', () => {
  it.each(ROWS)('%s', (_why, data, want) => {
    expect(dataSection(toYaml(configMap(data)))).toBe(want);
  });
});

describe.skipIf(!hasKubectl)('the recorded rows are what kubectl v1.32 prints today', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nslab-go-yaml-'));
  it.each(ROWS)('%s', (_why, data, want) => {
    const file = join(dir, 'cm.json');
    writeFileSync(file, JSON.stringify(configMap(data)));
    const r = spawnSync(
      'kubectl',
      ['annotate', '--local', '-f', file, 'x=y', '--overwrite', '-o', 'yaml'],
      {
        encoding: 'utf8',
        env,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(dataSection(r.stdout)).toBe(want);
    expect(toYaml(configMap(data))).toBe(r.stdout);
  });
});

/** Values that need care, through the simulator's own create commands. */
const VALUES = [
  "didn't ",
  "it's",
  '80',
  'yes',
  '*',
  ' lead',
  'a: b',
  '2024-01-01T00:00:00Z',
  'a\tb',
  '😀',
  'a\nb',
  'x\n\n',
  ' x\ny',
  words(40),
  "'" + words(30),
];
const FORMS: string[][] = [
  ...VALUES.map((v) => ['create', 'configmap', 'cm', `--from-literal=k=${v}`]),
  ...VALUES.map((v) => ['create', 'configmap', 'cm', `--from-literal=${'k'.repeat(130)}=${v}`]),
  // type is a Secret's last key: a |+ block ends the document there.
  ...VALUES.map((v) => ['create', 'secret', 'generic', 's', `--type=${v}`, '--from-literal=a=b']),
  ['create', 'deployment', 'web', '--image=nginx:1.27', '--', 'sh', '-c', `echo ${words(30)}`],
  ['create', 'deployment', 'web', '--image=busybox', '--', 'sh', '-c', 'echo "a: b" && echo x\ny'],
];

describe.skipIf(!hasKubectl)(
  'create --dry-run=client -o yaml with such values matches kubectl v1.32',
  () => {
    it.each(FORMS)('%j', (...form) => {
      const dash = form.indexOf('--');
      const flags = ['--dry-run=client', '-o', 'yaml'];
      const argv =
        dash < 0 ? [...form, ...flags] : [...form.slice(0, dash), ...flags, ...form.slice(dash)];
      const want = spawnSync('kubectl', argv, { encoding: 'utf8', env });
      expect(want.status, want.stderr).toBe(0);
      const got = runKubectl(createCluster(), argv);
      expect(got.stderr).toBe('');
      expect(got.stdout).toBe(want.stdout);
    });
  },
);
