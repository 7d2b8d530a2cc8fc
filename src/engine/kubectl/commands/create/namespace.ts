/** `kubectl create namespace NAME`: a Namespace with empty spec and status, as kubectl builds it. */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command } from '../../types.ts';
import { GENERATOR_FLAGS, nameFromArgs } from './common.ts';
import { emit } from './emit.ts';

/** The object `kubectl create namespace` sends (cluster-scoped: `-n` never lands in it). */
export function namespaceObject(name: string): KubeObject {
  return {
    kind: 'Namespace',
    apiVersion: 'v1',
    metadata: { name, creationTimestamp: null as unknown as string },
    spec: {},
    status: {},
  };
}

export const createNamespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  flags: GENERATOR_FLAGS,
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    return emit(ctx, namespaceObject(name.name), 'raw');
  },
};
