/**
 * The endpoints of a Service as kube-proxy and CoreDNS read them: EndpointSlices labelled
 * `kubernetes.io/service-name`, plus what the EndpointSlice mirroring controller would make of
 * a manually written Endpoints object for a Service without a selector.
 */
import { getObject } from './state.ts';
import type { Endpoints, KubeObject, Service, Stored } from './types.ts';
import { refOf, type ObjectRef } from '../api/index.ts';
import { slicesByService } from './indexes.ts';

const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';

/** One port of an endpoint; port -1 is CoreDNS's sentinel for a slice without ports. */
export interface EndpointPortView {
  name: string;
  port: number;
  protocol: string;
}

/** One address of a Service's endpoints, with the ports its slice (or subset) lists. */
export interface EndpointView {
  ip: string;
  /** EndpointConditions.ready; an unset condition counts as ready, as consumers must treat it. */
  ready: boolean;
  hostname?: string;
  nodeName?: string;
  targetRef?: { kind?: string; name?: string; namespace?: string };
  ports: EndpointPortView[];
  /** The EndpointSlice or Endpoints object this address came from. */
  source: ObjectRef;
}

interface AnyPort {
  name?: string;
  port?: number;
  protocol?: string;
}

function portsOf(ports: readonly AnyPort[] | null | undefined): EndpointPortView[] {
  if (!ports || ports.length === 0) return [{ name: '', port: -1, protocol: '' }];
  return ports.map((p) => ({
    name: p.name ?? '',
    port: p.port ?? -1,
    protocol: p.protocol ?? 'TCP',
  }));
}

function hasSelector(svc: Service): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/** Every address of the Service's endpoints, ready or not (callers filter on `ready`). */
export function serviceEndpoints(
  state: { objects: ReadonlyMap<string, ReadonlyMap<string, KubeObject>> },
  svc: Stored<Service>,
): EndpointView[] {
  const ns = svc.metadata.namespace ?? '';
  const out: EndpointView[] = [];
  for (const slice of slicesByService(state).get(`${ns}/${svc.metadata.name}`) ?? []) {
    if (slice.addressType === 'FQDN') continue;
    const ports = portsOf(slice.ports);
    for (const ep of slice.endpoints ?? []) {
      for (const ip of ep.addresses ?? []) {
        out.push({
          ip,
          ready: ep.conditions?.ready !== false,
          ...(ep.hostname ? { hostname: ep.hostname } : {}),
          ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
          ...(ep.targetRef ? { targetRef: ep.targetRef } : {}),
          ports,
          source: refOf('EndpointSlice', slice),
        });
      }
    }
  }
  // The mirroring controller copies user-written Endpoints of selector-less Services into slices.
  if (!hasSelector(svc)) {
    const eps = getObject<Endpoints>(state, 'Endpoints', ns, svc.metadata.name);
    if (eps && eps.metadata.labels?.[SKIP_MIRROR_LABEL] !== 'true') {
      for (const subset of eps.subsets ?? []) {
        const ports = portsOf(subset.ports);
        const add = (list: typeof subset.addresses, ready: boolean) => {
          for (const a of list ?? []) {
            out.push({
              ip: a.ip,
              ready,
              ...(a.hostname ? { hostname: a.hostname } : {}),
              ...(a.nodeName ? { nodeName: a.nodeName } : {}),
              ...(a.targetRef ? { targetRef: a.targetRef } : {}),
              ports,
              source: refOf('Endpoints', eps),
            });
          }
        };
        add(subset.addresses, true);
        add(subset.notReadyAddresses, false);
      }
    }
  }
  return out;
}

/** True for a headless Service (`clusterIP: None`). */
export function isHeadless(svc: Service): boolean {
  return svc.spec?.clusterIP === 'None';
}

/** The Service's cluster IPs (none for headless and ExternalName Services). */
export function clusterIPsOf(svc: Service): string[] {
  if (svc.spec?.type === 'ExternalName') return [];
  const ips = svc.spec?.clusterIPs?.length
    ? svc.spec.clusterIPs
    : svc.spec?.clusterIP
      ? [svc.spec.clusterIP]
      : [];
  return ips.filter((ip) => ip !== 'None' && ip !== '');
}
