/**
 * Whether one pod is an endpoint of one Service, and why — the endpoints controllers' own
 * rule, which they apply and the inspector explains: the Service must have a selector; the
 * pod must match it, have an IP and not be finished or terminating; each Service port's
 * targetPort must resolve on the pod (a named port it does not declare drops that port, and
 * a pod with no port left is no endpoint). A not-Ready pod is listed as not ready — it gets
 * no traffic — unless the Service sets `publishNotReadyAddresses`.
 */
import type { EndpointPort } from 'kubernetes-types/core/v1';
import { formatLabels, mapSelectorMatches } from '../../labels/index.ts';
import type { Pod, Service, ServicePort } from '../types.ts';

/** True when the pod counts as ready (its Ready condition is not False). */
export function podIsReady(pod: Pod): boolean {
  return !(pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status !== 'True');
}

/** True when a pod can be an endpoint at all: it has an IP and is not finished or terminating. */
export function podCanServe(pod: Pod): boolean {
  return (
    !!pod.status?.podIP &&
    !pod.metadata?.deletionTimestamp &&
    pod.status.phase !== 'Succeeded' &&
    pod.status.phase !== 'Failed'
  );
}

/** Resolves a Service port's targetPort on one pod: a number, or the named container port. */
export function resolveTargetPort(port: ServicePort, pod: Pod): number | undefined {
  const target = port.targetPort ?? port.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const protocol = port.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const cp of c.ports ?? []) {
      if (cp.name === target && (cp.protocol ?? 'TCP') === protocol) return cp.containerPort;
    }
  }
  return undefined;
}

/** One Service port and what it resolved to on the pod (undefined: a named port it lacks). */
export interface CandidatePort {
  port: number;
  targetPort: number | string;
  resolved?: number;
}

/** The controllers' verdict on one pod for one Service. */
export type EndpointCandidacy =
  | { endpoint: false; reason: 'no-selector' }
  | { endpoint: false; reason: 'selector-mismatch'; missing: Record<string, string> }
  | { endpoint: false; reason: 'not-serving' }
  | { endpoint: false; reason: 'no-target-port'; ports: CandidatePort[] }
  | {
      endpoint: true;
      /** True when the address is listed as ready (it receives traffic). */
      ready: boolean;
      /** True when it is ready only because the Service publishes not-ready addresses. */
      published: boolean;
      ports: CandidatePort[];
      /** The EndpointPorts the controllers write for this pod. */
      endpointPorts: EndpointPort[];
    };

export function endpointCandidacy(svc: Service, pod: Pod): EndpointCandidacy {
  const selector = svc.spec?.selector;
  if (!selector || Object.keys(selector).length === 0)
    return { endpoint: false, reason: 'no-selector' };
  if (!mapSelectorMatches(selector, pod.metadata?.labels)) {
    const labels = pod.metadata?.labels ?? {};
    const missing = Object.fromEntries(
      Object.entries(selector).filter(([k, v]) => labels[k] !== v),
    );
    return { endpoint: false, reason: 'selector-mismatch', missing };
  }
  if (!podCanServe(pod)) return { endpoint: false, reason: 'not-serving' };
  const ports: CandidatePort[] = [];
  const endpointPorts: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const resolved = resolveTargetPort(sp, pod);
    ports.push({
      port: sp.port,
      targetPort: sp.targetPort ?? sp.port,
      ...(resolved !== undefined ? { resolved } : {}),
    });
    if (resolved !== undefined)
      endpointPorts.push({
        ...(sp.name ? { name: sp.name } : {}),
        port: resolved,
        protocol: sp.protocol ?? 'TCP',
      });
  }
  if (ports.length > 0 && endpointPorts.length === 0)
    return { endpoint: false, reason: 'no-target-port', ports };
  const ready = podIsReady(pod);
  const published = !ready && svc.spec?.publishNotReadyAddresses === true;
  return { endpoint: true, ready: ready || published, published, ports, endpointPorts };
}

function portsText(ports: readonly CandidatePort[]): string {
  return ports
    .map((p) =>
      p.resolved === undefined
        ? `port ${p.port}: targetPort "${p.targetPort}" is not a named port of this pod`
        : `port ${p.port} → pod port ${p.resolved}`,
    )
    .join('; ');
}

/** The verdict in one sentence, for the inspector. */
export function endpointCandidacyText(svc: Service, pod: Pod, c: EndpointCandidacy): string {
  const selector = formatLabels(svc.spec?.selector ?? {});
  if (!c.endpoint) {
    switch (c.reason) {
      case 'no-selector':
        return 'the Service has no selector: its endpoints are managed by hand';
      case 'selector-mismatch': {
        const labels = pod.metadata?.labels ?? {};
        const has = Object.keys(c.missing).filter((k) => k in labels);
        return `labels do not match: needs ${formatLabels(c.missing)}${
          has.length ? ` (has ${has.map((k) => `${k}=${labels[k]}`).join(', ')})` : ''
        }`;
      }
      case 'not-serving':
        return 'selected, but the pod has no IP, is terminating or has finished';
      case 'no-target-port':
        return `selected, but no port of the Service resolves on it: ${portsText(c.ports)}`;
    }
  }
  if (c.published)
    return `selector ${selector} matches; the pod is not Ready, but the Service sets publishNotReadyAddresses, so it is listed as ready and gets traffic; ${portsText(c.ports)}`;
  if (!c.ready)
    return 'selected, but not Ready: listed under notReadyAddresses and gets no traffic';
  return `selector ${selector} matches and the pod is Ready; ${portsText(c.ports)}`;
}
