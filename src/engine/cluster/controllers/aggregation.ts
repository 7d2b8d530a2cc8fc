/**
 * ClusterRole aggregation (`aggregationRule`): the controller replaces an aggregated
 * ClusterRole's rules with the union of the rules of every other ClusterRole its
 * clusterRoleSelectors match (per selector, matched roles by name, duplicates dropped).
 * Rules written into the aggregated role itself do not survive. Aggregated roles may feed
 * one another (view → edit → admin), so the pass repeats until nothing changes.
 */
import { compileLabelSelector } from '../../labels/selector.ts';
import { stableJson } from '../naming.ts';
import type { ClusterRole, KubeObject, PolicyRule } from '../types.ts';
import { type ReconcileContext, storeManaged } from './context.ts';

type StoredRole = ClusterRole & KubeObject;

/** The rules an aggregated ClusterRole should hold given the current ClusterRoles. */
export function aggregatedRules(role: StoredRole, all: readonly StoredRole[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const seen = new Set<string>();
  const byName = [...all].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const selector of role.aggregationRule?.clusterRoleSelectors ?? []) {
    const matches = compileLabelSelector(selector);
    for (const other of byName) {
      if (other.metadata.name === role.metadata.name) continue;
      if (!matches(other.metadata.labels)) continue;
      for (const r of other.rules ?? []) {
        const key = stableJson(r);
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
    const roles = [...ctx.draft.each<ClusterRole>('ClusterRole')] as StoredRole[];
    let changed = false;
    for (const role of roles) {
      if (!role.aggregationRule || role.metadata.deletionTimestamp) continue;
      const current = ctx.draft.get<ClusterRole>(
        'ClusterRole',
        undefined,
        role.metadata.name,
      ) as StoredRole;
      const all = [...ctx.draft.each<ClusterRole>('ClusterRole')] as StoredRole[];
      const rules = aggregatedRules(current, all);
      if (stableJson(rules) === stableJson(current.rules ?? [])) continue;
      storeManaged(ctx, { ...current, rules });
      changed = true;
    }
    if (!changed) return;
  }
}
