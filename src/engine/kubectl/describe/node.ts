/**
 * `kubectl describe node` (describeNode): roles, labels, conditions, addresses, capacity,
 * system info, the non-terminated pods on the node with their requests and limits, and the
 * allocated totals. The simulator stores no Lease objects; `Lease:` shows the one every
 * kubelet keeps renewing in kube-node-lease (holder = node name, no acquire time, renewed
 * just now).
 */
import {
  listObjects,
  type ClusterState,
  type Node,
  type Pod,
  type Stored,
} from '../../cluster/index.ts';
import { canonicalQuantity } from '../printers/quantity.ts';
import { age } from '../printers/table.ts';
import {
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const r = k.slice('node-role.kubernetes.io/'.length);
      if (r) roles.add(r);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** Millicores of a CPU quantity (`500m`, `1`, `0.5`). */
function milliCpu(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const s = String(q);
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Math.round(Number(s) * 1000);
}

const UNITS: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  '': 1,
};

function bytes(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const m = /^([0-9.]+)([A-Za-z]*)$/.exec(String(q));
  return m ? Number(m[1]) * (UNITS[m[2]!] ?? 1) : 0;
}

function fmtCpu(m: number): string {
  return canonicalQuantity(`${m}m`);
}

function fmtBytes(b: number): string {
  for (const [u, f] of [
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const)
    if (b !== 0 && b % f === 0) return `${b / f}${u}`;
  return String(b);
}

function podTotals(pod: Pod) {
  let cpuReq = 0,
    cpuLim = 0,
    memReq = 0,
    memLim = 0;
  for (const c of pod.spec?.containers ?? []) {
    cpuReq += milliCpu(c.resources?.requests?.cpu);
    cpuLim += milliCpu(c.resources?.limits?.cpu);
    memReq += bytes(c.resources?.requests?.memory);
    memLim += bytes(c.resources?.limits?.memory);
  }
  return { cpuReq, cpuLim, memReq, memLim };
}

function pct(part: number, whole: number): number {
  return whole ? Math.trunc((part / whole) * 100) : 0;
}

export function describeNode(
  state: ClusterState,
  node: Stored<Node>,
  now: number,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const pods = listObjects<Pod>(state, 'Pod').filter(
    (p) =>
      p.spec?.nodeName === node.metadata.name &&
      !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''),
  );
  const st = node.status ?? {};
  const alloc = Object.keys(st.allocatable ?? {}).length ? st.allocatable! : (st.capacity ?? {});
  // The kubelet posts its conditions continuously; conditions the manifest left without times read as just posted.
  const heartbeat = new Date(now).toISOString();
  const cpuAlloc = milliCpu(alloc.cpu);
  const memAlloc = bytes(alloc.memory);
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${node.metadata.name}\n`);
    w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata.annotations);
    w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
    const taints = node.spec?.taints ?? [];
    w.write(0, 'Taints:\t');
    if (!taints.length) w.line('<none>');
    taints.forEach((t, i) => {
      if (i) w.write(0, '\t');
      w.write(0, `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}\n`);
    });
    w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
    w.write(1, 'AcquireTime:\t<unset>\n');
    w.write(1, `RenewTime:\t${rfc1123z(new Date(now).toISOString())}\n`);
    if (st.conditions?.length) {
      w.write(
        0,
        'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n',
      );
      w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions)
        w.write(
          1,
          `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime ?? heartbeat)} \t${rfc1123z(c.lastTransitionTime ?? node.metadata.creationTimestamp)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
        );
    }
    w.write(0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
    for (const [title, list] of [
      ['Capacity', st.capacity],
      ['Allocatable', st.allocatable],
    ] as const) {
      const keys = Object.keys(list ?? {}).sort();
      if (!keys.length) continue;
      w.write(0, `${title}:\n`);
      for (const k of keys) w.write(0, `  ${k}:\t${canonicalQuantity(list![k]!)}\n`);
    }
    const info = st.nodeInfo;
    w.write(0, 'System Info:\n');
    w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
    if (node.spec?.podCIDRs?.length) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
    if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
    w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
    w.write(
      1,
      'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n',
    );
    w.write(
      1,
      '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n',
    );
    const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0 };
    for (const p of pods) {
      const t = podTotals(p);
      total.cpuReq += t.cpuReq;
      total.cpuLim += t.cpuLim;
      total.memReq += t.memReq;
      total.memLim += t.memLim;
      w.write(
        1,
        `${p.metadata.namespace}\t${p.metadata.name}\t\t${fmtCpu(t.cpuReq)} (${pct(t.cpuReq, cpuAlloc)}%)\t${fmtCpu(t.cpuLim)} (${pct(t.cpuLim, cpuAlloc)}%)\t${fmtBytes(t.memReq)} (${pct(t.memReq, memAlloc)}%)\t${fmtBytes(t.memLim)} (${pct(t.memLim, memAlloc)}%)\t${age(p.metadata.creationTimestamp, now)}\n`,
      );
    }
    w.write(
      0,
      'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n',
    );
    w.write(1, 'Resource\tRequests\tLimits\n');
    w.write(1, '--------\t--------\t------\n');
    w.write(
      1,
      `cpu\t${fmtCpu(total.cpuReq)} (${pct(total.cpuReq, cpuAlloc)}%)\t${fmtCpu(total.cpuLim)} (${pct(total.cpuLim, cpuAlloc)}%)\n`,
    );
    w.write(
      1,
      `memory\t${fmtBytes(total.memReq)} (${pct(total.memReq, memAlloc)}%)\t${fmtBytes(total.memLim)} (${pct(total.memLim, memAlloc)}%)\n`,
    );
    w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
    describeEvents(w);
  });
}
