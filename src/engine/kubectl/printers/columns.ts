/**
 * The columns `kubectl get` prints for each kind: the API server's table convertors
 * (kubernetes pkg/printers/internalversion/printers.go, printPod, printDeployment, …), normal
 * and `-o wide`. Roles and ClusterRoles have no convertor there, so they get the default one
 * (NAME, CREATED AT). Workload counts come from `.status`; get.ts fills it in first with
 * withDerivedStatus.
 */
import type {
  ConfigMap,
  DaemonSet,
  Deployment,
  EndpointSlice,
  Endpoints,
  Job,
  KubeObject,
  Namespace,
  NetworkPolicy,
  Node,
  ReplicaSet,
  Secret,
  Service,
  ServiceAccount,
  StatefulSet,
  Stored,
  Subject,
} from '../../cluster/index.ts';
import { humanDuration } from './table.ts';
import { age } from './table.ts';
import { formatLabelSelector, formatLabels, selectorString } from '../../labels/index.ts';
import { podRow, podWideRow } from './pod-columns.ts';
import { jobSelector } from './workload-status.ts';

/** How one kind prints as a table row. */
export interface KindColumns {
  headers: readonly string[];
  /** Extra columns appended with `-o wide`. */
  wideHeaders?: readonly string[];
  row(obj: KubeObject, now: number): string[];
  wideRow?(obj: KubeObject, now: number): string[];
}

const none = '<none>';

function n(v: unknown): string {
  return String(typeof v === 'number' ? v : 0);
}

/** Container names and images, comma-joined (layoutContainerCells). */
function containerCells(spec: { containers?: ReadonlyArray<{ name: string; image?: string }> }) {
  const cs = spec.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image ?? '').join(',')];
}

function serviceExternalIP(svc: Service, wide: boolean): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const external = svc.spec?.externalIPs ?? [];
  switch (type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : none;
    case 'LoadBalancer': {
      const ips = [
        ...new Set(
          (svc.status?.loadBalancer?.ingress ?? [])
            .map((i) => i.ip || i.hostname)
            .filter((x): x is string => !!x),
        ),
      ].sort();
      let lb = ips.join(',');
      if (!wide && lb.length > 16) lb = `${lb.slice(0, 13)}...`;
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return svc.spec?.externalName ?? '';
  }
  return '<unknown>';
}

function servicePorts(svc: Service): string {
  const ports = svc.spec?.ports ?? [];
  const s = ports
    .map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
    .join(',');
  return s || none;
}

/** Up to three `ip:port` endpoints, then `+ N more...` (formatEndpoints). */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return none;
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    const targets = ss.ports?.length ? ss.ports.map((p) => p.port) : [undefined];
    for (const port of targets) {
      count += addrs.length;
      for (const a of addrs) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(port === undefined ? a.ip : joinHostPort(a.ip, port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret || '<unset>';
}

function sliceColumns(slice: EndpointSlice): [string, string] {
  const max = 3;
  const ports: string[] = [];
  let pMore = false;
  for (const p of slice.ports ?? []) {
    if (ports.length < max) ports.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'));
    else pMore = true;
  }
  const addrs: string[] = [];
  let aMore = false;
  let aCount = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (addrs.length < max) addrs.push(a);
      else aMore = true;
      aCount++;
    }
  }
  return [
    listWithMore(ports, pMore, (slice.ports ?? []).length, max),
    listWithMore(addrs, aMore, aCount, max),
  ];
}

/** Users, groups and service accounts of a binding (rbac.SubjectsStrings). */
function subjectCells(subjects: readonly Subject[] | undefined): string[] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort().join(',') || none;
}

function nodeStatus(node: Node): string {
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? none;
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

const AGE = (o: KubeObject, now: number) => age(o.metadata.creationTimestamp, now);

export const COLUMNS: Record<string, KindColumns> = {
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    row: (o, now) => [o.metadata.name, (o as Stored<Namespace>).status?.phase ?? '', AGE(o, now)],
  },
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: podRow,
    wideRow: podWideRow,
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeaders: ['SELECTOR'],
    row: (o, now) => {
      const svc = o as Stored<Service>;
      return [
        svc.metadata.name,
        svc.spec?.type ?? '',
        svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? none,
        serviceExternalIP(svc, false),
        servicePorts(svc),
        AGE(o, now),
      ];
    },
    wideRow: (o) => [formatLabels((o as Stored<Service>).spec?.selector)],
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    row: (o, now) => [o.metadata.name, formatEndpoints(o as Stored<Endpoints>), AGE(o, now)],
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    row: (o, now) => {
      const s = o as Stored<EndpointSlice>;
      return [s.metadata.name, s.addressType ?? '', ...sliceColumns(s), AGE(o, now)];
    },
  },
  ServiceAccount: {
    headers: ['NAME', 'SECRETS', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      String((o as Stored<ServiceAccount>).secrets?.length ?? 0),
      AGE(o, now),
    ],
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    row: (o, now) => {
      const cm = o as Stored<ConfigMap>;
      const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
      return [cm.metadata.name, String(count), AGE(o, now)];
    },
  },
  Secret: {
    headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
    row: (o, now) => {
      const s = o as Stored<Secret>;
      return [
        s.metadata.name,
        s.type ?? '',
        String(Object.keys({ ...(s.data ?? {}), ...(s.stringData ?? {}) }).length),
        AGE(o, now),
      ];
    },
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now) => {
      const node = o as Stored<Node>;
      return [
        node.metadata.name,
        nodeStatus(node),
        nodeRoles(node),
        AGE(o, now),
        node.status?.nodeInfo?.kubeletVersion ?? '',
      ];
    },
    wideRow: (o) => {
      const node = o as Stored<Node>;
      const info = node.status?.nodeInfo;
      return [
        nodeAddress(node, 'InternalIP'),
        nodeAddress(node, 'ExternalIP'),
        info?.osImage || '<unknown>',
        info?.kernelVersion || '<unknown>',
        info?.containerRuntimeVersion || '<unknown>',
      ];
    },
  },
  NetworkPolicy: {
    headers: ['NAME', 'POD-SELECTOR', 'AGE'],
    row: (o, now) => [
      o.metadata.name,
      formatLabelSelector((o as Stored<NetworkPolicy>).spec?.podSelector),
      AGE(o, now),
    ],
  },
  Role: rbacRoleColumns(),
  ClusterRole: rbacRoleColumns(),
  RoleBinding: bindingColumns(),
  ClusterRoleBinding: bindingColumns(),
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const d = o as Stored<Deployment>;
      return [
        d.metadata.name,
        `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
        n(d.status?.updatedReplicas),
        n(d.status?.availableReplicas),
        AGE(o, now),
      ];
    },
    wideRow: (o) => {
      const d = o as Stored<Deployment>;
      return [...containerCells(d.spec?.template?.spec ?? {}), selectorString(d.spec?.selector)];
    },
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const rs = o as Stored<ReplicaSet>;
      return [
        rs.metadata.name,
        n(rs.spec?.replicas ?? 1),
        n(rs.status?.replicas),
        n(rs.status?.readyReplicas),
        AGE(o, now),
      ];
    },
    wideRow: (o) => {
      const rs = o as Stored<ReplicaSet>;
      return [
        ...containerCells(rs.spec?.template?.spec ?? {}),
        formatLabelSelector(rs.spec?.selector),
      ];
    },
  },
  StatefulSet: {
    headers: ['NAME', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES'],
    row: (o, now) => {
      const sts = o as Stored<StatefulSet>;
      return [
        sts.metadata.name,
        `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 1}`,
        AGE(o, now),
      ];
    },
    wideRow: (o) => containerCells((o as Stored<StatefulSet>).spec?.template?.spec ?? {}),
  },
  DaemonSet: {
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
    row: (o, now) => {
      const ds = o as Stored<DaemonSet>;
      const st = ds.status;
      return [
        ds.metadata.name,
        n(st?.desiredNumberScheduled),
        n(st?.currentNumberScheduled),
        n(st?.numberReady),
        n(st?.updatedNumberScheduled),
        n(st?.numberAvailable),
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        AGE(o, now),
      ];
    },
    wideRow: (o) => {
      const ds = o as Stored<DaemonSet>;
      return [
        ...containerCells(ds.spec?.template?.spec ?? {}),
        formatLabelSelector(ds.spec?.selector),
      ];
    },
  },
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const job = o as Stored<Job>;
      return [
        job.metadata.name,
        jobStatus(job),
        jobCompletions(job),
        jobDuration(job, now),
        AGE(o, now),
      ];
    },
    wideRow: (o) => {
      const job = o as Stored<Job>;
      return [
        ...containerCells(job.spec?.template?.spec ?? {}),
        formatLabelSelector(jobSelector(job)),
      ];
    },
  },
};

/** The default table convertor: name and the creation time in RFC 3339. */
function rbacRoleColumns(): KindColumns {
  return {
    headers: ['NAME', 'CREATED AT'],
    row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
  };
}

function bindingColumns(): KindColumns {
  return {
    headers: ['NAME', 'ROLE', 'AGE'],
    wideHeaders: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
    row: (o, now) => {
      const ref = (o as { roleRef?: { kind?: string; name?: string } }).roleRef;
      return [o.metadata.name, `${ref?.kind ?? ''}/${ref?.name ?? ''}`, AGE(o, now)];
    },
    wideRow: (o) => subjectCells((o as { subjects?: Subject[] }).subjects),
  };
}

/** Kinds without a dedicated printer show NAME and AGE. */
export const DEFAULT_COLUMNS: KindColumns = {
  headers: ['NAME', 'AGE'],
  row: (o, now) => [o.metadata.name, age(o.metadata.creationTimestamp, now)],
};

export function columnsFor(kind: string): KindColumns {
  return COLUMNS[kind] ?? DEFAULT_COLUMNS;
}
