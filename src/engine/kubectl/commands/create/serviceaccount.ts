/** `kubectl create serviceaccount NAME`: a ServiceAccount with nothing but its name. */
import type { Command } from '../../types.ts';
import { GENERATOR_FLAGS, generatedMeta, nameFromArgs } from './common.ts';
import { emit } from './emit.ts';

export const createServiceAccount: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  usage: 'kubectl create serviceaccount NAME [--dry-run=server|client|none] [options]',
  flags: GENERATOR_FLAGS,
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const obj = {
      kind: 'ServiceAccount',
      apiVersion: 'v1',
      metadata: generatedMeta(ctx, name.name, true),
    };
    return emit(ctx, obj, { prefix: 'failed to create serviceaccount: ' });
  },
};
