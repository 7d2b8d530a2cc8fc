/**
 * The elastic tabstops kubectl describe relies on (Go text/tabwriter with minwidth 0,
 * tabwidth 8, padding 2). Expectations follow the text/tabwriter documentation and its
 * tests: a column is aligned over a run of consecutive lines that have a cell in it, and a
 * line's last cell is never padded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tabwriterFormat } from '../../../../src/engine/kubectl/describe/tabwriter.ts';
import { DescribeWriter } from '../../../../src/engine/kubectl/describe/writer.ts';

describe('tabwriterFormat', () => {
  it.each([
    // [input, output, why]
    ['a\tb\nccc\td\n', 'a    b\nccc  d\n', 'a column is as wide as its widest cell plus padding 2'],
    [
      'a\tb\nplain\nccc\td\n',
      'a  b\nplain\nccc  d\n',
      'a line without a tab ends the block (describe: "IPs:" line)',
    ],
    ['x\ty\tz\nlonger\ty\tz\n', 'x       y  z\nlonger  y  z\n', 'several columns'],
    [
      '  Type\tStatus\n  Ready \tTrue \n',
      '  Type    Status\n  Ready   True \n',
      'trailing spaces in cells are kept (pod Conditions)',
    ],
    ['k:\tv\n  nested:\tw\n', 'k:         v\n  nested:  w\n', 'indentation is part of the cell'],
    ['a\t\tb\nccc\t\td\n', 'a      b\nccc    d\n', 'an empty cell still takes minwidth+padding'],
    ['no tabs at all\n', 'no tabs at all\n', 'text without cells passes through'],
    ['é\tx\nab\ty\n', 'é   x\nab  y\n', 'widths count runes, not bytes'],
  ])('%j → %j (%s)', (input, output) => {
    expect(tabwriterFormat(input)).toBe(output);
  });

  it('aligns every line of a block to the same column (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.stringMatching(/^[a-z]{0,12}$/), fc.stringMatching(/^[a-z]{1,8}$/)), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          const out = tabwriterFormat(rows.map(([k, v]) => `${k}\t${v}\n`).join(''));
          const lines = out.trimEnd().split('\n');
          const width = Math.max(...rows.map(([k]) => k.length)) + 2;
          lines.forEach((l, i) => {
            expect(l.slice(0, width).trimEnd()).toBe(rows[i]![0]);
            expect(l.slice(width)).toBe(rows[i]![1]);
          });
        },
      ),
    );
  });
});

describe('DescribeWriter', () => {
  it('indents two spaces per level and aligns separately on each side of a flush', () => {
    const w = new DescribeWriter();
    w.write(0, 'Name:\tweb\n');
    w.write(1, 'Type:\tx\n');
    w.flush();
    w.write(0, 'A much longer key:\tv\n');
    expect(w.toString()).toBe('Name:    web\n  Type:  x\nA much longer key:  v\n');
  });
});
