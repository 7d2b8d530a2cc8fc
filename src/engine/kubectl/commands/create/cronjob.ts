/**
 * `kubectl create cronjob NAME --image=… --schedule=…`: the simulator does not run
 * CronJobs, but kubectl prints this one offline (`--dry-run=client -o yaml`), so it does too.
 */
import type { KubeObject } from '../../../cluster/index.ts';
import type { Command } from '../../types.ts';
import { createCronJobSpec } from './generator-specs.ts';
import { generatedMeta, nameFromArgs, stringFlag } from './common.ts';
import { requireFlags } from './deployment.ts';
import { emit } from './emit.ts';

export const createCronJob: Command = {
  ...createCronJobSpec,
  run(ctx) {
    const missing = requireFlags(ctx, ['image', 'schedule']);
    if (missing) return missing;
    const name = nameFromArgs(ctx);
    if (!name.ok) return name.out;
    const container: Record<string, unknown> = {
      name: name.name,
      image: stringFlag(ctx.flags, 'image'),
    };
    if (ctx.rest.length > 0) container.command = [...ctx.rest];
    container.resources = {};
    const obj: KubeObject = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: generatedMeta(ctx, name.name, true),
      spec: {
        schedule: stringFlag(ctx.flags, 'schedule'),
        jobTemplate: {
          metadata: { name: name.name, creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: {
                containers: [container],
                restartPolicy: stringFlag(ctx.flags, 'restart') || 'OnFailure',
              },
            },
          },
        },
      },
      status: {},
    };
    return emit(ctx, obj, { prefix: 'failed to create cronjob: ' });
  },
};
