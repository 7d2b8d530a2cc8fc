/** `kubectl create job NAME --image=… [-- COMMAND…]`: one container named after the Job, never restarted. */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command } from '../../types.ts';
import { GENERATOR_FLAGS, failure, generatedMeta, nameFromArgs, stringFlag } from './common.ts';
import { emit } from './emit.ts';

export const createJob: Command = {
  name: 'job',
  short: 'Create a job with the specified name',
  usage:
    'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...] [options]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'image', type: 'string', description: 'Image name to run.' },
    {
      name: 'from',
      type: 'string',
      description: 'The name of the resource to create a Job from (only cronjob is supported).',
    },
  ],
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
