/**
 * Manifest loading: multi-document YAML (YAML 1.1, as kubectl's parser reads it, so a bare
 * `y` is a boolean; see yaml11.ts), JSON, and `kind: List`. Every object keeps the file, line and column it
 * came from; a syntax error anywhere in a file fails the whole load, as it does for kubectl.
 */
import jsyaml from 'js-yaml';
import {
  KUBE_YAML_SCHEMA,
  contentLine,
  parseChunk,
  splitDocuments,
  type YamlChunk,
} from './yaml11.ts';
import type { KubeObject, SourcePos } from './types.ts';

/** One object read from a manifest, with where it starts. */
export interface LoadedObject {
  object: KubeObject;
  source: SourcePos;
}

export type LoadResult =
  { ok: true; objects: LoadedObject[] } | { ok: false; error: string; source?: SourcePos };

/** Appends where an object starts: kubectl's message first, then `  at FILE:LINE:COLUMN`. */
export function located(message: string, source: SourcePos | undefined): string {
  return source ? `${message}\n  at ${source.file}:${source.line}:${source.column}` : message;
}

function describeType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Client-side checks kubectl makes before sending anything: apiVersion and kind present. */
function checkTypeMeta(value: unknown, file: string, source: SourcePos): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return located(
      `error: error parsing ${file}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${describeType(value)} into Go value of type map[string]interface {}`,
      source,
    );
  }
  const o = value as Record<string, unknown>;
  const missing = [!o.apiVersion && 'apiVersion not set', !o.kind && 'kind not set'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    const list = missing.length > 1 ? `[${missing.join(', ')}]` : missing[0];
    return located(
      `error: error validating "${file}": error validating data: ${list}; if you choose to ignore these errors, turn validation off with --validate=false`,
      source,
    );
  }
  if (typeof o.metadata !== 'object' || o.metadata === null || Array.isArray(o.metadata)) {
    if (o.metadata !== undefined) {
      return located(
        `error: error validating "${file}": error validating data: ValidationError(${o.kind}.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "${describeType(o.metadata)}", expected "map"`,
        source,
      );
    }
  }
  return undefined;
}

interface ParserState {
  position: number;
  result: unknown;
}

/** A node js-yaml composed: where it opened, where it closed, its value, its children. */
interface Composed {
  start: number;
  end: number;
  value: unknown;
  children: Composed[];
}

/** Where a node's content starts: after its anchor and tag, and the space and comments after them. */
function contentStart(text: string, at: number): number {
  const props = /(?:[&!][^\s,[\]{}]*(?:(?:[ \t]*(?:#[^\n]*)?\r?\n)+[ \t]*|[ \t]+))*/y;
  props.lastIndex = at;
  return props.exec(text) ? props.lastIndex : at;
}

/**
 * Line and column of each `items` entry of a List document, where its content starts.
 * js-yaml reports every node it composes ('open' where the node starts, 'close' with its
 * value); the entries of the `items` array are the children of the node whose value is that
 * very array. An empty entry (`-` and nothing) is composed by no one: it stands after its `- `.
 */
function itemPositions(chunk: YamlChunk, file: string): SourcePos[] {
  const text = chunk.text;
  const open: Composed[] = [{ start: 0, end: 0, value: undefined, children: [] }];
  const nodeOf = new Map<unknown, Composed>();
  const listener = (event: 'open' | 'close', state: ParserState) => {
    if (event === 'open') {
      open.push({ start: state.position, end: state.position, value: undefined, children: [] });
      return;
    }
    const node = open.pop()!;
    node.end = state.position;
    node.value = state.result;
    open[open.length - 1]!.children.push(node);
    if (Array.isArray(state.result)) nodeOf.set(state.result, node);
  };
  let items: unknown;
  try {
    const doc = jsyaml.load(text, { schema: KUBE_YAML_SCHEMA, json: true, listener });
    items = (doc as Record<string, unknown> | null)?.items;
  } catch {
    return [];
  }
  const seq = Array.isArray(items) ? nodeOf.get(items) : undefined;
  if (!Array.isArray(items) || !seq) return [];
  const starts: number[] = [];
  let j = 0;
  let after = seq.start;
  for (const item of items as unknown[]) {
    const child = seq.children[j];
    if (child && (child.value === item || item !== null)) {
      starts.push(contentStart(text, child.start));
      after = child.end;
      j++;
      continue;
    }
    // The next `-` at the line start, at or after where the previous entry ended.
    const dash = /(?:^|\n)[ \t]*-(?=[ \t\r\n]|$)/g;
    dash.lastIndex = Math.max(0, text.lastIndexOf('\n', after - 1));
    let m: RegExpExecArray | null;
    while ((m = dash.exec(text)) && m.index + m[0].length - 1 < after);
    if (!m) break;
    after = m.index + m[0].length;
    starts.push(text[after] === ' ' ? after + 1 : after);
  }
  return starts.map((pos) => {
    const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
    const line = (text.slice(0, lineStart).match(/\n/g) ?? []).length;
    return { file, line: chunk.startLine + line, column: pos - lineStart + 1 };
  });
}

/** Parses one manifest file's text. `file` is the name used in messages (`STDIN` for `-f -`). */
export function loadManifests(text: string, file: string): LoadResult {
  const objects: LoadedObject[] = [];
  const trimmed = text.trimStart();
  const chunks: YamlChunk[] =
    trimmed.startsWith('{') || trimmed.startsWith('[')
      ? [{ text, startLine: 1 }]
      : splitDocuments(text);
  for (const chunk of chunks) {
    const parsed = parseChunk(chunk);
    if (!parsed.ok) {
      const source = { file, line: parsed.line, column: parsed.column };
      const reason = parsed.reason.replace(/ \(\d+:\d+\)$/, '');
      return {
        ok: false,
        error: located(
          `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${parsed.line}: ${reason}`,
          source,
        ),
        source,
      };
    }
    const value = parsed.value;
    if (value === null || value === undefined) continue; // empty documents are skipped, as kubectl does
    const at = contentLine(chunk) ?? { line: chunk.startLine, column: 1 };
    const source: SourcePos = { file, line: at.line, column: at.column };
    const problem = checkTypeMeta(value, file, source);
    if (problem) return { ok: false, error: problem, source };
    const obj = value as Record<string, unknown>;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      const positions = itemPositions(chunk, file);
      for (const [i, item] of (obj.items as unknown[]).entries()) {
        const itemSource = positions[i] ?? source;
        const itemProblem = checkTypeMeta(item, file, itemSource);
        if (itemProblem) return { ok: false, error: itemProblem, source: itemSource };
        objects.push({ object: withMetadata(item as Record<string, unknown>), source: itemSource });
      }
      continue;
    }
    objects.push({ object: withMetadata(obj), source });
  }
  return { ok: true, objects };
}

function withMetadata(o: Record<string, unknown>): KubeObject {
  const metadata = (o.metadata ?? {}) as KubeObject['metadata'];
  return { ...o, metadata } as KubeObject;
}
