/**
 * Elastic tabstops as Go's text/tabwriter computes them, which is how `kubectl describe`
 * aligns its output (minwidth 0, tabwidth 8, padding 2, pad with spaces). A column is
 * aligned only across a run of consecutive lines that all have a tab-terminated cell in it,
 * so a line without a tab ends every alignment block above it.
 */

interface Cell {
  text: string;
  width: number;
}

/** Options of tabwriter.Writer.Init that kubectl uses. */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

const DESCRIBE: TabwriterOptions = { minwidth: 0, padding: 2 };

function runeWidth(s: string): number {
  return [...s].length;
}

/** Splits text into lines of cells; the last cell of each line is not tab-terminated. */
function toLines(text: string): Cell[][] {
  const raw = text.split('\n');
  // A trailing newline ends the last line rather than starting an empty one.
  if (raw.length > 0 && raw[raw.length - 1] === '') raw.pop();
  return raw.map((line) => line.split('\t').map((t) => ({ text: t, width: runeWidth(t) })));
}

/** Formats one flushed segment of text (everything between two Flush calls). */
export function tabwriterFormat(text: string, opts: TabwriterOptions = DESCRIBE): string {
  const lines = toLines(text);
  const endsWithNewline = text.endsWith('\n');
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i]!;
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        if (j < widths.length && j < line.length - 1)
          s += ' '.repeat(Math.max(0, widths[j]! - c.width));
      });
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let i = line0; i < line1; i++) {
      if (column >= lines[i]!.length - 1) continue;
      // Line i opens a block of lines that all have a cell in this column.
      writeLines(line0, i);
      line0 = i;
      let width = opts.minwidth;
      for (; i < line1; i++) {
        const line = lines[i]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + opts.padding);
      }
      widths.push(width);
      format(line0, i);
      widths.pop();
      line0 = i;
      i--;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n') + (endsWithNewline && lines.length > 0 ? '\n' : '');
}
