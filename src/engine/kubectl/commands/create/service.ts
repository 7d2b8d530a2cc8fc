/**
 * `kubectl create service clusterip|nodeport|loadbalancer|externalname NAME`: a Service
 * labelled and selecting `app=NAME`, one port per `--tcp=port[:targetPort]` named after it.
 */
import { isDNS1123Subdomain } from '../../../labels/index.ts';
import type { KubeObject } from '../../../cluster/index.ts';
import type { CommandContext, CommandOutput } from '../../types.ts';
import {
  GENERATOR_FLAGS,
  failure,
  generatedMeta,
  nameFromArgs,
  sliceFlag,
  stringFlag,
} from './common.ts';
import { emit } from './emit.ts';
import { requireFlags } from './deployment.ts';
import { nestedCommand, type NestedCommand } from './nested.ts';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** validation.IsValidPortName's messages. */
export function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name))
    errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && !/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.startsWith('-') || name.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** strconv.ParseUint(s, 10, 16), as utilsnet.ParsePort uses it. */
function parseUint16(s: string): { ok: true; value: number } | { ok: false; error: string } {
  if (!/^\d+$/.test(s))
    return { ok: false, error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax` };
  const v = Number(s);
  if (v > 65535)
    return {
      ok: false,
      error: `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`,
    };
  return { ok: true, value: v };
}

/** parsePorts: `port` or `port:targetPort` (a number or a port name). */
export function parseTcp(
  spec: string,
): { ok: true; port: number; targetPort: number | string } | { ok: false; error: string } {
  const parts = spec.split(':');
  const port = parseUint16(parts[0]!);
  if (!port.ok) return port;
  if (parts.length === 1) return { ok: true, port: port.value, targetPort: port.value };
  const target = parts[1]!;
  if (!/^[-+]?\d+$/.test(target)) {
    const errs = portNameErrors(target);
    if (errs.length > 0) return { ok: false, error: errs.join(',') };
    return { ok: true, port: port.value, targetPort: target };
  }
  const n = Number(target);
  if (n < 1 || n > 65535) return { ok: false, error: 'must be between 1 and 65535, inclusive' };
  return { ok: true, port: port.value, targetPort: n };
}

function serviceObject(
  ctx: CommandContext,
  type: ServiceType,
  name: string,
): { ok: true; obj: KubeObject } | { ok: false; out: CommandOutput } {
  const tcp = sliceFlag(ctx.flags, 'tcp');
  const clusterIP = stringFlag(ctx.flags, 'clusterip');
  const externalName = stringFlag(ctx.flags, 'external-name');
  const nodePort = typeof ctx.flags['node-port'] === 'number' ? ctx.flags['node-port'] : 0;
  if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName')
    return { ok: false, out: failure('error: at least one tcp port specifier must be provided') };
  if (type === 'ExternalName' && isDNS1123Subdomain(externalName).length > 0)
    return { ok: false, out: failure(`error: invalid service external name ${externalName}`) };
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp) {
    const parsed = parseTcp(spec);
    if (!parsed.ok) return { ok: false, out: failure(`error: ${parsed.error}`) };
    ports.push({
      name: spec.replace(/:/g, '-'),
      protocol: 'TCP',
      port: parsed.port,
      targetPort: parsed.targetPort,
      ...(nodePort ? { nodePort } : {}),
    });
  }
  const labels = { app: name };
  const spec: Record<string, unknown> = {
    ...(ports.length > 0 ? { ports } : {}),
    selector: { app: name },
    ...(clusterIP ? { clusterIP } : {}),
    type,
    ...(externalName ? { externalName } : {}),
  };
  return {
    ok: true,
    obj: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { ...generatedMeta(ctx, name, true), labels },
      spec,
      status: { loadBalancer: {} },
    },
  };
}

function serviceRun(type: ServiceType, required: readonly string[]) {
  return (ctx: CommandContext): CommandOutput => {
    const missing = requireFlags(ctx, required);
    if (missing) return missing;
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const built = serviceObject(ctx, type, name.name);
    if (!built.ok) return built.out;
    // create_service.go never reads --save-config into CreateAnnotation, so it has no effect.
    return emit(ctx, built.obj, { prefix: `failed to create ${type} service: ` }, '', false);
  };
}

const SUBS: NestedCommand[] = [
  {
    name: 'clusterip',
    short: 'Create a ClusterIP service',
    flags: ['tcp', 'clusterip'],
    run: serviceRun('ClusterIP', []),
  },
  {
    name: 'externalname',
    short: 'Create an ExternalName service',
    flags: ['tcp', 'external-name'],
    run: serviceRun('ExternalName', ['external-name']),
  },
  {
    name: 'loadbalancer',
    short: 'Create a LoadBalancer service',
    flags: ['tcp'],
    run: serviceRun('LoadBalancer', []),
  },
  {
    name: 'nodeport',
    short: 'Create a NodePort service',
    flags: ['tcp', 'node-port'],
    run: serviceRun('NodePort', []),
  },
];

export const createService = nestedCommand(
  {
    name: 'service',
    aliases: ['svc'],
    short: 'Create a service using a specified subcommand.',
    usage:
      'kubectl create service (clusterip | externalname | loadbalancer | nodeport) NAME [options]',
  },
  GENERATOR_FLAGS,
  [
    {
      name: 'tcp',
      type: 'strings',
      description: "Port pairs can be specified as '<port>:<targetPort>'.",
    },
    {
      name: 'clusterip',
      type: 'string',
      description:
        "Assign your own ClusterIP or set to 'None' for a 'headless' service (no loadbalancing).",
    },
    {
      name: 'node-port',
      type: 'int',
      description: 'Port used to expose the service on each node in a cluster.',
    },
    { name: 'external-name', type: 'string', description: 'External name of service' },
  ],
  SUBS,
);
