/**
 * kubectl's Service generator, shared by `expose` and `run --expose` (expose.go
 * createService, generate/versioned/service.go): selector and labels from `k=v,…` text,
 * one port or several (`port-N`), a port served over several protocols split into
 * `port-N-<protocol>`, targetPort defaulting to the port, and the optional fields.
 */
import type { KubeObject } from '../../cluster/index.ts';

/** The inputs of kubectl's service generator (expose.go createService, versioned.generateService). */
export interface ServiceParams {
  name: string;
  selector: string;
  labels?: string;
  /** One port or several, comma-separated. */
  port: string;
  protocol?: string;
  /** Protocols per port, from the exposed object. */
  protocols?: ReadonlyMap<string, readonly string[]>;
  targetPort?: string;
  externalIP?: string;
  type?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
  namespace?: string | undefined;
}

function parseLabels(
  spec: string,
): { ok: true; map: Record<string, string> } | { ok: false; error: string } {
  if (spec === '') return { ok: false, error: 'no label spec passed' };
  const map: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return { ok: false, error: `unexpected label spec: ${part}` };
    if (kv[0] === '') return { ok: false, error: 'unexpected empty label key' };
    map[kv[0]!] = kv[1]!;
  }
  return { ok: true, map: sortedMap(map) };
}

function sortedMap(r: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k]!;
  return out;
}

/** Builds the Service kubectl's generator builds, fields in the Go structs' order. */
export function serviceFromParams(
  p: ServiceParams,
): { ok: true; service: KubeObject } | { ok: false; error: string } {
  const selector = parseLabels(p.selector);
  if (!selector.ok) return selector;
  let labels: Record<string, string> | undefined;
  if (p.labels) {
    const parsed = parseLabels(p.labels);
    if (!parsed.ok) return parsed;
    labels = parsed.map;
  }
  const ports: Array<Record<string, unknown>> = [];
  const specs = p.port === '' ? [] : p.port.split(',');
  for (const [i, text] of specs.entries()) {
    if (!/^[-+]?\d+$/.test(text))
      return { ok: false, error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
    const port = Number(text);
    const name = specs.length > 1 ? `port-${i + 1}` : '';
    let protocol = p.protocol ?? '';
    const fromObject = p.protocols?.get(text);
    if (protocol === '' && (!p.protocols || p.protocols.size === 0)) protocol = 'TCP';
    else if (protocol === '' && p.protocols && p.protocols.size > 0) {
      protocol = 'TCP';
      if (fromObject && fromObject.length === 1) protocol = fromObject[0]!;
      else if (fromObject && fromObject.length > 1) {
        for (const proto of fromObject)
          ports.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port });
        continue;
      }
    }
    ports.push({ ...(name ? { name } : {}), protocol, port });
  }
  const target = p.targetPort ?? '';
  for (const port of ports)
    port.targetPort =
      target === '' ? port.port : /^[-+]?\d+$/.test(target) ? Number(target) : target;
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec.ports = ports;
  spec.selector = selector.map;
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type) spec.type = p.type;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.sessionAffinity) {
    if (!['None', 'ClientIP'].includes(p.sessionAffinity))
      return { ok: false, error: `unknown session affinity: ${p.sessionAffinity}` };
    spec.sessionAffinity = p.sessionAffinity;
  }
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  const metadata: Record<string, unknown> = { name: p.name };
  if (p.namespace !== undefined) metadata.namespace = p.namespace;
  metadata.creationTimestamp = null;
  if (labels) metadata.labels = labels;
  return {
    ok: true,
    service: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: metadata as unknown as KubeObject['metadata'],
      spec,
      status: { loadBalancer: {} },
    },
  };
}
