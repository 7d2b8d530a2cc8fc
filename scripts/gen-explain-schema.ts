/**
 * Writes src/engine/kubectl/explain/schema.ts: for every kind the simulator models, the field
 * names, types (as `kubectl explain` prints them) and required flags of its API type and of
 * every type nested in it, read from the kubernetes-types declarations (generated from the
 * Kubernetes OpenAPI document). Run after upgrading kubernetes-types:
 *   npx tsx scripts/gen-explain-schema.ts && npx prettier --write src/engine/kubectl/explain/schema.ts
 * test/unit/engine/kubectl/explain-schema.test.ts reads the declarations again and fails when
 * the written file and the API disagree.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

const ROOT = join(import.meta.dirname, '..', 'node_modules', 'kubernetes-types');

/** Kind → declaration file (group/version) holding its interface of the same name. */
const KINDS: Record<string, string> = {
  Namespace: 'core/v1',
  Pod: 'core/v1',
  Service: 'core/v1',
  Endpoints: 'core/v1',
  EndpointSlice: 'discovery/v1',
  ServiceAccount: 'core/v1',
  ConfigMap: 'core/v1',
  Secret: 'core/v1',
  Node: 'core/v1',
  NetworkPolicy: 'networking/v1',
  Role: 'rbac/v1',
  ClusterRole: 'rbac/v1',
  RoleBinding: 'rbac/v1',
  ClusterRoleBinding: 'rbac/v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
};

/** Named types kubectl prints by a name of their own though they are not objects. */
const SCALARS: Record<string, string> = {
  Quantity: 'Quantity',
  Time: 'string',
  MicroTime: 'string',
};

interface Module {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  imports: Map<string, string>;
}
const modules = new Map<string, Module>();

function moduleOf(file: string): Module {
  let m = modules.get(file);
  if (m) return m;
  const src = ts.createSourceFile(
    file,
    readFileSync(join(ROOT, `${file}.d.ts`), 'utf8'),
    ts.ScriptTarget.Latest,
  );
  m = { interfaces: new Map(), imports: new Map() };
  for (const st of src.statements) {
    if (ts.isInterfaceDeclaration(st)) m.interfaces.set(st.name.text, st);
    if (
      ts.isImportDeclaration(st) &&
      st.importClause?.namedBindings &&
      ts.isNamedImports(st.importClause.namedBindings)
    ) {
      const from = relative(
        ROOT,
        join(dirname(join(ROOT, file)), (st.moduleSpecifier as ts.StringLiteral).text),
      );
      for (const el of st.importClause.namedBindings.elements) m.imports.set(el.name.text, from);
    }
  }
  modules.set(file, m);
  return m;
}

type Field = [name: string, type: string, ref: string, required: 0 | 1];
const types = new Map<string, Field[]>();

/** `file.Name` of a type named in `file`, following its imports. */
function keyOf(file: string, name: string): string | undefined {
  const m = moduleOf(file);
  if (m.interfaces.has(name)) return `${file}.${name}`;
  const from = m.imports.get(name);
  return from && moduleOf(from).interfaces.has(name) ? `${from}.${name}` : undefined;
}

function display(file: string, node: ts.TypeNode): { type: string; ref: string } {
  if (node.kind === ts.SyntaxKind.StringKeyword) return { type: 'string', ref: '' };
  if (node.kind === ts.SyntaxKind.NumberKeyword) return { type: 'integer', ref: '' };
  if (node.kind === ts.SyntaxKind.BooleanKeyword) return { type: 'boolean', ref: '' };
  if (ts.isLiteralTypeNode(node)) return { type: 'string', ref: '' };
  if (ts.isUnionTypeNode(node)) {
    const kinds = node.types.map((t) => t.kind).sort();
    if (kinds.join() === [ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.StringKeyword].sort().join())
      return { type: 'IntOrString', ref: '' };
    throw new Error(`union in ${file}: ${node.getText?.()}`);
  }
  if (ts.isArrayTypeNode(node)) {
    const inner = display(file, node.elementType);
    return { type: `[]${inner.type}`, ref: inner.ref };
  }
  if (ts.isTypeLiteralNode(node)) {
    const sig = node.members[0];
    if (node.members.length === 1 && sig && ts.isIndexSignatureDeclaration(sig)) {
      const inner = display(file, sig.type);
      return { type: `map[string]${inner.type}`, ref: inner.ref };
    }
    throw new Error(`type literal in ${file}`);
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = (node.typeName as ts.Identifier).text;
    if (name === 'Array' && node.typeArguments?.[0]) {
      const inner = display(file, node.typeArguments[0]);
      return { type: `[]${inner.type}`, ref: inner.ref };
    }
    if (SCALARS[name]) return { type: SCALARS[name]!, ref: '' };
    const key = keyOf(file, name);
    if (!key) throw new Error(`unresolved ${name} in ${file}`);
    walk(key);
    return { type: name, ref: key };
  }
  throw new Error(`type node ${ts.SyntaxKind[node.kind]} in ${file}`);
}

function walk(key: string): void {
  if (types.has(key)) return;
  const dot = key.lastIndexOf('.');
  const file = key.slice(0, dot);
  const decl = moduleOf(file).interfaces.get(key.slice(dot + 1))!;
  const fields: Field[] = [];
  types.set(key, fields);
  for (const m of decl.members) {
    if (!ts.isPropertySignature(m) || !m.type) continue;
    const name =
      ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
    const { type, ref } = display(file, m.type);
    fields.push([name, type, ref, m.questionToken ? 0 : 1]);
  }
  // kubectl lists fields in the OpenAPI document's order: sorted by name.
  fields.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

const roots: Record<string, string> = {};
for (const [kind, file] of Object.entries(KINDS)) {
  roots[kind] = `${file}.${kind}`;
  walk(roots[kind]);
}
const sorted = [...types.keys()].sort();
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const out = `/**
 * GENERATED by scripts/gen-explain-schema.ts from kubernetes-types ${version} (the Kubernetes
 * OpenAPI document): do not edit. Per API type (\`group/version.Name\`), its fields as
 * \`[name, type as kubectl explain prints it, the type's key when it has fields of its own
 * ('' otherwise), 1 when the API requires the field]\`, sorted by name; and the type of each kind.
 */
import type { KindName } from '../../api/index.ts';

/** One field of an API type: name, printed type, nested type key ('' for none), required. */
export type SchemaField = readonly [name: string, type: string, ref: string, required: 0 | 1];

export const SCHEMA_TYPES: Readonly<Record<string, readonly SchemaField[]>> = {
${sorted
  .map(
    (k) =>
      `  '${k}': [${types
        .get(k)!
        .map((f) => `['${f[0]}', '${f[1]}', '${f[2]}', ${f[3]}]`)
        .join(', ')}],`,
  )
  .join('\n')}
};

export const KIND_SCHEMA: Readonly<Record<KindName, string>> = {
${Object.entries(roots)
  .map(([k, v]) => `  ${k}: '${v}',`)
  .join('\n')}
};
`;
writeFileSync(
  join(import.meta.dirname, '..', 'src', 'engine', 'kubectl', 'explain', 'schema.ts'),
  out,
);
console.log(
  `${sorted.length} types, ${[...types.values()].reduce((n, f) => n + f.length, 0)} fields`,
);
