/**
 * `kubectl create deployment NAME --image=…`: label `app=NAME` on the Deployment, its
 * selector and its pod template; one container per image, named after the image.
 */
import { fnv32a, safeEncode, type KubeObject } from '../../../cluster/index.ts';
import type { Command, CommandContext, CommandOutput } from '../../types.ts';
import { GENERATOR_FLAGS, failure, generatedMeta, nameFromArgs, sliceFlag } from './common.ts';
import { emit } from './emit.ts';

/** kubectl requires these before anything else runs (cobra's MarkFlagRequired). */
export function requireFlags(
  ctx: CommandContext,
  names: readonly string[],
): CommandOutput | undefined {
  const missing = names.filter((n) => ctx.flags[n] === undefined);
  if (missing.length === 0) return undefined;
  return failure(`error: required flag(s) ${missing.map((n) => `"${n}"`).join(', ')} not set`);
}

/**
 * The container name kubectl derives from an image: last path element without tag or
 * digest; `.` and `_` become `-` plus a suffix (random in kubectl, derived from the name here).
 */
export function containerNameForImage(image: string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) {
    name = name.replace(/[_.]/g, '-');
    name = `${name}-${safeEncode(String(fnv32a(image))).slice(0, 5)}`;
  }
  return name;
}

/** The Deployment `kubectl create deployment` builds. */
export function deploymentObject(
  ctx: CommandContext,
  name: string,
  images: readonly string[],
  port: number,
  replicas: number,
  command: readonly string[],
): KubeObject {
  const labels = { app: name };
  const containers = images.map((image) => ({
    name: containerNameForImage(image),
    image,
    ...(command.length > 0 ? { command: [...command] } : {}),
    resources: {},
  }));
  if (port >= 0 && containers.length > 0)
    containers[0] = withPorts(containers[0]!, port) as (typeof containers)[number];
  return {
    kind: 'Deployment',
    apiVersion: 'apps/v1',
    metadata: { ...generatedMeta(ctx, name, true), labels },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { creationTimestamp: null, labels },
        spec: { containers },
      },
      strategy: {},
    },
    status: {},
  };
}

/** Puts `ports` where the Container struct has it: after command/args, before resources. */
function withPorts(c: Record<string, unknown>, port: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) {
    if (k === 'resources') out.ports = [{ containerPort: port }];
    out[k] = v;
  }
  return out;
}

export const createDeployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'strings', description: 'Image names to run.' },
    {
      name: 'port',
      type: 'int',
      default: -1,
      description: 'The port that this container exposes.',
    },
    {
      name: 'replicas',
      short: 'r',
      type: 'int',
      default: 1,
      description: 'Number of replicas to create. Default is 1.',
    },
  ],
  run(ctx) {
    const missing = requireFlags(ctx, ['image']);
    if (missing) return missing;
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const images = sliceFlag(ctx.flags, 'image');
    const command = ctx.rest;
    if (images.length > 1 && command.length > 0)
      return failure('error: cannot specify multiple --image options and command');
    const obj = deploymentObject(
      ctx,
      name.name,
      images,
      Number(ctx.flags.port),
      Number(ctx.flags.replicas),
      command,
    );
    return emit(ctx, obj, { prefix: 'failed to create deployment: ' });
  },
};
