/**
 * Manifest loading: multi-document YAML (YAML 1.1, as kubectl's parser reads it, so a bare
 * `y` is a boolean), JSON, and `kind: List`. Every object keeps the file, line and column it
 * came from; a syntax error anywhere in a file fails the whole load, as it does for kubectl.
 */
import { LineCounter, parseAllDocuments, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { KubeObject, SourcePos } from './types.ts';

/** One object read from a manifest, with where it starts. */
export interface LoadedObject {
  object: KubeObject;
  source: SourcePos;
}

export type LoadResult =
  { ok: true; objects: LoadedObject[] } | { ok: false; error: string; source?: SourcePos };

function posOf(lc: LineCounter, file: string, offset: number): SourcePos {
  const { line, col } = lc.linePos(offset);
  return { file, line, column: col };
}

function describeType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Client-side checks kubectl makes before sending anything: apiVersion and kind present. */
function checkTypeMeta(value: unknown, file: string, source: SourcePos): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return `error: error parsing ${file}: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${describeType(value)} into Go value of type map[string]interface {} (line ${source.line}, column ${source.column})`;
  }
  const o = value as Record<string, unknown>;
  const missing = [!o.apiVersion && 'apiVersion not set', !o.kind && 'kind not set'].filter(
    Boolean,
  );
  if (missing.length > 0) {
    return `error: error validating "${file}": error validating data: [${missing.join(', ')}]; if you choose to ignore these errors, turn validation off with --validate=false (line ${source.line}, column ${source.column})`;
  }
  if (typeof o.metadata !== 'object' || o.metadata === null || Array.isArray(o.metadata)) {
    if (o.metadata !== undefined) {
      return `error: error validating "${file}": error validating data: ValidationError(${o.kind}.metadata): invalid type for io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta: got "${describeType(o.metadata)}", expected "map" (line ${source.line}, column ${source.column})`;
    }
  }
  return undefined;
}

/** Parses one manifest file's text. `file` is the name used in messages (`STDIN` for `-f -`). */
export function loadManifests(text: string, file: string): LoadResult {
  const lineCounter = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      version: '1.1',
      uniqueKeys: false,
      prettyErrors: false,
    });
  } catch (e) {
    return { ok: false, error: `error: error parsing ${file}: ${(e as Error).message}` };
  }
  const list = Array.isArray(docs) ? docs : [docs];
  const objects: LoadedObject[] = [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      const err = doc.errors[0]!;
      const pos = posOf(lineCounter, file, err.pos[0]);
      const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return {
        ok: false,
        error: `error: error parsing ${file}: error converting YAML to JSON: yaml: line ${pos.line}, column ${pos.column}: ${msg}`,
        source: pos,
      };
    }
    const contents = doc.contents as YamlNode | null;
    if (contents === null || contents === undefined) continue; // empty documents are skipped, as kubectl does
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      return { ok: false, error: `error: error parsing ${file}: ${(e as Error).message}` };
    }
    if (value === null || value === undefined) continue;
    const source = posOf(lineCounter, file, contents.range?.[0] ?? 0);
    const problem = checkTypeMeta(value, file, source);
    if (problem) return { ok: false, error: problem, source };
    const obj = value as Record<string, unknown>;
    if (typeof obj.kind === 'string' && obj.kind.endsWith('List') && Array.isArray(obj.items)) {
      const itemsNode = isMap(contents) ? contents.get('items', true) : undefined;
      const itemNodes = isSeq(itemsNode) ? itemsNode.items : [];
      for (const [i, item] of (obj.items as unknown[]).entries()) {
        const node = itemNodes[i] as YamlNode | undefined;
        const itemSource = posOf(lineCounter, file, node?.range?.[0] ?? contents.range?.[0] ?? 0);
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
