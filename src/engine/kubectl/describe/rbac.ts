/**
 * `kubectl describe role|clusterrole|rolebinding|clusterrolebinding`. Roles print their rules
 * broken down to one resource (and resource name) each, verbs of identical resources merged,
 * sorted as kubectl sorts PolicyRule strings (verbs first) — kubectl's
 * rbac.BreakdownRule + CompactRules + SortableRuleSlice.
 */
import type { KubeObject, PolicyRule, Subject } from '../../cluster/index.ts';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

function breakdown(rule: PolicyRule): Rule[] {
  const out: Rule[] = [];
  const base = { apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [] };
  for (const group of rule.apiGroups ?? [])
    for (const resource of rule.resources ?? [])
      for (const verb of rule.verbs ?? []) {
        const names = rule.resourceNames?.length ? rule.resourceNames : [undefined];
        for (const name of names)
          out.push({
            ...base,
            verbs: [verb],
            apiGroups: [group],
            resources: [resource],
            resourceNames: name === undefined ? [] : [name],
          });
      }
  for (const url of rule.nonResourceURLs ?? [])
    for (const verb of rule.verbs ?? [])
      out.push({ ...base, verbs: [verb], nonResourceURLs: [url] });
  return out;
}

/** Merges the verbs of rules that name the same single group, resource and resource name. */
function compact(rules: Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  const order: string[] = [];
  for (const r of rules) {
    const isSimple =
      r.nonResourceURLs.length === 0 &&
      r.apiGroups.length === 1 &&
      r.resources.length === 1 &&
      r.resourceNames.length <= 1;
    if (!isSimple) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else {
      simple.set(key, { ...r, verbs: [...r.verbs] });
      order.push(key);
    }
  }
  return [...out, ...order.map((k) => simple.get(k)!)];
}

/** `[a b]`, as Go's %v prints a string slice. */
function goList(xs: readonly string[]): string {
  return `[${xs.join(' ')}]`;
}

/** The generated PolicyRule.String() kubectl sorts by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

function combineResourceGroup(resources: string[], groups: string[]): string {
  if (resources.length === 0) return '';
  const [resource, sub] = resources[0]!.split(/\/(.*)/s);
  let s = resource!;
  if (groups[0]) s += `.${groups[0]}`;
  if (sub !== undefined) s += `/${sub}`;
  return s;
}

export function describeRole(
  role: KubeObject & { rules?: PolicyRule[] },
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const rules = compact((role.rules ?? []).flatMap(breakdown));
  const sorted = rules
    .map((r, i) => ({ r, i, s: ruleString(r) }))
    .sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i))
    .map((x) => x.r);
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${role.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', role.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', role.metadata.annotations);
    w.write(0, 'PolicyRule:\n');
    w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
    w.write(1, '---------\t-----------------\t--------------\t-----\n');
    for (const r of sorted)
      w.write(
        1,
        `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`,
      );
  });
}

export function describeBinding(
  binding: KubeObject & { roleRef?: { kind?: string; name?: string }; subjects?: Subject[] },
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${binding.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', binding.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', binding.metadata.annotations);
    w.write(0, 'Role:\n');
    w.write(1, `Kind:\t${binding.roleRef?.kind ?? ''}\n`);
    w.write(1, `Name:\t${binding.roleRef?.name ?? ''}\n`);
    w.write(0, 'Subjects:\n');
    w.write(1, 'Kind\tName\tNamespace\n');
    w.write(1, '----\t----\t---------\n');
    for (const s of binding.subjects ?? [])
      w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  });
}
