/**
 * ClusterRole aggregation (`aggregationRule`): the controller that fills an aggregated
 * ClusterRole's rules from the ClusterRoles its selectors match. Filled in by the RBAC work.
 */
import type { ReconcileContext } from './context.ts';

export function reconcileAggregation(_ctx: ReconcileContext): void {}
