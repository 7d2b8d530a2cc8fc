/**
 * A small typed reader over parsed YAML that collects `file: field: problem` errors instead of
 * throwing, so one run reports every mistake in a lesson file at once.
 */

import { parse as parseYaml, YAMLParseError } from 'yaml';

/** A data file's YAML, or the one-line error naming where it stops parsing (`file:line:col`). */
export function parseYamlFile(
  text: string,
  file: string,
): { ok: true; data: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, data: parseYaml(text, { prettyErrors: true }) };
  } catch (e) {
    const msg = e instanceof YAMLParseError ? e.message.split('\n')[0]! : String(e);
    const pos =
      e instanceof YAMLParseError && e.linePos ? `:${e.linePos[0].line}:${e.linePos[0].col}` : '';
    return { ok: false, error: `${file}${pos}: invalid YAML: ${msg}` };
  }
}

/** Collects errors against one file; each field path is built as the reader descends. */
export class Reader {
  readonly errors: string[] = [];
  constructor(readonly file: string) {}

  error(path: string, problem: string): void {
    this.errors.push(`${this.file}: ${path || '(top level)'}: ${problem}`);
  }

  /** The value as a plain mapping, or undefined (with an error unless optional). */
  map(value: unknown, path: string, optional = false): Record<string, unknown> | undefined {
    if (value === undefined || value === null) {
      if (!optional) this.error(path, 'is required');
      return undefined;
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      this.error(path, `must be a mapping (got ${describe(value)})`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }

  /** Reports keys the schema does not know (a typo would otherwise be silently ignored). */
  onlyKeys(obj: Record<string, unknown>, path: string, allowed: readonly string[]): void {
    for (const k of Object.keys(obj))
      if (!allowed.includes(k))
        this.error(join(path, k), `unknown field (allowed: ${allowed.join(', ')})`);
  }

  string(obj: Record<string, unknown>, path: string, key: string, optional = false): string {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (!optional) this.error(join(path, key), 'is required');
      return '';
    }
    if (typeof v !== 'string') {
      this.error(join(path, key), `must be a string (got ${describe(v)})`);
      return '';
    }
    if (!optional && v.trim() === '') this.error(join(path, key), 'must not be empty');
    return v;
  }

  /** Markdown text: a string with no raw HTML tags (prose is rendered as Markdown only). */
  markdown(obj: Record<string, unknown>, path: string, key: string, optional = false): string {
    const v = this.string(obj, path, key, optional);
    const tag = /<\/?[A-Za-z][A-Za-z0-9-]*(\s[^<>]*)?\/?>/.exec(stripCode(v));
    if (tag) this.error(join(path, key), `raw HTML is not allowed in prose (found ${tag[0]})`);
    return v;
  }

  oneOf<T extends string>(
    obj: Record<string, unknown>,
    path: string,
    key: string,
    values: readonly T[],
    fallback?: T,
  ): T {
    const v = obj[key];
    if ((v === undefined || v === null) && fallback !== undefined) return fallback;
    if (typeof v !== 'string' || !values.includes(v as T)) {
      this.error(
        join(path, key),
        v === undefined || v === null
          ? `is required (one of ${values.join(', ')})`
          : `must be one of ${values.join(', ')} (got ${JSON.stringify(v)})`,
      );
      return values[0]!;
    }
    return v as T;
  }

  number(obj: Record<string, unknown>, path: string, key: string, optional = false): number {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (!optional) this.error(join(path, key), 'is required');
      return NaN;
    }
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.error(join(path, key), `must be a number (got ${describe(v)})`);
      return NaN;
    }
    return v;
  }

  boolean(obj: Record<string, unknown>, path: string, key: string): boolean {
    const v = obj[key];
    if (v === undefined || v === null) return false;
    if (typeof v !== 'boolean') {
      this.error(join(path, key), `must be true or false (got ${describe(v)})`);
      return false;
    }
    return v;
  }

  list(obj: Record<string, unknown>, path: string, key: string, optional = false): unknown[] {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (!optional) this.error(join(path, key), 'is required');
      return [];
    }
    if (!Array.isArray(v)) {
      this.error(join(path, key), `must be a list (got ${describe(v)})`);
      return [];
    }
    return v;
  }

  strings(obj: Record<string, unknown>, path: string, key: string, optional = false): string[] {
    const items = this.list(obj, path, key, optional);
    const out: string[] = [];
    items.forEach((item, i) => {
      if (typeof item === 'string' && item.trim() !== '') out.push(item);
      else
        this.error(
          `${join(path, key)}[${i}]`,
          `must be a non-empty string (got ${describe(item)})`,
        );
    });
    return out;
  }
}

/** `a.b`, or `b` at the top. */
export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A short description of a value's type for messages. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** Markdown code (fenced and inline) may show `<` freely. */
function stripCode(md: string): string {
  return md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}
