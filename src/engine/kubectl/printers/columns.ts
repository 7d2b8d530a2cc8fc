/**
 * The columns `kubectl get` prints for the core, networking and RBAC kinds: the API server's
 * table convertors (kubernetes pkg/printers/internalversion/printers.go, printService,
 * printNode, …), normal and `-o wide`. Roles and ClusterRoles have no convertor there, so they
 * get the default one (NAME, CREATED AT). Pods are in pod-columns.ts, workloads in
 * workload-columns.ts; kubectl/registry.ts says which kind prints with which.
 */
import type {
  ClusterRole,
  ClusterRoleBinding,
  ConfigMap,
  Endpoints,
  EndpointSlice,
  KubeObject,
  Namespace,
  NetworkPolicy,
  Node,
  Pod,
  Role,
  RoleBinding,
  Secret,
  Service,
  ServiceAccount,
  Stored,
  Subject,
} from '../../cluster/index.ts';
import { age } from './table.ts';
import { formatLabels, formatLabelSelector } from '../../labels/index.ts';
import { podRow, podWideRow } from './pod-columns.ts';

/**
 * How one kind prints as a table row. The rows are methods, so one kind's columns can stand
 * for any kind's: the registry picks them by the object's own kind.
 */
export interface KindColumns<T extends KubeObject = KubeObject> {
  headers: readonly string[];
  /** Extra columns appended with `-o wide`. */
  wideHeaders?: readonly string[];
  row(obj: T, now: number): string[];
  wideRow?(obj: T, now: number): string[];
}

const none = '<none>';

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

/** The AGE cell every convertor but the default one ends with. */
export const AGE = (o: KubeObject, now: number) => age(o.metadata.creationTimestamp, now);

export const namespaceColumns: KindColumns<Stored<Namespace>> = {
  headers: ['NAME', 'STATUS', 'AGE'],
  row: (ns, now) => [ns.metadata.name, ns.status?.phase ?? '', AGE(ns, now)],
};

export const podColumns: KindColumns<Stored<Pod>> = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: podRow,
  wideRow: podWideRow,
};

export const serviceColumns: KindColumns<Stored<Service>> = {
  headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
  wideHeaders: ['SELECTOR'],
  row: (svc, now) => [
    svc.metadata.name,
    svc.spec?.type ?? '',
    svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? none,
    serviceExternalIP(svc, false),
    servicePorts(svc),
    AGE(svc, now),
  ],
  wideRow: (svc) => [formatLabels(svc.spec?.selector)],
};

export const endpointsColumns: KindColumns<Stored<Endpoints>> = {
  headers: ['NAME', 'ENDPOINTS', 'AGE'],
  row: (ep, now) => [ep.metadata.name, formatEndpoints(ep), AGE(ep, now)],
};

export const endpointSliceColumns: KindColumns<Stored<EndpointSlice>> = {
  headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
  row: (s, now) => [s.metadata.name, s.addressType ?? '', ...sliceColumns(s), AGE(s, now)],
};

export const serviceAccountColumns: KindColumns<Stored<ServiceAccount>> = {
  headers: ['NAME', 'SECRETS', 'AGE'],
  row: (sa, now) => [sa.metadata.name, String(sa.secrets?.length ?? 0), AGE(sa, now)],
};

export const configMapColumns: KindColumns<Stored<ConfigMap>> = {
  headers: ['NAME', 'DATA', 'AGE'],
  row: (cm, now) => {
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name, String(count), AGE(cm, now)];
  },
};

export const secretColumns: KindColumns<Stored<Secret>> = {
  headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
  row: (s, now) => [
    s.metadata.name,
    s.type ?? '',
    String(Object.keys({ ...(s.data ?? {}), ...(s.stringData ?? {}) }).length),
    AGE(s, now),
  ],
};

export const nodeColumns: KindColumns<Stored<Node>> = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (node, now) => [
    node.metadata.name,
    nodeStatus(node),
    nodeRoles(node),
    AGE(node, now),
    node.status?.nodeInfo?.kubeletVersion ?? '',
  ],
  wideRow: (node) => {
    const info = node.status?.nodeInfo;
    return [
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};

export const networkPolicyColumns: KindColumns<Stored<NetworkPolicy>> = {
  headers: ['NAME', 'POD-SELECTOR', 'AGE'],
  row: (np, now) => [np.metadata.name, formatLabelSelector(np.spec?.podSelector), AGE(np, now)],
};

/** The default table convertor: name and the creation time in RFC 3339. */
export const roleColumns: KindColumns<Stored<Role | ClusterRole>> = {
  headers: ['NAME', 'CREATED AT'],
  row: (o) => [o.metadata.name, o.metadata.creationTimestamp ?? ''],
};

export const bindingColumns: KindColumns<Stored<RoleBinding | ClusterRoleBinding>> = {
  headers: ['NAME', 'ROLE', 'AGE'],
  wideHeaders: ['USERS', 'GROUPS', 'SERVICEACCOUNTS'],
  row: (b, now) => [
    b.metadata.name,
    `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`,
    AGE(b, now),
  ],
  wideRow: (b) => subjectCells(b.subjects),
};
