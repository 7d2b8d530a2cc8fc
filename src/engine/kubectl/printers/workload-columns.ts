/**
 * The columns `kubectl get` prints for workloads (printDeployment, printReplicaSet,
 * printStatefulSet, printDaemonSet, printJob in kubernetes pkg/printers/internalversion),
 * normal and `-o wide`. Counts come from `.status`; get.ts fills it in first with
 * withDerivedStatus.
 */
import type {
  DaemonSet,
  Deployment,
  Job,
  ReplicaSet,
  StatefulSet,
  Stored,
} from '../../cluster/index.ts';
import { AGE, type KindColumns } from './columns.ts';
import { formatLabels, formatLabelSelector, selectorString } from '../../labels/index.ts';
import { humanDuration } from './table.ts';
import { jobSelector } from './workload-status.ts';

function n(v: unknown): string {
  return String(typeof v === 'number' ? v : 0);
}

/** Container names and images, comma-joined (layoutContainerCells). */
function containerCells(spec: { containers?: ReadonlyArray<{ name: string; image?: string }> }) {
  const cs = spec.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

function jobStatus(job: Job): string {
  const has = (t: string) => job.status?.conditions?.find((c) => c.type === t)?.status === 'True';
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function jobCompletions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions !== undefined) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime ? Date.parse(job.status.completionTime) : now;
  return humanDuration(end - Date.parse(start));
}

export const deploymentColumns: KindColumns<Stored<Deployment>> = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (d, now) => [
    d.metadata.name,
    `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
    n(d.status?.updatedReplicas),
    n(d.status?.availableReplicas),
    AGE(d, now),
  ],
  wideRow: (d) => [
    ...containerCells(d.spec?.template?.spec ?? {}),
    selectorString(d.spec?.selector),
  ],
};

export const replicaSetColumns: KindColumns<Stored<ReplicaSet>> = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (rs, now) => [
    rs.metadata.name,
    n(rs.spec?.replicas ?? 1),
    n(rs.status?.replicas),
    n(rs.status?.readyReplicas),
    AGE(rs, now),
  ],
  wideRow: (rs) => [
    ...containerCells(rs.spec?.template?.spec ?? {}),
    formatLabelSelector(rs.spec?.selector),
  ],
};

export const statefulSetColumns: KindColumns<Stored<StatefulSet>> = {
  headers: ['NAME', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES'],
  row: (sts, now) => [
    sts.metadata.name,
    `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
    AGE(sts, now),
  ],
  wideRow: (sts) => containerCells(sts.spec?.template?.spec ?? {}),
};

export const daemonSetColumns: KindColumns<Stored<DaemonSet>> = {
  headers: [
    'NAME',
    'DESIRED',
    'CURRENT',
    'READY',
    'UP-TO-DATE',
    'AVAILABLE',
    'NODE SELECTOR',
    'AGE',
  ],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (ds, now) => {
    const st = ds.status;
    return [
      ds.metadata.name,
      n(st?.desiredNumberScheduled),
      n(st?.currentNumberScheduled),
      n(st?.numberReady),
      n(st?.updatedNumberScheduled),
      n(st?.numberAvailable),
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      AGE(ds, now),
    ];
  },
  wideRow: (ds) => [
    ...containerCells(ds.spec?.template?.spec ?? {}),
    formatLabelSelector(ds.spec?.selector),
  ],
};

export const jobColumns: KindColumns<Stored<Job>> = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (job, now) => [
    job.metadata.name,
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, now),
    AGE(job, now),
  ],
  wideRow: (job) => [
    ...containerCells(job.spec?.template?.spec ?? {}),
    formatLabelSelector(jobSelector(job)),
  ],
};
