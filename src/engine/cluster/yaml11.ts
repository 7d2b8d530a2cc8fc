/**
 * The YAML reading kubectl does (sigs.k8s.io/yaml over go-yaml v2): YAML 1.1 scalars, so a
 * bare `y`, `yes`, `on` is true and `n`, `no`, `off` false; ints and floats as resolve.go
 * reads them (`012` is octal, `0X1F` hex, `1_` is 1, `1e400` a string); no timestamps (they
 * stay strings); merge keys. js-yaml does the parsing: it is fast enough for 5,000-object
 * manifests.
 */
import jsyaml from 'js-yaml';
import { goYamlFloat, goYamlInt } from './go-yaml-resolve.ts';

interface JsYamlTypes {
  null: jsyaml.Type;
  merge: jsyaml.Type;
}
const builtin = (jsyaml as unknown as { types: JsYamlTypes }).types;

const TRUE = ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'];
const FALSE = ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'];

const bool11 = new jsyaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && (TRUE.includes(data) || FALSE.includes(data)),
  construct: (data: string) => TRUE.includes(data),
  predicate: (v: unknown) => typeof v === 'boolean',
  represent: (v: object) => String(v),
});

const int11 = new jsyaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && goYamlInt(data) !== undefined,
  construct: (data: string) => goYamlInt(data)!,
  predicate: (v: unknown) => Number.isInteger(v),
  represent: (v: object) => String(v),
});

// An explicit !!float takes an int too (resolve.go turns it into a float64).
const floatOf = (data: string) => goYamlFloat(data) ?? goYamlInt(data);
const float11 = new jsyaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && floatOf(data) !== undefined,
  construct: (data: string) => floatOf(data)!,
  predicate: (v: unknown) => typeof v === 'number' && !Number.isInteger(v),
  represent: (v: object) => String(v),
});

/** go-yaml v2's implicit types for untyped decoding. */
export const KUBE_YAML_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [builtin.null, bool11, int11, float11, builtin.merge],
});

/** One YAML document of a stream, with the line (1-based) its text starts on. */
export interface YamlChunk {
  text: string;
  startLine: number;
  /** Where the first line with content (not blank, not a comment) starts, when known. */
  firstContent?: { line: number; column: number };
}

const marker = /^(---|\.\.\.)(?=[ \t]|$)/;

/**
 * Splits a stream at `---` / `...` lines. A marker line's remainder (`--- {a: 1}`) stays with
 * its document, blanked where the marker stood so columns keep their meaning.
 */
export function splitDocuments(text: string): YamlChunk[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const chunks: YamlChunk[] = [];
  let cur: string[] = [];
  let start = 1;
  let first: YamlChunk['firstContent'];
  const push = (line: string, lineNo: number) => {
    if (first === undefined) {
      const c = /^(\s*)([^\s#])/.exec(line);
      if (c) first = { line: lineNo, column: c[1]!.length + 1 };
    }
    cur.push(line);
  };
  const close = () =>
    chunks.push({
      text: cur.join('\n'),
      startLine: start,
      ...(first ? { firstContent: first } : {}),
    });
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = marker.exec(line);
    if (m) {
      close();
      cur = [];
      first = undefined;
      start = m[1] === '---' ? i + 1 : i + 2;
      if (m[1] === '---') push(' '.repeat(3) + line.slice(3), i + 1);
      continue;
    }
    if (cur.length === 0 && /^%/.test(line)) continue; // directives (%YAML 1.1) apply to what follows
    push(line, i + 1);
  }
  close();
  return chunks;
}

/** The first line of a chunk that holds content (not blank, not a comment). */
export function contentLine(chunk: YamlChunk): { line: number; column: number } | undefined {
  if (chunk.firstContent) return chunk.firstContent;
  const lines = chunk.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)([^\s#])/.exec(lines[i]!);
    if (m) return { line: chunk.startLine + i, column: m[1]!.length + 1 };
  }
  return undefined;
}

export type ParsedChunk =
  { ok: true; value: unknown } | { ok: false; line: number; column: number; reason: string };

/** Parses one document. Errors carry the absolute line and column. */
export function parseChunk(chunk: YamlChunk): ParsedChunk {
  try {
    return { ok: true, value: jsyaml.load(chunk.text, { schema: KUBE_YAML_SCHEMA, json: true }) };
  } catch (e) {
    const err = e as { reason?: string; message?: string; mark?: { line: number; column: number } };
    return {
      ok: false,
      line: chunk.startLine + (err.mark?.line ?? 0),
      column: (err.mark?.column ?? 0) + 1,
      reason: err.reason ?? err.message ?? String(e),
    };
  }
}
