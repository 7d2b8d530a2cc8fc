/**
 * The columns `kubectl get` prints for each kind (the API server's table convertors in
 * pkg/printers/internalversion), normal and `-o wide`.
 */
import { podIsReady } from '../../cluster/index.ts';
import type { KubeObject, Namespace, Pod, Service, Stored } from '../../cluster/index.ts';
import { age } from './table.ts';

/** How one kind prints as a table row. */
export interface KindColumns {
  headers: readonly string[];
  /** Extra columns appended with `-o wide`. */
  wideHeaders?: readonly string[];
  row(obj: KubeObject, now: number): string[];
  wideRow?(obj: KubeObject, now: number): string[];
}

const none = '<none>';

function podRow(obj: KubeObject, now: number): string[] {
  const pod = obj as Stored<Pod>;
  const statuses = pod.status?.containerStatuses ?? [];
  const total = pod.spec?.containers?.length ?? 0;
  const ready = statuses.filter((s) => s.ready).length;
  const restarts = statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0);
  let status = pod.status?.reason ?? pod.status?.phase ?? 'Pending';
  if (pod.metadata.deletionTimestamp) status = 'Terminating';
  else if (status === 'Running' && !podIsReady(pod) && statuses.every((s) => s.state?.running))
    status = 'Running';
  const waiting = statuses.find((s) => s.state?.waiting?.reason)?.state?.waiting?.reason;
  if (waiting) status = waiting;
  return [
    pod.metadata.name,
    `${ready}/${total}`,
    status,
    String(restarts),
    age(pod.metadata.creationTimestamp, now),
  ];
}

function serviceExternalIP(svc: Service): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  if (type === 'ExternalName') return svc.spec?.externalName ?? none;
  if (type === 'LoadBalancer') {
    const ingress = (svc.status?.loadBalancer?.ingress ?? [])
      .map((i) => i.ip ?? i.hostname)
      .filter(Boolean);
    return ingress.length ? ingress.join(',') : '<pending>';
  }
  const external = svc.spec?.externalIPs ?? [];
  return external.length ? external.join(',') : none;
}

function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  if (ports.length === 0) return none;
  return ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
}

export const COLUMNS: Record<string, KindColumns> = {
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      (o as Stored<Namespace>).status?.phase ?? 'Active',
      age(o.metadata.creationTimestamp, now),
    ],
  },
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: podRow,
    wideRow: (o) => {
      const pod = o as Stored<Pod>;
      return [pod.status?.podIP ?? none, pod.spec?.nodeName ?? none, none, none];
    },
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeaders: ['SELECTOR'],
    row: (o, now) => {
      const svc = o as Stored<Service>;
      return [
        svc.metadata.name,
        svc.spec?.type ?? 'ClusterIP',
        svc.spec?.clusterIP ?? none,
        serviceExternalIP(svc),
        servicePorts(svc),
        age(svc.metadata.creationTimestamp, now),
      ];
    },
    wideRow: (o) => {
      const sel = (o as Stored<Service>).spec?.selector;
      return [
        sel && Object.keys(sel).length
          ? Object.entries(sel)
              .map(([k, v]) => `${k}=${v}`)
              .sort()
              .join(',')
          : none,
      ];
    },
  },
};

/** Kinds without a dedicated printer show NAME and AGE. */
export const DEFAULT_COLUMNS: KindColumns = {
  headers: ['NAME', 'AGE'],
  row: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

export function columnsFor(kind: string): KindColumns {
  return COLUMNS[kind] ?? DEFAULT_COLUMNS;
}
