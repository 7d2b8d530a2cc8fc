/**
 * Where each entry of a `kind: List` stands (the `at FILE:LINE:COLUMN` of loader messages).
 * Each row's positions are those the loader gave when it placed entries with the yaml
 * library's node ranges, before it read them from js-yaml's listener: the first character of
 * the entry's content (after an anchor, a tag and comments), or just after the `- ` of an
 * empty entry.
 */
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../../src/engine/cluster/index.ts';

const ns = (n: string) => `{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"${n}"}}`;
const pretty = JSON.stringify(
  { apiVersion: 'v1', kind: 'List', items: [JSON.parse(ns('a')), JSON.parse(ns('b'))] },
  null,
  2,
);
const HEAD = 'apiVersion: v1\nkind: List\nitems:\n';

const ROWS: Array<[string, string, string[]]> = [
  [
    'JSON on one line',
    `{"apiVersion":"v1","kind":"List","items":[${ns('a')},${ns('b')}]}`,
    ['1:43', '1:106'],
  ],
  ['indented JSON', pretty, ['5:5', '12:5']],
  ['indented JSON with CRLF', pretty.replace(/\n/g, '\r\n'), ['5:5', '12:5']],
  [
    'a flow sequence over two lines',
    `${HEAD.slice(0, -1)} [${ns('a')},\n  ${ns('b')}]\n`,
    ['3:9', '4:3'],
  ],
  [
    'a later document, indented entries, a comment, extra spaces after the dash, a flow entry',
    '# c\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: z}\n---\nkind: List\napiVersion: v1\nitems:\n  # comment\n  - apiVersion: v1\n    kind: Namespace\n    metadata:\n      name: a\n  -   apiVersion: v1\n      kind: Namespace\n      metadata: {name: b}\n  - {apiVersion: v1, kind: Namespace, metadata: {name: c}}\n',
    ['3:1', '11:5', '15:7', '18:5'],
  ],
  [
    'content on the line after the dash, after an anchor, after a tag',
    `${HEAD}-\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- &x\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\n- !!map\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: c}\n`,
    ['5:3', '9:3', '13:3'],
  ],
  [
    'a comment after the dash and after an anchor',
    `${HEAD}- # c\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- &y # anchor\n\n  apiVersion: v1\n  kind: Namespace\n  metadata: {name: b}\n`,
    ['5:3', '10:3'],
  ],
];

const FAILING: Array<[string, string, string]> = [
  [
    'a number among the entries',
    `${HEAD}- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n- 3\n`,
    '7:3',
  ],
  [
    'an empty entry first',
    `${HEAD}- \n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n`,
    '4:3',
  ],
  [
    'an empty entry without a space',
    `${HEAD}- apiVersion: v1\n  kind: Namespace\n  metadata: {name: a}\n-\n- 1\n`,
    '7:2',
  ],
  [
    'an empty indented entry last',
    `${HEAD}  - apiVersion: v1\n    kind: Namespace\n    metadata: {name: a}\n  - \n`,
    '7:5',
  ],
  ['a null in a flow sequence', `${HEAD.slice(0, -1)} [${ns('a')}, null]\n`, '3:73'],
  ['an entry without kind', `${HEAD}- apiVersion: v1\n  metadata: {name: a}\n`, '4:3'],
];

describe('List entries keep their own positions', () => {
  it.each(ROWS)('%s', (_what, text, want) => {
    const r = loadManifests(text, 'f.yaml');
    expect(r.ok && r.objects.map((o) => `${o.source.line}:${o.source.column}`)).toEqual(want);
  });

  it.each(FAILING)('a bad entry is located: %s', (_what, text, want) => {
    const r = loadManifests(text, 'f.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.split('\n').at(-1)).toBe(`  at f.yaml:${want}`);
  });
});
