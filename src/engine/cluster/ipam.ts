/**
 * Address allocation: pod IPs from the pod CIDR (10.244.0.0/16) and ClusterIPs from the
 * Service CIDR (10.96.0.0/12), handed out in order and skipping every address already held
 * or claimed explicitly by objects in the same command.
 */
import type { ClusterDraft } from './state.ts';
import type { KubeObject, Pod, Service, Stored } from './types.ts';

export const POD_CIDR = '10.244.0.0/16';
export const SERVICE_CIDR = '10.96.0.0/12';

/** IPv4 dotted quad to a 32-bit unsigned number; undefined when not an IPv4 address. */
export function ipToNumber(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

export function numberToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/len` into its network base and prefix length. */
export function parseCidr(cidr: string): { base: number; bits: number } | undefined {
  const [ip, len] = cidr.split('/');
  const base = ipToNumber(ip ?? '');
  const bits = Number(len);
  if (base === undefined || len === undefined || !/^\d{1,2}$/.test(len) || bits > 32)
    return undefined;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return { base: (base & mask) >>> 0, bits };
}

/** True when the IPv4 address lies inside the CIDR. */
export function cidrContains(cidr: string, ip: string): boolean {
  const c = parseCidr(cidr);
  const n = ipToNumber(ip);
  if (!c || n === undefined) return false;
  const mask = c.bits === 0 ? 0 : (~0 << (32 - c.bits)) >>> 0;
  return (n & mask) >>> 0 === c.base;
}

/** Addresses held by pods (status.podIP/podIPs) and Services (spec.clusterIP/clusterIPs). */
export function addressesInUse(draft: ClusterDraft): Set<string> {
  const used = new Set<string>();
  for (const pod of draft.each<Pod>('Pod')) addPodIPs(pod, used);
  for (const svc of draft.each<Service>('Service')) addServiceIPs(svc, used);
  return used;
}

export function addPodIPs(pod: Pick<Pod, 'status'>, into: Set<string>): void {
  if (pod.status?.podIP) into.add(pod.status.podIP);
  for (const p of pod.status?.podIPs ?? []) if (p.ip) into.add(p.ip);
}

export function addServiceIPs(svc: Pick<Service, 'spec'>, into: Set<string>): void {
  const ip = svc.spec?.clusterIP;
  if (ip && ip !== 'None') into.add(ip);
  for (const c of svc.spec?.clusterIPs ?? []) if (c !== 'None') into.add(c);
}

/** Addresses that a batch of objects claims explicitly. */
export function claimedAddresses(objects: readonly KubeObject[]): Set<string> {
  const claimed = new Set<string>();
  for (const o of objects) {
    if (o.kind === 'Pod') addPodIPs(o as Stored<Pod>, claimed);
    if (o.kind === 'Service') addServiceIPs(o as Stored<Service>, claimed);
  }
  return claimed;
}

const podBase = ipToNumber('10.244.0.0')!;
const serviceBase = ipToNumber('10.96.0.0')!;
const podSize = 1 << 16;
const serviceSize = 1 << 20;

/** Hands out addresses for one command; `taken` grows as it allocates. */
export class Allocator {
  constructor(
    private readonly draft: ClusterDraft,
    private readonly taken: Set<string>,
  ) {}

  /** The next free pod address, skipping each /24's network, gateway (.1) and broadcast. */
  podIP(): string | undefined {
    let i = this.draft.ipam.pod;
    for (let tries = 0; tries < podSize; tries++, i = (i + 1) % podSize) {
      const last = i & 255;
      if (last === 0 || last === 1 || last === 255) continue;
      const ip = numberToIp(podBase + i);
      if (this.taken.has(ip)) continue;
      this.taken.add(ip);
      this.draft.ipam = { ...this.draft.ipam, pod: (i + 1) % podSize };
      return ip;
    }
    return undefined;
  }

  /** The next free NodePort in the default range 30000-32767. */
  nodePort(): number {
    const used = new Set<number>();
    for (const svc of this.draft.each<Service>('Service')) {
      for (const p of svc.spec?.ports ?? []) if (p.nodePort) used.add(p.nodePort);
    }
    for (const n of this.usedNodePorts) used.add(n);
    for (let i = 0; i < 2768; i++) {
      const port = 30000 + ((this.draft.seq * 7919 + i) % 2768);
      if (!used.has(port)) {
        this.usedNodePorts.add(port);
        return port;
      }
    }
    return 30000;
  }

  private readonly usedNodePorts = new Set<number>();

  /** The next free ClusterIP (10.96.0.1 is the `kubernetes` Service's, .10 kube-dns's). */
  serviceIP(): string | undefined {
    let i = this.draft.ipam.service;
    for (let tries = 0; tries < serviceSize; tries++, i = (i + 1) % serviceSize) {
      if (i === 0 || i === serviceSize - 1) continue;
      const ip = numberToIp(serviceBase + i);
      if (this.taken.has(ip)) continue;
      this.taken.add(ip);
      this.draft.ipam = { ...this.draft.ipam, service: (i + 1) % serviceSize };
      return ip;
    }
    return undefined;
  }
}
