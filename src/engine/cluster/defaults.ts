/** A new simulated cluster, holding what DESIGN.md's "Cluster defaults" lists. */
import { bootstrapRbacObjects } from './bootstrap/rbac.ts';
import { systemObjects } from './bootstrap/system.ts';
import { reconcile } from './controllers/index.ts';
import { Allocator, claimedAddresses } from './ipam.ts';
import { admit } from './admission.ts';
import type { KubeObject } from './types.ts';
import { ClusterDraft, type ClusterSettings, type ClusterState, globalKey } from './state.ts';

/** When the simulated cluster was installed; the clock starts ten minutes later. */
export const INSTALL_TIME = Date.UTC(2026, 0, 1, 0, 0, 0);

export interface NewClusterOptions {
  /** Addresses the objects about to be loaded claim: the built-in pods must not take them. */
  reservedAddresses?: Iterable<string>;
  settings?: Partial<ClusterSettings>;
  /** Replicas of the built-in CoreDNS Deployment (default 2; 0 when the manifests bring their own DNS pods). */
  builtinDnsReplicas?: number;
}

/**
 * Options for a cluster about to receive these objects: their explicit addresses stay free,
 * and when they bring their own kube-dns pods into kube-system (as the conformance files that
 * model kubeadm's CoreDNS do), those are the cluster's DNS servers and the built-in ones are
 * scaled to zero, so the cluster holds what the files describe.
 */
export function clusterOptionsFor(objects: readonly KubeObject[]): NewClusterOptions {
  const bringsDns = objects.some(
    (o) =>
      o.metadata?.namespace === 'kube-system' &&
      (o.kind === 'Pod' || o.kind === 'Deployment') &&
      (o.metadata.labels?.['k8s-app'] === 'kube-dns' ||
        (o.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
          ?.template?.metadata?.labels?.['k8s-app'] === 'kube-dns') &&
      !(o.kind === 'Deployment' && o.metadata.name === 'coredns'),
  );
  return {
    reservedAddresses: claimedAddresses(objects),
    ...(bringsDns ? { builtinDnsReplicas: 0 } : {}),
  };
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
  for (const obj of [...systemObjects(options.builtinDnsReplicas), ...bootstrapRbacObjects()]) {
    draft.put(admit(obj, undefined, draft, alloc));
  }
  reconcile(draft, taken);
  const builtin = new Set<string>();
  for (const m of draft.objects.values()) for (const o of m.values()) builtin.add(globalKey(o));
  draft.builtin = builtin;
  draft.clock = INSTALL_TIME + 10 * 60 * 1000;
  return draft.commit();
}
