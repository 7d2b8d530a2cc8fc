/**
 * ClusterRole aggregation (`aggregationRule`): the controller replaces an aggregated
 * ClusterRole's rules with the union of the rules of every other ClusterRole its
 * clusterRoleSelectors match (per selector, matched roles by name, duplicates dropped).
 * Rules written into the aggregated role itself do not survive. Aggregated roles may feed
 * one another (view → edit → admin), so the pass repeats until nothing changes.
 */
import { compileLabelSelector } from '../../labels/index.ts';
import { stableJson } from '../naming.ts';
import type { ClusterRole, KubeObject, PolicyRule } from '../types.ts';
import { type ReconcileContext, storeManaged } from './context.ts';

type StoredRole = ClusterRole & KubeObject;

// Stored rules never change, so each rule object's identity key is computed once.
const ruleKeys = new WeakMap<object, string>();
function ruleKey(rule: PolicyRule): string {
  let key = ruleKeys.get(rule);
  if (key === undefined) {
    key = stableJson(rule);
    ruleKeys.set(rule, key);
  }
  return key;
}

function sameRules(a: readonly PolicyRule[], b: readonly PolicyRule[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++)
    if (a[i] !== b[i] && ruleKey(a[i]!) !== ruleKey(b[i]!)) return false;
  return true;
}

function byName(a: StoredRole, b: StoredRole): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The rules an aggregated ClusterRole should hold given the current ClusterRoles (sorted by name). */
export function aggregatedRules(
  role: StoredRole,
  sortedRoles: readonly StoredRole[],
): PolicyRule[] {
  const out: PolicyRule[] = [];
  const seen = new Set<string>();
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const matches = compileLabelSelector(selector);
    for (const other of sortedRoles) {
      if (other.metadata.name === role.metadata.name) continue;
      if (!matches(other.metadata.labels)) continue;
      for (const r of other.rules ?? []) {
        const key = ruleKey(r);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(r);
      }
    }
  }
  return out;
}

export function reconcileAggregation(ctx: ReconcileContext): void {
  const limit = 10;
  for (let pass = 0; pass < limit; pass++) {
    const aggregated = [...ctx.draft.each<ClusterRole>('ClusterRole')].filter(
      (r) => r.aggregationRule && !r.metadata.deletionTimestamp,
    );
    if (aggregated.length === 0) return;
    let changed = false;
    for (const { metadata } of aggregated) {
      // Re-read: an earlier role in this pass may have fed this one.
      const current = ctx.draft.get<ClusterRole>(
        'ClusterRole',
        undefined,
        metadata.name,
      ) as StoredRole;
      const sorted = ([...ctx.draft.each<ClusterRole>('ClusterRole')] as StoredRole[]).sort(byName);
      const rules = aggregatedRules(current, sorted);
      if (sameRules(rules, current.rules ?? [])) continue;
      storeManaged(ctx, { ...current, rules });
      changed = true;
    }
    if (!changed) return;
  }
}
