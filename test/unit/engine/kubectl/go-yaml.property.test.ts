/**
 * What `-o yaml` prints reads back as what was printed: js-yaml with the YAML 1.1 schema
 * (go-yaml's resolve.go rules, as kubectl reads YAML) gives the same JSON value back, for any
 * JSON-like value. The strings are drawn to hit every quoting rule: YAML 1.1 words
 * (yes/no/on/off/y/n), numbers and timestamps as text, indicators, quotes, colons, `#`,
 * leading dashes, edge spaces, tabs, control characters, newlines, unicode, long lines.
 * Two characters are left out, because kubectl itself does not keep them: a NEL is folded to
 * a space when JSONToYAML reads the JSON back, and LS/PS are line breaks to go-yaml's reader
 * but not to js-yaml's.
 */
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { KUBE_YAML_SCHEMA } from '../../../../src/engine/cluster/index.ts';
import { toYaml } from '../../../../src/engine/kubectl/index.ts';

const TOKENS = [
  ...['y', 'Y', 'n', 'N', 'yes', 'Yes', 'NO', 'on', 'On', 'off', 'OFF', 'true', 'False'],
  ...['null', 'Null', '~', '', '<<', '=', 'NaN', '.inf', '-.Inf', '.nan', '+.nan'],
  ...['0', '80', '-1', '+1', '007', '08', '0x1F', '0X1f', '0o17', '0b101', '0b-1', '1_000', '1_'],
  ...['1.5', '1e3', '1E-3', '.5', '._5', '.5_5', '1.', '1e400', '9223372036854775808', '1:20'],
  ...['2024-01-01', '2024-1-1', '2024-02-30', '2024-01-01T00:00:00Z', '2001-12-14 21:59:43.10'],
  ...['2024-01-01t1:2:3.5+05:30', '2024-01-01 00:00:00,5', '12:30:45', '1:60', '80:8080'],
  ...['---', '...', '- ', '? ', ': ', ' #', '#', '*', '&a', '!t', '|', '>', '%', '@', '`'],
  ...["'", "''", '"', '\\', '[', ']', '{', '}', ',', 'a: b', "didn't", 'http://x/y?z#f'],
];
const CHARS = [
  ...'abcxyzABZ019 -_.:#,?!*&|>\'"%@`[]{}~=<+\\/',
  ...[' ', ' ', '\t', '\n', '\n', '\r', '\x00', '\x01', '\x1b', '\x7f'],
  ...['é', 'ß', '日', '😀', '\u00a0', '\ufeff', '\ufffd', '\u200b'],
];

const word = fc.stringMatching(/^[a-z]{1,9}$/);
const text = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
  {
    weight: 3,
    arbitrary: fc.array(fc.constantFrom(...CHARS), { maxLength: 12 }).map((a) => a.join('')),
  },
  {
    weight: 3,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...TOKENS), fc.constantFrom(...CHARS)), { maxLength: 6 })
      .map((a) => a.join('')),
  },
  // Long enough to fold at column 80, with the odd double space, quote or newline inside.
  {
    weight: 1,
    arbitrary: fc
      .array(fc.oneof(word, fc.constantFrom(' ', "'", '\n', '\t', '"')), {
        minLength: 20,
        maxLength: 60,
      })
      .map((a) => a.join(' ')),
  },
);

const key = text.filter((k) => k !== '<<' && k !== '__proto__'); // `<<:` merges; kubectl too
const { value } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(2 ** 53, 2 ** 63, 2 ** 64, 1e21, 1e-7, 123456789.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
}));

// kubectl prints objects (and Lists). A string at the root would be no test of go-yaml: its
// reader takes a root `|2` block's indicator from column 0, js-yaml (as YAML 1.2 says) from -1.
const document = fc.oneof(
  fc.dictionary(key, value, { maxKeys: 5 }),
  fc.array(value, { maxLength: 5 }),
);

const read = (yaml: string) => jsyaml.load(yaml, { schema: KUBE_YAML_SCHEMA, json: true });

describe('toYaml reads back with the YAML 1.1 schema', () => {
  it('any JSON-like object or array', () => {
    fc.assert(
      fc.property(document, (x) => {
        expect(read(toYaml(x))).toEqual(JSON.parse(JSON.stringify(x)));
      }),
      { numRuns: 2000 },
    );
  });

  it('any string, as a value and as a key, at any depth', () => {
    fc.assert(
      fc.property(key, fc.integer({ min: 0, max: 5 }), (s, depth) => {
        let x: unknown = { [s]: s, list: [s, [s]] };
        for (let i = 0; i < depth; i++) x = { nested: x };
        expect(read(toYaml(x))).toEqual(x);
      }),
      { numRuns: 3000 },
    );
  });
});
