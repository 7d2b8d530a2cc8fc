/**
 * `kubectl explain` against the API itself: the kubernetes-types declarations (generated from
 * the Kubernetes OpenAPI document) are read here with the TypeScript checker, independently of
 * scripts/gen-explain-schema.ts, and every kind's `explain KIND --recursive` tree must list
 * exactly the API's fields, with the types kubectl prints (plaintext.tmpl's typeGuess: `[]X`
 * for arrays, `map[string]X` for maps, the referenced type's name for objects, IntOrString and
 * Quantity by name, Time as string) and `-required-` exactly where the API requires the field.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../../../src/engine/api/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { createCluster } from '../../../../src/engine/cluster/index.ts';

const root = dirname(createRequire(import.meta.url).resolve('kubernetes-types/package.json'));
const FILES = ['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'rbac/v1', 'discovery/v1'];
const program = ts.createProgram(
  FILES.map((f) => join(root, `${f}.d.ts`)),
  { noEmit: true, skipLibCheck: true },
);
const checker = program.getTypeChecker();

/** Interface declarations by name, per file. */
function interfaceIn(file: string, name: string): ts.InterfaceDeclaration | undefined {
  const src = program.getSourceFile(join(root, `${file}.d.ts`))!;
  return src.statements.find(
    (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === name,
  );
}

interface ApiField {
  name: string;
  type: string;
  required: boolean;
  children?: ApiField[];
}

/** kubectl's printed type for a declared type, and the interface behind it (if any). */
function printed(node: ts.TypeNode): { type: string; decl?: ts.InterfaceDeclaration } {
  const text = node.getText().replace(/\s+/g, ' ');
  if (/^Array<(.+)>$/.test(text) || ts.isArrayTypeNode(node)) {
    const inner = ts.isArrayTypeNode(node)
      ? node.elementType
      : (node as ts.TypeReferenceNode).typeArguments![0]!;
    const r = printed(inner);
    return { ...r, type: `[]${r.type}` };
  }
  if (/^\{ \[\w+: string\]: .+; \}$/.test(text)) {
    const sig = (node as ts.TypeLiteralNode).members[0] as ts.IndexSignatureDeclaration;
    const r = printed(sig.type);
    return { ...r, type: `map[string]${r.type}` };
  }
  if (text === 'number | string' || text === 'string | number') return { type: 'IntOrString' };
  if (text === 'number') return { type: 'integer' };
  if (text === 'string' || /^".*"$/.test(text) || text === 'Time' || text === 'MicroTime')
    return { type: 'string' };
  if (text === 'boolean') return { type: 'boolean' };
  if (text === 'Quantity') return { type: 'Quantity' };
  const symbol = checker.getSymbolAtLocation((node as ts.TypeReferenceNode).typeName);
  const target =
    symbol && (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol);
  const decl = target?.declarations?.find(ts.isInterfaceDeclaration);
  if (!decl) throw new Error(`no interface for ${text}`);
  return { type: decl.name.text, decl };
}

function apiFields(decl: ts.InterfaceDeclaration, seen: Set<ts.Node>): ApiField[] {
  const type = checker.getTypeAtLocation(decl);
  return checker
    .getPropertiesOfType(type)
    .map((p) => {
      const sig = p.declarations![0] as ts.PropertySignature;
      const { type: t, decl: inner } = printed(sig.type!);
      const f: ApiField = {
        name: p.name,
        type: t,
        required: (p.flags & ts.SymbolFlags.Optional) === 0,
      };
      if (inner && !seen.has(inner)) {
        const children = apiFields(inner, new Set([...seen, inner]));
        if (children.length) f.children = children;
      }
      return f;
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The FIELDS of `explain … --recursive`, back into a tree by indentation. */
function parseRecursive(text: string): ApiField[] {
  // enum: lines list a field's values; the field set is what is compared here.
  const lines = text
    .slice(text.indexOf('FIELDS:\n') + 8)
    .split('\n')
    .filter((l) => l && !/^ *enum: /.test(l));
  const top: ApiField[] = [];
  const stack: { depth: number; list: ApiField[] }[] = [{ depth: 0, list: top }];
  for (const line of lines) {
    const m = /^( +)(\S+)\t<(.+?)>( -required-)?$/.exec(line);
    if (!m) throw new Error(`not a field line: ${JSON.stringify(line)}`);
    const depth = m[1]!.length / 2;
    while (stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.list;
    const f: ApiField = { name: m[2]!, type: m[3]!, required: m[4] !== undefined };
    parent.push(f);
    stack.push({ depth, list: (f.children = []) });
  }
  const prune = (fs: ApiField[]) =>
    fs.forEach((f) => (f.children!.length ? prune(f.children!) : delete f.children));
  prune(top);
  return top;
}

const state = createCluster();
const explain = (...args: string[]) => runKubectl(state, ['explain', ...args]);
const fileOf = (group: string) =>
  FILES.find((f) => f.split('/')[0] === (group === '' ? 'core' : group.split('.')[0]))!;

describe('kubectl explain lists exactly the API’s fields and types', () => {
  it.each(KINDS.map((k) => [k.kind, k] as const))('%s, its whole tree', (_kind, info) => {
    const decl = interfaceIn(fileOf(info.group), info.kind);
    expect(decl, `${info.kind} in kubernetes-types`).toBeDefined();
    const expected = apiFields(decl!, new Set([decl!]));
    const r = explain(info.resource, '--recursive');
    expect(r.exitCode).toBe(0);
    expect(parseRecursive(r.stdout)).toEqual(expected);
  });

  it.each([
    // [path, the API type whose fields it lists]
    ['networkpolicy.spec.ingress.from', 'networking/v1', 'NetworkPolicyPeer'],
    ['netpol.spec.egress.ports', 'networking/v1', 'NetworkPolicyPort'],
    ['pod.spec.containers.ports', 'core/v1', 'ContainerPort'],
    ['po.spec.containers.env.valueFrom', 'core/v1', 'EnvVarSource'],
    ['svc.spec.ports', 'core/v1', 'ServicePort'],
    ['deploy.spec.template.spec', 'core/v1', 'PodSpec'],
    ['rolebindings.subjects', 'rbac/v1', 'Subject'],
    ['clusterrole.rules', 'rbac/v1', 'PolicyRule'],
    ['endpointslices.endpoints', 'discovery/v1', 'Endpoint'],
  ])('%s lists the fields of %s.%s', (path, file, name) => {
    const decl = interfaceIn(file, name)!;
    const expected = apiFields(decl, new Set([decl])).map((f) => ({
      name: f.name,
      type: f.type,
      required: f.required,
    }));
    const text = explain(path).stdout;
    const listed = [...text.matchAll(/^ {2}(\S+)\t<(.+?)>( -required-)?$/gm)].map((m) => ({
      name: m[1],
      type: m[2],
      required: m[3] !== undefined,
    }));
    expect(listed).toEqual(expected);
  });
});
