/**
 * `kubectl create role|clusterrole NAME --verb=… --resource=…`: one PolicyRule per API
 * group, resources resolved through discovery (`po` → `pods`, `deploy` → `deployments` in
 * `apps`), subresources kept (`pods/log`); a ClusterRole may also carry nonResourceURLs or
 * an aggregation rule instead of rules.
 */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command, CommandContext, CommandOutput } from '../../types.ts';
import { createRoleSpec, createClusterRoleSpec } from './generator-specs.ts';
import { arrayFlag, failure, generatedMeta, nameFromArgs, sliceFlag } from './common.ts';
import { emit } from './emit.ts';
import { noMatchMessage, resourceFor } from './discovery.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';
const RESOURCE_VERBS = [
  '*',
  'get',
  'delete',
  'list',
  'create',
  'update',
  'patch',
  'watch',
  'proxy',
  'deletecollection',
  'use',
  'bind',
  'escalate',
  'impersonate',
];
const NON_RESOURCE_VERBS = ['*', 'get', 'post', 'put', 'delete', 'patch', 'head', 'options'];

/** Verbs that only make sense on particular resources (kubectl refuses the others). */
const SPECIAL_VERBS: Record<string, Array<[string, string]>> = {
  use: [
    ['policy', 'podsecuritypolicies'],
    ['extensions', 'podsecuritypolicies'],
  ],
  bind: [
    [RBAC_GROUP, 'roles'],
    [RBAC_GROUP, 'clusterroles'],
  ],
  escalate: [
    [RBAC_GROUP, 'roles'],
    [RBAC_GROUP, 'clusterroles'],
  ],
  impersonate: [
    ['', 'users'],
    ['', 'serviceaccounts'],
    ['', 'groups'],
    ['authentication.k8s.io', 'userextras'],
  ],
};

interface ResourceOption {
  group: string;
  resource: string;
  subresource: string;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function parseVerbs(ctx: CommandContext): string[] {
  const verbs = sliceFlag(ctx.flags, 'verb');
  return verbs.includes('*') ? ['*'] : unique(verbs);
}

function parseResources(ctx: CommandContext): ResourceOption[] {
  const out: ResourceOption[] = [];
  for (const r of sliceFlag(ctx.flags, 'resource')) {
    const slash = r.indexOf('/');
    const head = slash < 0 ? r : r.slice(0, slash);
    const subresource = slash < 0 ? '' : r.slice(slash + 1);
    const dot = head.indexOf('.');
    const option = {
      resource: dot < 0 ? head : head.slice(0, dot),
      group: dot < 0 ? '' : head.slice(dot + 1),
      subresource,
    };
    if (option.resource === '*' && dot < 0 && slash < 0) return [option];
    out.push(option);
  }
  return out;
}

/** validateResource: special verbs first, then whether discovery knows the resource. */
function validateResources(
  verbs: readonly string[],
  resources: readonly ResourceOption[],
): string | undefined {
  for (const r of resources) {
    if (r.resource === '')
      return 'error: resource must be specified if apiGroup/subresource specified';
    if (r.resource === '*') return undefined;
    const found = resourceFor(r.resource, r.group);
    const resource = found ? found.resource : r.resource;
    const group = found ? found.group : r.group;
    let unknown = !found;
    for (const v of verbs) {
      const allowed = SPECIAL_VERBS[v];
      if (!allowed) continue;
      if (!allowed.some(([g, res]) => g === group && res === resource))
        return `error: can not perform '${v}' on '${resource}' in group '${group}'`;
      unknown = false;
    }
    if (unknown) return noMatchMessage(r.resource, r.group);
  }
  return undefined;
}

/** generateResourcePolicyRules: groups sorted, resources deduplicated in order given. */
export function policyRules(
  verbs: readonly string[],
  resources: readonly ResourceOption[],
  resourceNames: readonly string[],
  nonResourceURLs: readonly string[],
): object[] {
  const byGroup = new Map<string, string[]>();
  for (const r of resources) {
    const found = resourceFor(r.resource, r.group);
    const group = found ? found.group : r.group;
    let resource = found ? found.resource : r.resource;
    if (r.subresource) resource = `${resource}/${r.subresource}`;
    const list = byGroup.get(group) ?? [];
    if (!list.includes(resource)) list.push(resource);
    byGroup.set(group, list);
  }
  const rules: object[] = [...byGroup.keys()].sort().map((g) => ({
    verbs: [...verbs],
    apiGroups: [g],
    resources: byGroup.get(g)!,
    ...(resourceNames.length > 0 ? { resourceNames: [...resourceNames] } : {}),
  }));
  if (nonResourceURLs.length > 0)
    rules.push({ verbs: [...verbs], nonResourceURLs: [...nonResourceURLs] });
  return rules;
}

function warnings(verbs: readonly string[]): string {
  return verbs
    .filter((v) => !RESOURCE_VERBS.includes(v))
    .map((v) => `Warning: '${v}' is not a standard resource verb\n`)
    .join('');
}

export const createRole: Command = {
  ...createRoleSpec,
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const verbs = parseVerbs(ctx);
    const resources = parseResources(ctx);
    if (verbs.length === 0) return failure('error: at least one verb must be specified');
    const warn = warnings(verbs);
    if (resources.length === 0)
      return { stderr: `${warn}error: at least one resource must be specified`, exitCode: 1 };
    const bad = validateResources(verbs, resources);
    if (bad) return { stderr: warn + bad, exitCode: 1 };
    const obj: KubeObject = {
      kind: 'Role',
      apiVersion: `${RBAC_GROUP}/v1`,
      metadata: generatedMeta(ctx, name.name, true),
      rules: policyRules(verbs, resources, unique(arrayFlag(ctx.flags, 'resource-name')), []),
    };
    return emit(ctx, obj, 'raw', warn);
  },
};

function clusterRole(ctx: CommandContext): CommandOutput {
  const name = nameFromArgs(ctx);
  if (!name.ok) return name.out;
  const verbs = parseVerbs(ctx);
  const resources = parseResources(ctx);
  const resourceNames = unique(arrayFlag(ctx.flags, 'resource-name'));
  const urls = unique(sliceFlag(ctx.flags, 'non-resource-url'));
  const aggregation = sliceFlag(ctx.flags, 'aggregation-rule');
  let warn = '';
  const base = {
    kind: 'ClusterRole',
    apiVersion: `${RBAC_GROUP}/v1`,
    metadata: generatedMeta(ctx, name.name, false),
  };
  if (aggregation.length > 0) {
    if (urls.length > 0 || verbs.length > 0 || resources.length > 0 || resourceNames.length > 0)
      return failure(
        'error: aggregation rule must be specified without nonResourceURLs, verbs, resources or resourceNames',
      );
    const matchLabels: Record<string, string> = {};
    for (const pair of aggregation) {
      const eq = pair.indexOf('=');
      if (eq < 0)
        return failure(
          `error: invalid argument "${pair}" for "--aggregation-rule" flag: ${pair} must be formatted as key=value`,
        );
      matchLabels[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    return emit(
      ctx,
      { ...base, rules: null, aggregationRule: { clusterRoleSelectors: [{ matchLabels }] } },
      'raw',
    );
  }
  if (verbs.length === 0) return failure('error: at least one verb must be specified');
  if (resources.length === 0 && urls.length === 0)
    return failure('error: one of resource or nonResourceURL must be specified');
  if (resources.length > 0) {
    warn = warnings(verbs);
    const bad = validateResources(verbs, resources);
    if (bad) return { stderr: warn + bad, exitCode: 1 };
  }
  if (urls.length > 0) {
    const badVerb = verbs.find((v) => !NON_RESOURCE_VERBS.includes(v));
    if (badVerb)
      return { stderr: `${warn}error: invalid verb: '${badVerb}' for nonResourceURL`, exitCode: 1 };
    for (const u of urls) {
      if (u === '*') continue;
      if (u === '' || !u.startsWith('/'))
        return { stderr: `${warn}error: nonResourceURL should start with /`, exitCode: 1 };
      if (u.slice(0, -1).includes('*'))
        return {
          stderr: `${warn}error: nonResourceURL only supports wildcard matches when '*' is at the end`,
          exitCode: 1,
        };
    }
  }
  return emit(
    ctx,
    { ...base, rules: policyRules(verbs, resources, resourceNames, urls) },
    'raw',
    warn,
  );
}

export const createClusterRole: Command = {
  ...createClusterRoleSpec,
  run: clusterRole,
};
