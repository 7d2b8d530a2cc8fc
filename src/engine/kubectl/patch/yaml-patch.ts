/**
 * A `-p` patch that is not JSON, read as kubectl reads it: sigs.k8s.io/yaml's ToJSON over
 * go-yaml v2, so YAML 1.1 scalars (js-yaml with the cluster's YAML 1.1 schema) and only the
 * first document. js-yaml's complaints are reworded as go-yaml words the same mistakes, and
 * numbered as go-yaml numbers them (yaml.go's fail: no `line N:` on the first line; scanner
 * errors count lines from 1, parser errors from 0, as the library does).
 */
import jsyaml from 'js-yaml';
import { KUBE_YAML_SCHEMA, contentLine, splitDocuments } from '../../cluster/index.ts';

export type YamlPatch = { ok: true; value: unknown } | { ok: false; error: string };

type Where = { line: number; scanner: boolean };

function located(message: string, at: Where): string {
  const line = at.scanner ? (at.line === 0 ? 0 : at.line + 1) : at.line;
  return `yaml: ${line === 0 ? '' : `line ${line}: `}${message}`;
}

const BLOCK_HEADER = /(?:^|[\s:-])[|>][-+0-9]*\s*(?:#.*)?$/;

/** The text of a line before its comment, trimmed (a `#` after a space starts a comment). */
function content(line: string): string {
  return line.replace(/(^|\s)#.*$/, '').trim();
}

interface IndentScan {
  tab?: { line: number; message: string };
  /** The line whose `|` or `>` opened a block scalar still open at the end. */
  blockScalarHeader?: number;
}

/** A quote left open on a line (after the closed ones are taken out), if a scalar starts with it. */
function openQuote(body: string): string | undefined {
  const rest = body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
  return /(?:^|[\s:[{,-])(["'])/.exec(rest)?.[1];
}

/**
 * go-yaml's scanner does not skip a tab at the start of a line in block context, nor after a
 * `-` or `?` indicator (only spaces indent), and inside a block scalar a tab may not stand
 * where indentation spaces go. js-yaml is more lenient; this finds the first such tab outside
 * flow collections and quoted scalars, worded as go-yaml words it. It also tells which line
 * opened the block scalar the text ends in, if it does.
 */
function scanIndentation(lines: string[]): IndentScan {
  let scalarParent = -1; // indentation of the line that opened a block scalar
  let header = -1;
  let scalarIndent = 0; // its content's indentation, once a content line shows it
  let quote: string | undefined;
  let flow = 0;
  let previous = '';
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    const spaces = /^ */.exec(line)![0].length;
    const blank = line.trim() === '';
    if (quote !== undefined) {
      const close = quote === '"' ? /(?:^|[^\\])(?:\\\\)*"/ : /'/;
      if (close.test(line.replace(/''/g, ''))) {
        quote = undefined;
        previous = line;
      }
      continue;
    }
    if (scalarParent >= 0) {
      const tab = line[spaces] === '\t';
      if (tab && (scalarIndent === 0 || spaces < scalarIndent))
        return {
          tab: { line: k, message: 'found a tab character where an indentation space is expected' },
        };
      if (blank) continue;
      if (scalarIndent === 0 && spaces > scalarParent) scalarIndent = spaces;
      if (scalarIndent > 0 && spaces >= scalarIndent) continue;
      scalarParent = -1;
    }
    if (blank) continue;
    if (flow === 0 && (line[spaces] === '\t' || /^ *(?:[-?] +)*[-?] *\t/.test(line))) {
      const text = content(previous);
      const plainOpen =
        text !== '' &&
        text === previous.trim() &&
        !/[:\-"'\]}]$/.test(text) &&
        line[spaces] === '\t';
      return {
        tab: {
          line: k,
          message: plainOpen
            ? 'found a tab character that violates indentation'
            : 'found character that cannot start any token',
        },
      };
    }
    const body = content(line);
    for (const c of body.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '')) {
      if (c === '[' || c === '{') flow++;
      else if ((c === ']' || c === '}') && flow > 0) flow--;
    }
    quote = openQuote(body);
    if (flow === 0 && quote === undefined && BLOCK_HEADER.test(line)) {
      scalarParent = spaces;
      scalarIndent = 0;
      header = k;
    }
    if (body !== '') previous = line;
  }
  return scalarParent >= 0 ? { blockScalarHeader: header } : {};
}

/** The innermost flow collection left open at the end of the text: `[` or `{`. */
function openFlow(text: string): string {
  const stack: string[] = [];
  const body = text
    .split('\n')
    .map(content)
    .join('\n')
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '');
  for (const c of body) {
    if (c === '[' || c === '{') stack.push(c);
    else if (c === ']' || c === '}') stack.pop();
  }
  return stack[stack.length - 1] ?? '[';
}

interface JsYamlError {
  reason?: string;
  message?: string;
  mark?: { line: number; column: number; position: number };
}

/** The nearest line above at the mark's indentation is a `- ` entry: a block sequence goes on. */
function inSequence(text: string, mark: { line: number; column: number }): boolean {
  const lines = text.split('\n');
  for (let k = mark.line - 1; k >= 0; k--) {
    const line = lines[k]!;
    if (line.trim() === '') continue;
    const indent = /^ */.exec(line)![0].length;
    if (indent < mark.column) return false;
    if (indent === mark.column) return /^ *-( |$)/.test(line);
  }
  return false;
}

/** go-yaml's wording for what js-yaml found at `line` (0-based, in the whole text). */
function reworded(text: string, e: JsYamlError, line: number, offset: number): string {
  const reason = e.reason ?? e.message ?? String(e);
  const at = e.mark ? text[e.mark.position] : undefined;
  const scanner = (message: string) => located(message, { line, scanner: true });
  const parser = (message: string) => located(message, { line, scanner: false });
  if (reason.includes('within a flow collection'))
    return parser(`did not find expected ',' or '${openFlow(text) === '{' ? '}' : ']'}'`);
  if (/within a (single|double) quoted scalar/.test(reason)) {
    const end = offset + (text.match(/\n/g) ?? []).length;
    return located('found unexpected end of stream', { line: end, scanner: true });
  }
  if (reason === 'missed comma between flow collection entries') {
    const open = openFlow(text.slice(0, e.mark?.position ?? text.length));
    return parser(`did not find expected ',' or '${open === '{' ? '}' : ']'}'`);
  }
  if (
    reason.startsWith('bad indentation of a') ||
    reason === 'end of the stream or a document separator is expected'
  ) {
    if (at === ':') return scanner('mapping values are not allowed in this context');
    if (at === '@' || at === '`' || at === '\t')
      return scanner('found character that cannot start any token');
    if ((at === ']' || at === '}') && reason.startsWith('end of the stream'))
      return parser('did not find expected node content');
    if (e.mark && inSequence(text, e.mark)) return parser("did not find expected '-' indicator");
    return parser('did not find expected key');
  }
  if (reason.startsWith('can not read a block mapping entry'))
    return scanner("could not find expected ':'");
  if (reason.startsWith('tab characters'))
    return scanner('found character that cannot start any token');
  if (reason === 'directives end mark is expected')
    return parser('did not find expected <document start>');
  if (reason === 'a line break is expected')
    return scanner('did not find expected comment or line break');
  if (reason === 'unknown escape sequence') return scanner('found unknown escape character');
  if (reason.startsWith('cannot merge mappings'))
    return 'yaml: map merge requires map or sequence of maps as the value';
  const alias = /^unidentified alias "(.*)"$/.exec(reason);
  if (alias) return `yaml: unknown anchor '${alias[1]}' referenced`;
  const tag = /^cannot resolve a node with !<tag:yaml\.org,2002:(\w+)> explicit tag$/.exec(reason);
  if (tag) {
    const value = new RegExp(`!!${tag[1]}[ \\t]+([^\\n#,\\]}]*)`).exec(text)?.[1]?.trim() ?? '';
    return `yaml: cannot decode !!str \`${value}\` as a !!${tag[1]}`;
  }
  return `yaml: line ${line + 1}: ${reason}`;
}

/** yaml.ToJSON's reading of a patch: the first document's value, or go-yaml's error. */
export function readYamlPatch(raw: string): YamlPatch {
  const chunks = splitDocuments(raw);
  // Directives with no document after them: let the parser see them and say so.
  const chunk =
    chunks.find((c) => contentLine(c) !== undefined) ??
    (/^%/m.test(raw) ? { text: raw, startLine: 1 } : chunks[0]!);
  const offset = chunk.startLine - 1;
  const lines = raw.replace(/\r\n?/g, '\n').split('\n');
  const { tab, blockScalarHeader } = scanIndentation(
    lines.slice(offset, offset + chunk.text.split('\n').length),
  );
  let text = chunk.text;
  // go-yaml ends a block scalar at the end of the input without a line break there; js-yaml
  // reads as if one followed. With content on the last line, strip chomping says the same.
  if (blockScalarHeader !== undefined && chunk === chunks[chunks.length - 1] && /\S$/.test(raw)) {
    const own = text.split('\n');
    own[blockScalarHeader] = own[blockScalarHeader]!.replace(
      /([|>])(?:([-+])([0-9])?|([0-9])([-+])?)?(\s*(?:#.*)?)$/,
      (_m, ind: string, _c1, d1: string | undefined, d2: string | undefined, _c2, rest: string) =>
        `${ind}${d1 ?? d2 ?? ''}-${rest}`,
    );
    text = own.join('\n');
  }
  let value: unknown;
  try {
    value = jsyaml.load(text, { schema: KUBE_YAML_SCHEMA, json: true });
  } catch (err) {
    const e = err as JsYamlError;
    const line = offset + (e.mark?.line ?? 0);
    if (tab && tab.line + offset <= line)
      return { ok: false, error: located(tab.message, { line: tab.line + offset, scanner: true }) };
    return { ok: false, error: reworded(chunk.text, e, line, offset) };
  }
  if (tab)
    return { ok: false, error: located(tab.message, { line: tab.line + offset, scanner: true }) };
  return { ok: true, value: value ?? null };
}
