/**
 * `kubectl replace -f FILE`: overwrites each existing object with the manifest as given
 * (NotFound when it is not there); `replaced` per object.
 */
import { ClusterDraft, writeObjects } from '../../cluster/index.ts';
import type { Command } from '../types.ts';
import { replaceSpec } from './deferred-specs.ts';
import { failure } from './create/common.ts';
import { authorizeWrites, fileWriteOptions, reportWrites } from './file-writes.ts';
import { readManifests } from './manifests.ts';

export const replace: Command = {
  ...replaceSpec,
  run(ctx) {
    const opts = fileWriteOptions(ctx);
    if (!opts.ok) return opts.out;
    if (ctx.flags.force === true)
      return failure('error: --force is not available in the simulator');
    if (((ctx.flags.filename as string[] | undefined) ?? []).length === 0)
      return failure('error: must specify --filename to replace');
    const read = readManifests(ctx);
    if (!read.ok)
      return failure(
        read.error.replace('no objects passed to apply', 'no objects passed to replace'),
      );
    const { allowed, denied } = authorizeWrites(ctx, read.objects, 'update');
    const draft = new ClusterDraft(ctx.state);
    const outcomes = writeObjects(draft, allowed, {
      mode: 'replace',
      namespace: ctx.namespace,
      namespaceExplicit: ctx.namespaceExplicit,
      dryRun: opts.dry !== 'none',
    });
    return reportWrites(draft, outcomes, denied, opts.format, opts.dry, 'replaced');
  },
};
