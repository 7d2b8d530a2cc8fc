/**
 * Workload status as the controllers would report it. The simulator's controllers create
 * ReplicaSets and Pods but never write `.status`, so `get`, `describe` and `-o yaml` derive
 * it here from the pods each workload controls: a pod counts as ready when podIsReady says
 * so, and as available when ready (minReadySeconds is not modelled). Fields a manifest set
 * explicitly are kept.
 */
import {
  listObjects,
  podIsReady,
  type ClusterState,
  type KubeObject,
  type Pod,
  type Stored,
} from '../../cluster/index.ts';

import type { LabelSelector } from 'kubernetes-types/meta/v1';

type Status = Record<string, unknown>;

function controlledBy(obj: KubeObject, owner: KubeObject): boolean {
  return (obj.metadata.ownerReferences ?? []).some(
    (r) => r.controller && r.uid === owner.metadata.uid,
  );
}

/** Pods whose controller is `owner`, in name order. */
export function ownedPods(state: Pick<ClusterState, 'objects'>, owner: KubeObject): Stored<Pod>[] {
  return listObjects<Pod>(state, 'Pod', owner.metadata.namespace).filter((p) =>
    controlledBy(p, owner),
  );
}

/** ReplicaSets a Deployment controls, in name order. */
export function ownedReplicaSets(
  state: Pick<ClusterState, 'objects'>,
  deployment: KubeObject,
): KubeObject[] {
  return listObjects(state, 'ReplicaSet', deployment.metadata.namespace).filter((rs) =>
    controlledBy(rs, deployment),
  );
}

/** Pod counts by phase, as getPodStatusForController reports them. */
export function podPhaseCounts(pods: readonly Stored<Pod>[]) {
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase);
  return {
    running: count('Running').length,
    waiting: count('Pending').length,
    succeeded: count('Succeeded').length,
    failed: count('Failed').length,
  };
}

/** Drops zero counters, as the API's `omitempty` int fields do. */
function omitZero(status: Status, keep: readonly string[] = []): Status {
  const out: Status = {};
  for (const [k, v] of Object.entries(status)) if (v !== 0 || keep.includes(k)) out[k] = v;
  return out;
}

function spec(obj: KubeObject): Record<string, unknown> {
  return (obj.spec as Record<string, unknown> | undefined) ?? {};
}

function replicaSetStatus(state: Pick<ClusterState, 'objects'>, rs: KubeObject): Status {
  const pods = ownedPods(state, rs);
  const ready = pods.filter((p) => podIsReady(p)).length;
  return omitZero(
    {
      availableReplicas: ready,
      fullyLabeledReplicas: pods.length,
      observedGeneration: rs.metadata.generation ?? 1,
      readyReplicas: ready,
      replicas: pods.length,
    },
    ['replicas'],
  );
}

/** The rolling update's maxUnavailable as an absolute number (rounded down for percentages). */
function maxUnavailable(d: KubeObject, replicas: number): number {
  const strategy = spec(d).strategy as
    { type?: string; rollingUpdate?: { maxUnavailable?: number | string } } | undefined;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate' || replicas === 0) return 0;
  const v = strategy?.rollingUpdate?.maxUnavailable ?? '25%';
  if (typeof v === 'number') return Math.min(v, replicas);
  const pct = /^(\d+)%$/.exec(v);
  return pct ? Math.min(Math.floor((Number(pct[1]) * replicas) / 100), replicas) : 0;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** A pod template without the pod-template-hash label the Deployment controller adds. */
function templateKey(template: unknown): string {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return stable({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

/** The ReplicaSet whose template is the Deployment's (findNewReplicaSet), else the scaled-up one. */
export function newReplicaSet(
  state: Pick<ClusterState, 'objects'>,
  d: KubeObject,
): KubeObject | undefined {
  const rss = ownedReplicaSets(state, d);
  const want = templateKey(spec(d).template);
  const same = rss.find((rs) => templateKey(spec(rs).template) === want);
  if (same) return same;
  return rss.find((rs) => Number(spec(rs).replicas ?? 0) > 0);
}

function deploymentStatus(state: Pick<ClusterState, 'objects'>, d: KubeObject): Status {
  const rss = ownedReplicaSets(state, d);
  const newRs = newReplicaSet(state, d);
  const pods = rss.flatMap((rs) => ownedPods(state, rs));
  const ready = pods.filter((p) => podIsReady(p)).length;
  const updated = newRs ? ownedPods(state, newRs).length : 0;
  const desired = Number(spec(d).replicas ?? 1);
  const total = rss.reduce((n, rs) => n + Number(spec(rs).replicas ?? 0), 0);
  const at = d.metadata.creationTimestamp;
  const available = ready >= desired - maxUnavailable(d, desired);
  const complete = newRs && updated === desired && ready === desired && pods.length === desired;
  const conditions = [
    {
      lastTransitionTime: at,
      lastUpdateTime: at,
      message: available
        ? 'Deployment has minimum availability.'
        : 'Deployment does not have minimum availability.',
      reason: available ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
      status: available ? 'True' : 'False',
      type: 'Available',
    },
    ...(newRs
      ? [
          {
            lastTransitionTime: at,
            lastUpdateTime: at,
            message: complete
              ? `ReplicaSet "${newRs.metadata.name}" has successfully progressed.`
              : `ReplicaSet "${newRs.metadata.name}" is progressing.`,
            reason: complete ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated',
            status: 'True',
            type: 'Progressing',
          },
        ]
      : []),
  ];
  return {
    ...omitZero({
      availableReplicas: ready,
      observedGeneration: d.metadata.generation ?? 1,
      readyReplicas: ready,
      replicas: pods.length,
      unavailableReplicas: Math.max(0, total - ready),
      updatedReplicas: updated,
    }),
    conditions,
  };
}

function statefulSetStatus(state: Pick<ClusterState, 'objects'>, sts: KubeObject): Status {
  const pods = ownedPods(state, sts);
  const ready = pods.filter((p) => podIsReady(p)).length;
  const revision = pods[0]?.metadata.labels?.['controller-revision-hash'];
  return {
    ...omitZero(
      {
        availableReplicas: ready,
        collisionCount: 0,
        currentReplicas: pods.length,
        observedGeneration: sts.metadata.generation ?? 1,
        readyReplicas: ready,
        replicas: pods.length,
        updatedReplicas: pods.length,
      },
      ['replicas', 'availableReplicas', 'collisionCount'],
    ),
    ...(revision ? { currentRevision: revision, updateRevision: revision } : {}),
  };
}

function daemonSetStatus(state: Pick<ClusterState, 'objects'>, ds: KubeObject): Status {
  const pods = ownedPods(state, ds);
  const ready = pods.filter((p) => podIsReady(p)).length;
  const nodes = listObjects(state, 'Node').length;
  return omitZero(
    {
      currentNumberScheduled: pods.length,
      desiredNumberScheduled: Math.max(nodes, pods.length),
      numberAvailable: ready,
      numberMisscheduled: 0,
      numberReady: ready,
      numberUnavailable: Math.max(0, pods.length - ready),
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: pods.length,
    },
    ['currentNumberScheduled', 'desiredNumberScheduled', 'numberMisscheduled', 'numberReady'],
  );
}

function jobStatus(state: Pick<ClusterState, 'objects'>, job: KubeObject): Status {
  const pods = ownedPods(state, job);
  const counts = podPhaseCounts(pods);
  const active = pods.filter((p) => !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));
  const completions = Number(spec(job).completions ?? 1);
  const status: Status = {
    ...omitZero({
      active: active.length,
      failed: counts.failed,
      succeeded: counts.succeeded,
    }),
    ready: active.filter((p) => podIsReady(p)).length,
    startTime: job.metadata.creationTimestamp,
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  if (counts.succeeded >= completions) {
    status.completionTime = job.metadata.creationTimestamp;
    status.conditions = [
      { status: 'True', type: 'SuccessCriteriaMet', reason: 'CompletionsReached' },
      { status: 'True', type: 'Complete', reason: 'CompletionsReached' },
    ];
  }
  return status;
}

/** The selector the API server generates for a Job without manualSelector. */
export function jobSelector(job: KubeObject): LabelSelector {
  const given = (job.spec as { selector?: LabelSelector } | undefined)?.selector;
  return given ?? { matchLabels: { 'batch.kubernetes.io/controller-uid': job.metadata.uid ?? '' } };
}

const DERIVERS: Record<string, (state: Pick<ClusterState, 'objects'>, o: KubeObject) => Status> = {
  Deployment: deploymentStatus,
  ReplicaSet: replicaSetStatus,
  StatefulSet: statefulSetStatus,
  DaemonSet: daemonSetStatus,
  Job: jobStatus,
};

/** The object as the API server would return it, with controller-maintained status filled in. */
export function withDerivedStatus<T extends KubeObject>(
  state: Pick<ClusterState, 'objects'>,
  obj: T,
): T {
  const derive = DERIVERS[obj.kind];
  if (!derive) return obj;
  const given = (obj.status as Status | undefined) ?? {};
  return { ...obj, status: { ...derive(state, obj), ...given } };
}
