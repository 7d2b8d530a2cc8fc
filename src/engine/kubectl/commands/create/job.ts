/** `kubectl create job NAME --image=… [-- COMMAND…]`: one container named after the Job, never restarted. */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command } from '../../types.ts';
import { createJobSpec } from './generator-specs.ts';
import { failure, generatedMeta, nameFromArgs, stringFlag } from './common.ts';
import { emit } from './emit.ts';

export const createJob: Command = {
  ...createJobSpec,
  run(ctx) {
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const image = stringFlag(ctx.flags, 'image');
    const from = stringFlag(ctx.flags, 'from');
    if ((image === '') === (from === ''))
      return failure('error: either --image or --from must be specified');
    if (ctx.rest.length > 0 && from !== '')
      return failure('error: cannot specify --from and command');
    if (from !== '')
      return failure(`error: the server doesn't have a resource type "${from.split('/')[0]}"`);
    const obj: KubeObject = {
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: generatedMeta(ctx, name.name, true),
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: {
            containers: [
              {
                name: name.name,
                image,
                ...(ctx.rest.length > 0 ? { command: [...ctx.rest] } : {}),
                resources: {},
              },
            ],
            restartPolicy: 'Never',
          },
        },
      },
      status: {},
    };
    return emit(ctx, obj, { prefix: 'failed to create job: ' });
  },
};
