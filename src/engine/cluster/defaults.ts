/** A new simulated cluster, holding what DESIGN.md's "Cluster defaults" lists. */
import { bootstrapRbacObjects } from './bootstrap/rbac.ts';
import { systemObjects } from './bootstrap/system.ts';
import { reconcile } from './controllers/index.ts';
import { Allocator } from './ipam.ts';
import { admit } from './admission.ts';
import { ClusterDraft, type ClusterSettings, type ClusterState, globalKey } from './state.ts';

/** When the simulated cluster was installed; the clock starts ten minutes later. */
export const INSTALL_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

export interface NewClusterOptions {
  /** Addresses the objects about to be loaded claim: the built-in pods must not take them. */
  reservedAddresses?: Iterable<string>;
  settings?: Partial<ClusterSettings>;
}

const empty: ClusterState = {
  objects: new Map(),
  settings: { networkPolicy: 'enforcing', clusterDomain: 'cluster.local' },
  context: { namespace: 'default', user: 'kubernetes-admin' },
  clock: INSTALL_TIME,
  seq: 0,
  builtin: new Set(),
  ipam: { pod: 2, service: 11 },
};

/** A fresh cluster: system namespaces, CoreDNS, the `kubernetes` Service, bootstrap RBAC. */
export function createCluster(options: NewClusterOptions = {}): ClusterState {
  const draft = new ClusterDraft({
    ...empty,
    settings: { ...empty.settings, ...options.settings },
  });
  const taken = new Set<string>(options.reservedAddresses ?? []);
  const alloc = new Allocator(draft, taken);
  for (const obj of [...systemObjects(), ...bootstrapRbacObjects()]) {
    draft.put(admit(obj, undefined, draft, alloc));
  }
  reconcile(draft, taken);
  const builtin = new Set<string>();
  for (const m of draft.objects.values()) for (const o of m.values()) builtin.add(globalKey(o));
  draft.builtin = builtin;
  draft.clock = INSTALL_TIME + 10 * 60 * 1000;
  return draft.commit();
}
