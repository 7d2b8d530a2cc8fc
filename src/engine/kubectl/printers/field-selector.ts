/**
 * `--field-selector` as the API server evaluates it: `field=value`, `field==value`,
 * `field!=value`, comma-separated and ANDed, over the fields each resource supports
 * (metadata.name and metadata.namespace everywhere; pods add spec.nodeName, status.phase and
 * others). An unsupported field is the server's BadRequest.
 */
import type { KindInfo } from '../../api/index.ts';
import type { KubeObject } from '../../cluster/index.ts';

const EXTRA: Record<string, Record<string, (o: KubeObject) => string | undefined>> = {
  Pod: {
    'spec.nodeName': (o) => (o.spec as { nodeName?: string })?.nodeName,
    'spec.restartPolicy': (o) => (o.spec as { restartPolicy?: string })?.restartPolicy,
    'spec.schedulerName': (o) => (o.spec as { schedulerName?: string })?.schedulerName,
    'spec.serviceAccountName': (o) =>
      (o.spec as { serviceAccountName?: string })?.serviceAccountName,
    'spec.hostNetwork': (o) => String((o.spec as { hostNetwork?: boolean })?.hostNetwork === true),
    'status.phase': (o) => (o.status as { phase?: string })?.phase,
    'status.podIP': (o) => (o.status as { podIP?: string })?.podIP,
    'status.nominatedNodeName': (o) =>
      (o.status as { nominatedNodeName?: string })?.nominatedNodeName,
  },
  Secret: { type: (o) => (o as { type?: string }).type },
  Namespace: { 'status.phase': (o) => (o.status as { phase?: string })?.phase },
  Node: {
    'spec.unschedulable': (o) =>
      String((o.spec as { unschedulable?: boolean })?.unschedulable === true),
  },
  ReplicaSet: {
    'status.replicas': (o) => String((o.status as { replicas?: number })?.replicas ?? 0),
  },
  Job: { 'status.successful': (o) => String((o.status as { succeeded?: number })?.succeeded ?? 0) },
};

export type FieldSelector =
  { ok: true; matches: (o: KubeObject) => boolean } | { ok: false; error: string };

/** Compiles a field selector for one resource type, or the API server's error. */
export function compileFieldSelector(
  info: KindInfo,
  selector: string,
  labelSelector: string,
): FieldSelector {
  if (!selector.trim()) return { ok: true, matches: () => true };
  const fields: Record<string, (o: KubeObject) => string | undefined> = {
    'metadata.name': (o) => o.metadata.name,
    ...(info.namespaced ? { 'metadata.namespace': (o: KubeObject) => o.metadata.namespace } : {}),
    ...(EXTRA[info.kind] ?? {}),
  };
  const terms: Array<{ get: (o: KubeObject) => string | undefined; neg: boolean; value: string }> =
    [];
  for (const raw of selector.split(',')) {
    const m = /^([^!=]+)(!=|==|=)(.*)$/.exec(raw.trim());
    const resource = `"${info.group ? `${info.group}/` : '/'}${info.version}, Resource=${info.resource}"`;
    const prefix = `Error from server (BadRequest): Unable to find ${resource} that match label selector "${labelSelector}", field selector "${selector}"`;
    if (!m)
      return {
        ok: false,
        error: `${prefix}: invalid selector: '${raw}'; can't understand '${raw}'`,
      };
    const get = fields[m[1]!.trim()];
    if (!get) return { ok: false, error: `${prefix}: field label not supported: ${m[1]!.trim()}` };
    terms.push({ get, neg: m[2] === '!=', value: m[3]! });
  }
  return {
    ok: true,
    matches: (o) => terms.every((t) => ((t.get(o) ?? '') === t.value) !== t.neg),
  };
}
