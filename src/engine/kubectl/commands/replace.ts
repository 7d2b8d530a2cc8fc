/**
 * `kubectl replace -f FILE`: overwrites each existing object with the manifest as given
 * (NotFound when it is not there); `replaced` per object.
 */
import { ClusterDraft, writeObjects } from '../../cluster/index.ts';
import type { Command } from '../types.ts';
import { failure } from './create/common.ts';
import { authorizeWrites, fileWriteOptions, reportWrites } from './file-writes.ts';
import { FILENAME_FLAG, readManifests } from './manifests.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from './output-flags.ts';

export const replace: Command = {
  name: 'replace',
  short: 'Replace a resource by file name or stdin',
  usage: 'kubectl replace -f FILENAME [options]',
  flags: [
    FILENAME_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    },
    {
      name: 'save-config',
      type: 'bool',
      description: 'If true, the configuration of current object will be saved in its annotation.',
    },
    {
      name: 'validate',
      type: 'string',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    },
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      description: 'Process the directory used in -f recursively.',
    },
  ],
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
