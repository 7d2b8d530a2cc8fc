/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath) for `-o jsonpath=…` and
 * `-o custom-columns=…`: literal text around `{…}` actions; fields (`.a.b`, `['a.b']`),
 * recursive descent (`..name`), indexes and slices (`[0]`, `[-1]`, `[1:3]`, `[*]`), unions
 * (`[0,2]`), filters (`[?(@.name=="x")]`), string literals (`{"\n"}`), `range … end`.
 * Missing keys yield nothing (kubectl allows missing keys); several results of one action are
 * joined by spaces; maps and lists print as compact JSON.
 */

type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'wild' }
  | { t: 'index'; items: Array<number | { start?: number; end?: number; step?: number }> }
  | { t: 'filter'; left: Step[]; op?: string; right?: unknown };

/** One `{…}` action or literal text of a template. */
type Node =
  | { t: 'text'; text: string }
  | { t: 'expr'; paths: Array<Step[] | { literal: string }> }
  | { t: 'range'; path: Step[]; body: Node[] };

export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

class ParseError extends Error {}
class ExecError extends Error {}

function parseLiteral(src: string, at: number): [string, number] {
  const q = src[at]!;
  let out = '';
  let i = at + 1;
  while (i < src.length && src[i] !== q) {
    if (src[i] === '\\' && i + 1 < src.length) {
      const c = src[i + 1]!;
      out += c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c;
      i += 2;
    } else out += src[i++];
  }
  if (i >= src.length) throw new ParseError(`unclosed quote ${q}`);
  return [out, i + 1];
}

function parseValue(s: string): unknown {
  const t = s.trim();
  if (/^["']/.test(t)) return parseLiteral(t, 0)[0];
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t;
}

/** Parses a path such as `.items[*].metadata.name` (leading `$`/`@` allowed). */
function parsePath(src: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  if (src[i] === '$' || src[i] === '@') i++;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '.') {
      const recursive = src[i + 1] === '.';
      i += recursive ? 2 : 1;
      let name = '';
      while (i < src.length && src[i] !== '.' && src[i] !== '[') {
        if (src[i] === '\\' && i + 1 < src.length) {
          name += src[i + 1];
          i += 2;
        } else name += checkedChar(src[i++]!);
      }
      if (name === '*') steps.push({ t: 'wild' });
      else if (name !== '' || recursive)
        steps.push(recursive ? { t: 'recursive', name } : { t: 'field', name });
    } else if (c === '[') {
      const close = findClose(src, i);
      const inner = src.slice(i + 1, close).trim();
      i = close + 1;
      if (inner.startsWith('?(')) {
        if (!inner.endsWith(')')) throw new ParseError('unclosed filter');
        const body = inner.slice(2, -1).trim();
        const m = /^(@[^=!<>]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(body);
        steps.push(
          m
            ? { t: 'filter', left: parsePath(m[1]!.trim()), op: m[2]!, right: parseValue(m[3]!) }
            : { t: 'filter', left: parsePath(body) },
        );
      } else if (inner === '*') steps.push({ t: 'wild' });
      else if (inner.startsWith('"')) throw new ParseError(`invalid array index ${inner}`);
      else if (inner.startsWith("'")) {
        // A quoted key is still a path: an unescaped dot inside it separates fields.
        for (const part of inner.split(',')) {
          const raw = part.trim().replace(/^'|'$/g, '');
          for (const name of raw.split(/(?<!\\)\./))
            steps.push({ t: 'field', name: name.replace(/\\(.)/g, '$1') });
        }
      } else {
        const items = inner.split(',').map((part) => {
          if (part.includes(':')) {
            const [a, b, s] = part.split(':').map((x) => x.trim());
            const num = (x: string | undefined) =>
              x === undefined || x === '' ? undefined : toInt(x);
            return { start: num(a), end: num(b), step: num(s) };
          }
          return toInt(part.trim());
        });
        steps.push({ t: 'index', items });
      }
    } else {
      // A bare name at the start, as custom-columns allows (`metadata.name`).
      let name = '';
      while (i < src.length && src[i] !== '.' && src[i] !== '[') name += src[i++];
      steps.push({ t: 'field', name });
    }
  }
  return steps;
}

/** client-go's lexer accepts only these characters in a field name. */
function checkedChar(c: string): string {
  if (/[\w\-/*@$:]/.test(c)) return c;
  const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  throw new ParseError(`unrecognized character in action: U+${code} '${c}'`);
}

function toInt(s: string): number {
  if (!/^-?\d+$/.test(s)) throw new ParseError(`invalid array index ${s}`);
  return Number(s);
}

function findClose(src: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new ParseError('unterminated array');
}

/** Parses a whole template into nodes, with `range`/`end` nesting. */
function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) stack[stack.length - 1]!.push({ t: 'text', text: template.slice(i, open) });
    let close = open + 1;
    let quote = '';
    for (; close < template.length; close++) {
      const c = template[close]!;
      if (quote) {
        if (c === '\\') close++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '}') break;
    }
    if (close >= template.length) throw new ParseError('unclosed action');
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new ParseError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ')) {
      const node: Node = { t: 'range', path: parsePath(action.slice(6).trim()), body: [] };
      stack[stack.length - 1]!.push(node);
      stack.push(node.body);
    } else {
      // client-go has no top-level unions: a comma is part of the field name.
      const paths = [
        /^["']/.test(action) ? { literal: parseLiteral(action, 0)[0] } : parsePath(action),
      ];
      stack[stack.length - 1]!.push({ t: 'expr', paths });
    }
  }
  if (stack.length > 1) throw new ParseError('unclosed range');
  return root;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort();
}

function descendants(v: unknown, name: string, out: unknown[]): void {
  if (Array.isArray(v)) for (const x of v) descendants(x, name, out);
  else if (isObject(v)) {
    for (const k of sortedKeys(v)) {
      if (name === '' || k === name) out.push(v[k]);
      descendants(v[k], name, out);
    }
  }
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || (typeof a === 'number' && Number(b) === a);
    case '!=':
      return !(a === b || (typeof a === 'number' && Number(b) === a));
  }
  const x = Number(a);
  const y = Number(b);
  if (Number.isNaN(x) || Number.isNaN(y)) return false;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function evalSteps(values: unknown[], steps: readonly Step[]): unknown[] {
  let cur = values;
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (s.t === 'field') {
        if (isObject(v) && s.name in v && v[s.name] !== undefined) next.push(v[s.name]);
      } else if (s.t === 'recursive') descendants(v, s.name, next);
      else if (s.t === 'wild') {
        if (Array.isArray(v)) next.push(...v);
        else if (isObject(v)) for (const k of sortedKeys(v)) next.push(v[k]);
      } else if (s.t === 'index') {
        if (!Array.isArray(v)) continue;
        for (const item of s.items) {
          if (typeof item === 'number') {
            const idx = item < 0 ? v.length + item : item;
            if (idx < 0 || idx >= v.length)
              throw new ExecError(`array index out of bounds: index ${item}, length ${v.length}`);
            next.push(v[idx]);
          } else {
            const norm = (x: number) => (x < 0 ? Math.max(0, v.length + x) : Math.min(x, v.length));
            const start = norm(item.start ?? 0);
            const end = norm(item.end ?? v.length);
            const step = item.step && item.step > 0 ? item.step : 1;
            for (let k = start; k < end; k += step) next.push(v[k]);
          }
        }
      } else if (s.t === 'filter') {
        const items = Array.isArray(v) ? v : [v];
        for (const item of items) {
          const found = evalSteps([item], s.left);
          if (s.op === undefined ? found.length > 0 : found.some((f) => compare(f, s.op!, s.right)))
            next.push(item);
        }
      }
    }
    cur = next;
  }
  return cur;
}

/** Prints one value as kubectl's jsonpath does: strings raw, everything else as compact JSON. */
export function formatJsonPathValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(sortDeep(v));
  return String(v);
}

/** A value as Go's fmt %v prints decoded JSON: `map[a:1 b:x]`, `[a b]`, `<nil>`. */
export function formatGoValue(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(formatGoValue).join(' ')}]`;
  if (isObject(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${formatGoValue(v[k])}`)
      .join(' ')}]`;
  return String(v);
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of sortedKeys(v)) out[k] = sortDeep(v[k]);
  return out;
}

function run(nodes: readonly Node[], root: unknown, current: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'text') out += n.text;
    else if (n.t === 'range') {
      for (const item of evalSteps([current], n.path)) out += run(n.body, root, item);
    } else {
      const results: string[] = [];
      for (const p of n.paths) {
        if ('literal' in p) results.push(p.literal);
        else results.push(...evalSteps([current], p).map(formatJsonPathValue));
      }
      out += results.join(' ');
    }
  }
  return out;
}

/** Evaluates a JSONPath template against data; parse errors read like kubectl's. */
export function executeJsonPath(template: string, data: unknown): JsonPathResult {
  try {
    return { ok: true, text: run(parseTemplate(template), data, data) };
  } catch (e) {
    if (e instanceof ParseError)
      return { ok: false, error: `error: error parsing jsonpath ${template}, ${e.message}` };
    if (e instanceof ExecError)
      return {
        ok: false,
        error: `error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}`,
      };
    throw e;
  }
}

/** The values one custom-columns expression selects (`.metadata.name` or `{.metadata.name}`). */
export function evaluateColumn(
  expr: string,
  data: unknown,
): { ok: true; values: unknown[] } | { ok: false; error: string } {
  const inner = expr.startsWith('{') && expr.endsWith('}') ? expr.slice(1, -1) : expr;
  try {
    return { ok: true, values: evalSteps([data], parsePath(inner.trim())) };
  } catch (e) {
    if (e instanceof ExecError) return { ok: true, values: [] };
    if (e instanceof ParseError)
      return { ok: false, error: `error: error parsing jsonpath {${inner}}, ${e.message}` };
    throw e;
  }
}
