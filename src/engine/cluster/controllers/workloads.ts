/**
 * Workload controllers: Deployment → ReplicaSet → Pods, StatefulSet → ordinal Pods,
 * DaemonSet → one Pod on the node, Job → its Pod; and the garbage collector that removes
 * objects whose controlling owner is gone. Names are deterministic (see naming.ts).
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KindName } from '../../api/index.ts';
import { compileLabelSelector } from '../../labels/index.ts';
import { generatedSuffix, podTemplateHash } from '../naming.ts';
import type {
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Pod,
  ReplicaSet,
  StatefulSet,
  Stored,
} from '../types.ts';
import { type ReconcileContext, controllerRef, isControlledBy, storeManaged } from './context.ts';

const OWNER_KINDS: readonly KindName[] = [
  'Deployment',
  'ReplicaSet',
  'StatefulSet',
  'DaemonSet',
  'Job',
];

function podFromTemplate(
  owner: KubeObject,
  name: string,
  template: PodTemplateSpec | undefined,
  extraLabels: Record<string, string>,
  specExtra: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: owner.metadata.namespace,
      labels: { ...(template?.metadata?.labels ?? {}), ...extraLabels },
      ...(template?.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
      ownerReferences: [controllerRef(owner)],
    },
    spec: { ...(template?.spec ?? { containers: [] }), ...specExtra },
  };
}

/** Objects of a kind grouped by the uid of their controller, built once per reconcile pass. */
class OwnerIndex<T extends KubeObject> {
  private readonly byOwner = new Map<string, T[]>();
  constructor(items: Iterable<T>) {
    for (const o of items) this.add(o);
  }
  add(o: T): void {
    const uid = o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    if (!uid) return;
    const list = this.byOwner.get(uid);
    if (list) list.push(o);
    else this.byOwner.set(uid, [o]);
  }
  remove(o: T): void {
    const uid = o.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    const list = uid ? this.byOwner.get(uid) : undefined;
    if (list)
      this.byOwner.set(
        uid!,
        list.filter((x) => x.metadata.name !== o.metadata.name),
      );
  }
  /** What `owner` controls, oldest first. */
  of(owner: KubeObject): T[] {
    const list = this.byOwner.get(owner.metadata.uid ?? '') ?? [];
    return list
      .filter((o) => isControlledBy(o, owner))
      .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
  }
}

interface WorkloadContext extends ReconcileContext {
  pods: OwnerIndex<Stored<Pod>>;
  replicaSets: OwnerIndex<Stored<ReplicaSet>>;
}

/** Pods the owner controls, in creation order. */
function ownedPods(ctx: WorkloadContext, owner: KubeObject): Stored<Pod>[] {
  return ctx.pods.of(owner);
}

function removePod(ctx: WorkloadContext, pod: Stored<Pod>): void {
  ctx.draft.remove('Pod', pod.metadata.namespace, pod.metadata.name);
  ctx.pods.remove(pod);
}

function storePod(ctx: WorkloadContext, pod: KubeObject): void {
  const stored = storeManaged(ctx, pod) as Stored<Pod>;
  ctx.pods.remove(stored);
  ctx.pods.add(stored);
}

/** Scales generated-name pods of an owner to `replicas`. */
function scalePods(
  ctx: WorkloadContext,
  owner: KubeObject,
  replicas: number,
  template: PodTemplateSpec | undefined,
  labels: Record<string, string>,
  prefix: string,
): void {
  const pods = ownedPods(ctx, owner);
  for (const extra of pods.slice(replicas))
    ctx.draft.remove('Pod', extra.metadata.namespace, extra.metadata.name);
  const existing = new Set(pods.map((p) => p.metadata.name));
  for (let i = 0, made = pods.length; made < replicas && i < replicas * 10 + 100; i++) {
    const name = `${prefix}-${generatedSuffix(`${owner.metadata.uid}/${i}`)}`;
    if (existing.has(name) || ctx.draft.get('Pod', owner.metadata.namespace, name)) continue;
    storePod(ctx, podFromTemplate(owner, name, template, labels));
    made++;
  }
}

function reconcileDeployment(ctx: WorkloadContext, d: Stored<Deployment>): void {
  const spec = d.spec!;
  const hash = podTemplateHash(spec.template);
  const rsName = `${d.metadata.name}-${hash}`;
  const ns = d.metadata.namespace;
  const replicas = spec.replicas ?? 1;
  for (const rs of ctx.replicaSets.of(d)) {
    if (rs.metadata.name !== rsName && (rs.spec?.replicas ?? 0) !== 0) {
      storeManaged(ctx, { ...rs, spec: { ...rs.spec!, replicas: 0 } });
    }
  }
  const current = ctx.draft.get<ReplicaSet>('ReplicaSet', ns, rsName);
  if (current && current.spec?.replicas === replicas) return;
  const labels = { ...(spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
  storeManaged(ctx, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: rsName,
      namespace: ns,
      labels,
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(replicas),
        'deployment.kubernetes.io/max-replicas': String(replicas + Math.ceil(replicas / 4)),
        'deployment.kubernetes.io/revision': '1',
      },
      ownerReferences: [controllerRef(d)],
    },
    spec: {
      replicas,
      selector: {
        ...spec.selector,
        matchLabels: { ...(spec.selector.matchLabels ?? {}), 'pod-template-hash': hash },
      },
      template: { ...spec.template, metadata: { ...(spec.template.metadata ?? {}), labels } },
    },
  });
}

function reconcileReplicaSet(ctx: WorkloadContext, rs: Stored<ReplicaSet>): void {
  const template = rs.spec?.template;
  // A pod relabelled out of the selector is released (its ownerReference dropped) and replaced.
  const matches = compileLabelSelector(rs.spec?.selector);
  for (const pod of ownedPods(ctx, rs)) {
    if (matches(pod.metadata.labels)) continue;
    ctx.pods.remove(pod);
    const ownerReferences = (pod.metadata.ownerReferences ?? []).filter(
      (r) => r.uid !== rs.metadata.uid,
    );
    const metadata = { ...pod.metadata, ownerReferences };
    if (ownerReferences.length === 0)
      delete (metadata as { ownerReferences?: unknown }).ownerReferences;
    ctx.draft.put({ ...pod, metadata });
  }
  scalePods(ctx, rs, rs.spec?.replicas ?? 1, template, {}, rs.metadata.name);
}

function reconcileStatefulSet(ctx: WorkloadContext, sts: Stored<StatefulSet>): void {
  const spec = sts.spec!;
  const replicas = spec.replicas ?? 1;
  const ns = sts.metadata.namespace;
  const revision = `${sts.metadata.name}-${podTemplateHash(spec.template)}`;
  for (const pod of ownedPods(ctx, sts)) {
    const ordinal = Number(pod.metadata.name.slice(sts.metadata.name.length + 1));
    if (!(ordinal < replicas)) removePod(ctx, pod);
  }
  for (let i = 0; i < replicas; i++) {
    const name = `${sts.metadata.name}-${i}`;
    const existing = ctx.draft.get<Pod>('Pod', ns, name);
    if (existing && existing.metadata.labels?.['controller-revision-hash'] === revision) continue;
    const labels = {
      'apps.kubernetes.io/pod-index': String(i),
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': name,
    };
    const pod = podFromTemplate(sts, name, spec.template, labels, {
      hostname: name,
      ...(spec.serviceName ? { subdomain: spec.serviceName } : {}),
    });
    storePod(ctx, existing ? { ...pod, status: existing.status } : pod);
  }
}

function reconcileDaemonSet(ctx: WorkloadContext, ds: Stored<DaemonSet>): void {
  const hash = podTemplateHash(ds.spec?.template);
  const labels = {
    'controller-revision-hash': hash,
    'pod-template-generation': String(ds.metadata.generation ?? 1),
  };
  const pods = ownedPods(ctx, ds);
  if (pods.length === 1 && pods[0]!.metadata.labels?.['controller-revision-hash'] === hash) return;
  for (const p of pods) removePod(ctx, p);
  scalePods(ctx, ds, 1, ds.spec?.template, labels, ds.metadata.name);
}

function reconcileJob(ctx: WorkloadContext, job: Stored<Job>): void {
  const uid = job.metadata.uid ?? '';
  const labels = {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': job.metadata.name,
    'controller-uid': uid,
    'job-name': job.metadata.name,
  };
  scalePods(ctx, job, job.spec?.parallelism ?? 1, job.spec?.template, labels, job.metadata.name);
}

/** Removes objects whose controlling owner no longer exists (cascading deletion). */
function collectGarbage(ctx: ReconcileContext): void {
  const uids = new Set<string>();
  for (const kind of OWNER_KINDS)
    for (const o of ctx.draft.each(kind)) if (o.metadata.uid) uids.add(o.metadata.uid);
  for (const kind of ['ReplicaSet', 'Pod'] as const) {
    const orphans: KubeObject[] = [];
    for (const o of ctx.draft.each(kind)) {
      const ref = o.metadata.ownerReferences?.find((r) => r.controller);
      if (ref && OWNER_KINDS.some((k) => k === ref.kind) && !uids.has(ref.uid)) orphans.push(o);
    }
    for (const o of orphans) {
      ctx.draft.remove(kind, o.metadata.namespace, o.metadata.name);
      if (kind === 'ReplicaSet' && o.metadata.uid) uids.delete(o.metadata.uid);
    }
  }
}

export function reconcileWorkloads(base: ReconcileContext): void {
  collectGarbage(base);
  const ctx: WorkloadContext = {
    ...base,
    pods: new OwnerIndex(base.draft.each<Pod>('Pod')),
    replicaSets: new OwnerIndex(base.draft.each<ReplicaSet>('ReplicaSet')),
  };
  for (const d of [...ctx.draft.each<Deployment>('Deployment')]) reconcileDeployment(ctx, d);
  for (const rs of [...ctx.draft.each<ReplicaSet>('ReplicaSet')]) reconcileReplicaSet(ctx, rs);
  for (const sts of [...ctx.draft.each<StatefulSet>('StatefulSet')]) reconcileStatefulSet(ctx, sts);
  for (const ds of [...ctx.draft.each<DaemonSet>('DaemonSet')]) reconcileDaemonSet(ctx, ds);
  for (const job of [...ctx.draft.each<Job>('Job')]) reconcileJob(ctx, job);
}
