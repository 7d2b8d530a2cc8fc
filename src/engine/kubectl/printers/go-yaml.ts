/**
 * kubectl's `-o yaml`: sigs.k8s.io/yaml marshals the object to JSON, reads that back with
 * go-yaml v2 and marshals it again with go-yaml v2 (JSONToYAML). So what prints is go-yaml
 * v2.4.0's emitter (emitterc.go) over plain JSON values: block mappings with keys in
 * sorter.go's order, sequences not indented under their key, `{}` and `[]` for empty ones,
 * strings quoted as encode.go and the emitter's scalar analysis decide, long plain and quoted
 * scalars folded past column 80 (best_width), multi-line strings as literal blocks.
 * The emitter's state (column, whitespace, indention, indent) is kept as emitterc.go keeps it,
 * so that breaks and indentation fall exactly where its writers put them.
 */
import { goKeyCompare, goNumber } from './go-yaml-order.ts';
import { plainReadsAsString } from '../../cluster/index.ts';
import {
  analyzeScalar,
  codePointAt,
  escape,
  foldNextLines,
  isBreak,
  isPrintable,
  selectStyle,
  unitsOf,
  utf8Length,
  type ScalarAnalysis,
} from './go-yaml-scalar.ts';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;
/** yaml_emitter_check_simple_key: longer keys (in UTF-8 bytes) are written as `? key`. */
const SIMPLE_KEY_MAX = 128;

type Scalar = string | number | boolean | null;

class Emitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;

  private put(text: string, width = text.length): void {
    this.out += text;
    this.column += width;
  }

  private newline(): void {
    this.out += '\n';
    this.column = 0;
  }

  private writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.newline();
    if (this.column < indent) this.put(' '.repeat(indent - this.column));
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needSpace: boolean, isWhitespace: boolean, isIndention: boolean) {
    if (needSpace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  /** emit_node; `mapping` is the emitter's mapping_context (the node is a mapping's value). */
  node(value: unknown, mapping: boolean): void {
    const v = toJsonValue(value);
    if (Array.isArray(v)) this.sequence(v, mapping);
    else if (v !== null && typeof v === 'object') this.mapping(v as Record<string, unknown>);
    else this.scalar(v as Scalar);
  }

  private sequence(items: readonly unknown[], mapping: boolean): void {
    if (items.length === 0) return this.emptyFlow('[', ']');
    const saved = this.indent;
    this.increaseIndent(false, mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item === undefined || typeof item === 'function' ? null : item, false);
    }
    this.indent = saved;
  }

  private mapping(obj: Record<string, unknown>): void {
    const keys = Object.keys(obj).filter((k) => {
      const v = obj[k];
      return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
    });
    if (keys.length === 0) return this.emptyFlow('{', '}');
    keys.sort(goKeyCompare);
    const saved = this.indent;
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      const a = analyzeScalar(key);
      if (!a.multiline && utf8Length(key) <= SIMPLE_KEY_MAX) {
        this.string(key, a, true);
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.string(key, a, false);
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(obj[key], true);
    }
    this.indent = saved;
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.indicator(close, false, false, false);
  }

  private scalar(v: Scalar): void {
    if (typeof v === 'string') {
      const text = v.includes('\u0085') ? foldNextLines(v) : v;
      return this.string(text, analyzeScalar(text), false);
    }
    // null, booleans and numbers are plain words without spaces: nothing to quote or fold.
    const text = v === null ? 'null' : typeof v === 'number' ? goNumber(v) : String(v);
    if (!this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = false;
    this.indention = false;
  }

  /** encode.go stringv, then emit_scalar with the style the emitter selects. */
  private string(s: string, a: ScalarAnalysis, simpleKey: boolean): void {
    const requested = s.includes('\n') ? 'literal' : plainReadsAsString(s) ? 'plain' : 'double';
    const style = selectStyle(requested, a, simpleKey, s.length === 0);
    const saved = this.indent;
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(s, a, !simpleKey);
    else if (style === 'single') this.singleQuoted(s, a, !simpleKey);
    else if (style === 'double') this.doubleQuoted(s, !simpleKey);
    else this.literal(s);
    this.indent = saved;
  }

  /** Plain scalars hold no line breaks (analysis forbids it); a space past column 80 folds. */
  private plain(s: string, a: ScalarAnalysis, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    if (!allowBreaks || this.column + a.width <= BEST_WIDTH + 1 || !s.includes(' ')) {
      this.put(s, a.width);
    } else {
      let spaces = false;
      let start = 0;
      for (let i = 0; i < s.length;) {
        const cp = codePointAt(s, i);
        if (cp === 0x20 && !spaces && this.column > BEST_WIDTH && s[i + 1] !== ' ') {
          this.out += s.slice(start, i);
          this.indention = false;
          this.writeIndent();
          start = i + 1;
        } else this.column++;
        spaces = cp === 0x20;
        i += unitsOf(cp);
      }
      this.out += s.slice(start);
    }
    this.whitespace = false;
    this.indention = false;
  }

  private singleQuoted(s: string, a: ScalarAnalysis, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    if (!a.multiline && (!allowBreaks || this.column + a.width <= BEST_WIDTH + 1)) {
      const body = s.replace(/'/g, "''");
      this.put(body, a.width + (body.length - s.length));
    } else {
      let spaces = false;
      let breaks = false;
      for (let i = 0; i < s.length;) {
        const cp = codePointAt(s, i);
        const w = unitsOf(cp);
        if (cp === 0x20) {
          const fold = allowBreaks && !spaces && this.column > BEST_WIDTH;
          if (fold && i > 0 && i + 1 < s.length && s[i + 1] !== ' ') this.writeIndent();
          else this.put(' ');
          spaces = true;
        } else if (isBreak(cp)) {
          this.lineBreak(s, i, w, breaks);
          breaks = true;
        } else {
          if (breaks) this.writeIndent();
          if (cp === 0x27) this.put("'");
          this.put(s.slice(i, i + w), 1);
          this.indention = false;
          spaces = false;
          breaks = false;
        }
        i += w;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** write_break (a first LF in a quoted scalar is doubled, as the reader folds one away). */
  private lineBreak(s: string, i: number, w: number, afterBreak: boolean): void {
    if (s[i] === '\n') {
      if (!afterBreak) this.newline();
      this.newline();
    } else {
      this.out += s.slice(i, i + w);
      this.column = 0;
    }
    this.indention = true;
  }

  private doubleQuoted(s: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    // is_bom looks at the start of the value whatever the index: after a BOM, all is escaped.
    const bom = s.charCodeAt(0) === 0xfeff;
    let spaces = false;
    for (let i = 0; i < s.length;) {
      const cp = codePointAt(s, i);
      const w = unitsOf(cp);
      if (bom || !isPrintable(cp) || isBreak(cp) || cp === 0x22 || cp === 0x5c) {
        this.put(escape(cp));
        spaces = false;
      } else if (cp === 0x20) {
        const fold = allowBreaks && !spaces && this.column > BEST_WIDTH;
        if (fold && i > 0 && i + 1 < s.length) {
          this.writeIndent();
          // A space after the break would be eaten by the reader: escape it.
          if (s[i + 1] === ' ') this.put('\\');
        } else this.put(' ');
        spaces = true;
      } else {
        this.put(s.slice(i, i + w), 1);
        spaces = false;
      }
      i += w;
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  /** `|` with write_block_scalar_hints: `2` when the text starts with a space or break; chomping. */
  private literal(s: string): void {
    this.indicator('|', true, false, false);
    const first = codePointAt(s, 0);
    if (first === 0x20 || isBreak(first)) this.indicator(String(BEST_INDENT), false, false, false);
    const pair = s.length > 1 && codePointAt(s, s.length - 2) > 0xffff;
    const lastAt = s.length - (pair ? 2 : 1);
    const last = codePointAt(s, lastAt);
    let chomp = '';
    if (!isBreak(last)) chomp = '-';
    else if (lastAt === 0) chomp = '+';
    else if (isBreak(codePointAt(s, lastAt - 1))) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.newline();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < s.length;) {
      const cp = codePointAt(s, i);
      if (isBreak(cp)) {
        const w = unitsOf(cp);
        if (cp === 0x0a) this.newline();
        else {
          this.out += s.slice(i, i + w);
          this.column = 0;
        }
        this.indention = true;
        breaks = true;
        i += w;
        continue;
      }
      if (breaks) this.writeIndent();
      let j = i;
      let width = 0;
      while (j < s.length) {
        const c = codePointAt(s, j);
        if (isBreak(c)) break;
        j += unitsOf(c);
        width++;
      }
      this.put(s.slice(i, j), width);
      this.indention = false;
      breaks = false;
      i = j;
    }
  }

  /** yaml_emitter_emit_document_end: end the last line. */
  finish(): string {
    this.indent = -1;
    this.writeIndent();
    return this.out;
  }
}

/** What encoding/json would send for a JS value: toJSON honoured. */
function toJsonValue(v: unknown): unknown {
  if (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { toJSON?: unknown }).toJSON === 'function'
  )
    return (v as { toJSON: () => unknown }).toJSON();
  return v;
}

/** go-yaml v2's yaml.Marshal of a JSON-like value, as kubectl's YAML printer writes it. */
export function goYamlMarshal(value: unknown): string {
  const e = new Emitter();
  e.node(value === undefined ? null : value, false);
  return e.finish();
}
