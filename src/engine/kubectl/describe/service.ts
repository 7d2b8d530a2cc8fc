/** `kubectl describe service` (describeService in kubectl pkg/describe/describe.go). */
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { listObjects, type ClusterState, type Service, type Stored } from '../../cluster/index.ts';
import { formatLabels } from '../../labels/index.ts';
import {
  describeEvents,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
  printObjectHeader,
} from './writer.ts';

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Ready endpoints of the port named `portName`, three at most then `+ N more...` (formatEndpointSlices). */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ready = (e: EndpointSlice['endpoints'][number]) => e.conditions?.ready !== false;
    if (!slice.ports?.length) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(e.addresses[0] ?? '');
        count++;
      }
      continue;
    }
    for (const p of slice.ports) {
      if ((p.name ?? '') !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (!ready(e)) continue;
        if (!more) list.push(joinHostPort(e.addresses[0] ?? '', p.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function describeService(
  state: ClusterState,
  svc: Stored<Service>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const slices = listObjects<EndpointSlice>(state, 'EndpointSlice', svc.metadata.namespace).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name,
  );
  const spec = svc.spec ?? {};
  return tabbed(settings, (w) => {
    printObjectHeader(w, svc.metadata);
    w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
    w.write(0, `Type:\t${spec.type ?? ''}\n`);
    if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
    w.write(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}\n`);
    w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
    w.write(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}\n`);
    if (spec.externalIPs?.length) w.write(0, `External IPs:\t${spec.externalIPs.join(',')}\n`);
    if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
    if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    if (ingress.length)
      w.write(
        0,
        `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname || '').join(', ')}\n`,
      );
    for (const p of spec.ports ?? []) {
      const name = p.name || '<unset>';
      const protocol = p.protocol ?? 'TCP';
      w.write(0, `Port:\t${name}\t${p.port}/${protocol}\n`);
      w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
      if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
      w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
    }
    w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
    if (spec.externalTrafficPolicy)
      w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
    if (spec.internalTrafficPolicy)
      w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
    if (spec.healthCheckNodePort)
      w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
    if (spec.loadBalancerSourceRanges?.length)
      w.write(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}\n`);
    describeEvents(w);
  });
}
