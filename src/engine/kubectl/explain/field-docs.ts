/**
 * `kubectl explain RESOURCE[.field.path] [--recursive]`: a kind's fields as kubectl's plaintext
 * template prints them (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl): GROUP (for a
 * named group), KIND and VERSION; `FIELD: name <type>` for a path; DESCRIPTION wrapped at 76
 * columns; FIELDS with `name\t<type>` and ` -required-`, each with its description, or with
 * `--recursive` the whole tree two spaces deeper per level and no descriptions. Arrays and maps
 * are walked through, as the template does.
 */
import type { KindInfo } from '../../api/index.ts';
import { FIELD_DOCS, NAME_DOCS, TYPE_DOCS } from './descriptions.ts';
import { FIELD_ENUMS } from './enums.ts';
import { KIND_SCHEMA, SCHEMA_TYPES, type SchemaField } from './schema.ts';

export type FieldDocs = { ok: true; text: string } | { ok: false; error: string };

const shortName = (key: string) => key.slice(key.lastIndexOf('.') + 1);

function typeDoc(key: string): string | undefined {
  return TYPE_DOCS[shortName(key)];
}

function fieldDoc(typeKey: string, field: SchemaField): string | undefined {
  return FIELD_DOCS[`${shortName(typeKey)}.${field[0]}`] ?? NAME_DOCS[field[0]];
}

/** sprig's `wrap`: greedy at spaces, a word longer than the width stays whole. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ').filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        out.push(line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(line);
  }
  return out;
}

const indent = (lines: string[], n: number) => lines.map((l) => `${' '.repeat(n)}${l}`).join('\n');

function fieldLines(typeKey: string, level: number, recursive: boolean, seen: Set<string>): string {
  let out = '';
  const pad = level * 2;
  for (const f of SCHEMA_TYPES[typeKey] ?? []) {
    const values = FIELD_ENUMS[`${shortName(typeKey)}.${f[0]}`];
    // The short view names four values at most, then ", ....".
    const enumLine = values
      ? `\n${' '.repeat(pad)}enum: ${values.slice(0, 4).join(', ')}${values.length > 4 ? ', ....' : ''}`
      : '';
    out += `${' '.repeat(pad)}${f[0]}\t<${f[1]}>${f[3] ? ' -required-' : ''}${enumLine}\n`;
    if (!recursive) {
      out += `${indent(wrap(fieldDoc(typeKey, f) ?? '<no description>', 78 - pad), pad + 2)}\n\n`;
    } else if (f[2] && !seen.has(f[2])) {
      out += fieldLines(f[2], level + 1, true, new Set([...seen, f[2]]));
    }
  }
  return out;
}

/**
 * The explain text of a kind, or of a field path inside it (`['spec', 'ingress', 'from']`), with
 * kubectl's error for a field that does not exist.
 */
export function explainFields(
  info: KindInfo,
  path: readonly string[],
  recursive: boolean,
): FieldDocs {
  let typeKey = KIND_SCHEMA[info.kind];
  let field: SchemaField | undefined;
  let parentKey = typeKey;
  for (const name of path) {
    const f = (SCHEMA_TYPES[typeKey] ?? []).find((x) => x[0] === name);
    if (!f) return { ok: false, error: `error: field "${path[path.length - 1]}" does not exist` };
    parentKey = typeKey;
    field = f;
    typeKey = f[2];
  }
  let text = info.group ? `GROUP:      ${info.group}\n` : '';
  text += `KIND:       ${info.kind}\nVERSION:    ${info.version}\n\n`;
  // A field's description is its own, then its type's (the template walks into the $ref).
  const description = field
    ? [fieldDoc(parentKey, field), typeKey ? typeDoc(typeKey) : undefined]
    : [typeDoc(typeKey)];
  if (field) {
    const values = FIELD_ENUMS[`${shortName(parentKey)}.${field[0]}`];
    const enumBlock = values ? `ENUM:${values.map((v) => `\n    ${v}`).join('')}\n` : '';
    text += `FIELD: ${field[0]} <${field[1]}>\n${enumBlock}\n`;
  }
  // Each description ends in a newline, which `indent` turns into a line of four spaces.
  const said = description
    .filter(Boolean)
    .map((d) => `${d}\n`)
    .join('');
  text += `DESCRIPTION:\n${indent(wrap(said || '<empty>', 76), 4)}\n`;
  const fields = typeKey ? fieldLines(typeKey, 1, recursive, new Set([typeKey])) : '';
  if (fields) text += `FIELDS:\n${fields}`;
  return { ok: true, text: `${text}\n` };
}
