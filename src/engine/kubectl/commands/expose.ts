/**
 * `kubectl expose TYPE NAME`: a Service for a pod, Service, Deployment or ReplicaSet. What
 * is not given is read from the object, as kubectl's polymorphic helpers do: the selector
 * (the pod's labels, the workload's matchLabels), the ports (its containerPorts, each once)
 * with their protocols, and the labels (the object's own).
 */
import { kindForApiVersion, type KindInfo } from '../../api/index.ts';
import { getObject, type KubeObject } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import { parseResourceArgs } from '../resources.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { exposeSpec } from './deferred-specs.ts';
import { failure, stringFlag } from './create/common.ts';
import { emitAll } from './create/emit.ts';
import { readManifests } from './manifests.ts';
import { serviceFromParams } from './service-generator.ts';

const EXPOSABLE = ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'ReplicationController'];

type PodSpecLike = {
  containers?: Array<{ ports?: Array<{ containerPort: number; protocol?: string }> }>;
};

function podSpecOf(obj: KubeObject): PodSpecLike | undefined {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (obj.kind === 'Pod') return spec as PodSpecLike | undefined;
  return (spec?.template as { spec?: PodSpecLike } | undefined)?.spec;
}

/** MapBasedSelectorForObject. */
function selectorFor(
  obj: KubeObject,
): { ok: true; selector: string } | { ok: false; error: string } {
  const join = (m: Record<string, string>) =>
    Object.entries(m)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  const spec = obj.spec as Record<string, unknown> | undefined;
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0)
        return { ok: false, error: 'the pod has no labels and cannot be exposed' };
      return { ok: true, selector: join(obj.metadata.labels) };
    case 'Service': {
      const sel = spec?.selector as Record<string, string> | undefined;
      if (!sel) return { ok: false, error: 'the service has no pod selector set' };
      return { ok: true, selector: join(sel) };
    }
    default: {
      const sel = spec?.selector as
        { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | undefined;
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      if (!sel?.matchLabels || Object.keys(sel.matchLabels).length === 0)
        return { ok: false, error: `invalid ${what}: no selectors, therefore cannot be exposed` };
      if (sel.matchExpressions && sel.matchExpressions.length > 0)
        return {
          ok: false,
          error: `couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`,
        };
      return { ok: true, selector: join(sel.matchLabels) };
    }
  }
}

/** PortsForObject and MultiProtocolsForObject: each port once, protocols per port. */
function portsFor(obj: KubeObject): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    const key = String(port);
    if (!ports.includes(key)) ports.push(key);
    protocols.set(key, [...(protocols.get(key) ?? []), protocol || 'TCP']);
  };
  if (obj.kind === 'Service') {
    for (const p of (obj.spec as { ports?: Array<{ port: number; protocol?: string }> }).ports ??
      [])
      add(p.port, p.protocol);
  } else {
    for (const c of podSpecOf(obj)?.containers ?? [])
      for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  }
  return { ports, protocols };
}

function exposeOne(ctx: CommandContext, info: KindInfo, obj: KubeObject): CommandOutput {
  if (!EXPOSABLE.includes(obj.kind))
    return failure(`error: cannot expose a ${obj.kind}${info.group ? `.${info.group}` : ''}`);
  let selector = stringFlag(ctx.flags, 'selector');
  if (selector === '') {
    const s = selectorFor(obj);
    if (!s.ok)
      return failure(
        `error: couldn't retrieve selectors via --selector flag or introspection: ${s.error}`,
      );
    selector = s.selector;
  }
  const clusterIP = stringFlag(ctx.flags, 'cluster-ip');
  let port = stringFlag(ctx.flags, 'port');
  const found = portsFor(obj);
  if (port === '') {
    if (found.ports.length === 0 && clusterIP !== 'None')
      return failure("error: couldn't find port via --port flag or introspection");
    port = found.ports.join(',');
  }
  let labels = stringFlag(ctx.flags, 'labels');
  if (labels === '')
    labels = Object.entries(obj.metadata.labels ?? {})
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
  const built = serviceFromParams({
    name: stringFlag(ctx.flags, 'name') || obj.metadata.name.slice(0, 63),
    selector,
    labels,
    port,
    protocol: stringFlag(ctx.flags, 'protocol'),
    protocols: found.protocols,
    targetPort: stringFlag(ctx.flags, 'target-port'),
    externalIP: stringFlag(ctx.flags, 'external-ip'),
    type: stringFlag(ctx.flags, 'type'),
    loadBalancerIP: stringFlag(ctx.flags, 'load-balancer-ip'),
    sessionAffinity: stringFlag(ctx.flags, 'session-affinity'),
    clusterIP,
    namespace: ctx.namespaceExplicit ? ctx.namespace : undefined,
  });
  if (!built.ok) return failure(`error: ${built.error}`);
  return emitAll(ctx, [built.service], [0], 'raw', false, 'exposed');
}

export const expose: Command = {
  ...exposeSpec,
  run(ctx) {
    const targets: Array<{ info: KindInfo; namespace: string | undefined; name: string }> = [];
    if (ctx.flags.filename !== undefined) {
      const read = readManifests(ctx);
      if (!read.ok) return failure(read.error);
      for (const { object } of read.objects) {
        const info = kindForApiVersion(object.apiVersion, object.kind);
        if (!info) return failure(`error: unable to recognize kind "${object.kind}"`);
        targets.push({
          info,
          namespace: info.namespaced ? (object.metadata.namespace ?? ctx.namespace) : undefined,
          name: object.metadata.name,
        });
      }
    }
    if (ctx.args.length > 0) {
      const parsed = parseResourceArgs(ctx.args);
      if (!parsed.ok) return failure(parsed.error);
      for (const req of parsed.requests) {
        if (req.names.length === 0)
          return failure('error: resource(s) were provided, but no name was specified');
        for (const name of req.names)
          targets.push({
            info: req.info,
            namespace: req.info.namespaced ? ctx.namespace : undefined,
            name,
          });
      }
    }
    if (targets.length === 0)
      return failure(
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
      );
    let state = ctx.state;
    const stdout: string[] = [];
    const stderr: string[] = [];
    for (const t of targets) {
      const denied = checkAccess(ctx, {
        verb: 'get',
        resource: t.info.resource,
        group: t.info.group,
        ...(t.namespace !== undefined ? { namespace: t.namespace } : {}),
        name: t.name,
      });
      if (denied) {
        stderr.push(denied);
        continue;
      }
      const obj = getObject(state, t.info.kind, t.namespace, t.name);
      if (!obj) {
        stderr.push(
          `Error from server (NotFound): ${t.info.resource}${t.info.group ? `.${t.info.group}` : ''} ${JSON.stringify(t.name)} not found`,
        );
        continue;
      }
      const r = exposeOne({ ...ctx, state }, t.info, obj);
      if (r.state) state = r.state;
      if (r.stdout) stdout.push(r.stdout);
      if (r.stderr) stderr.push(r.stderr.trimEnd());
    }
    return {
      state: state === ctx.state ? undefined : state,
      stdout: stdout.join(''),
      stderr: stderr.join('\n'),
      exitCode: stderr.length > 0 ? 1 : 0,
    };
  },
};
