/**
 * `kubectl replace -f FILE`: overwrites each existing object with the manifest as given
 * (NotFound when it is not there); `replaced` per object.
 */
import { kindForApiVersion } from '../../api/kinds.ts';
import { ClusterDraft, writeObjects } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import type { Command } from '../types.ts';
import { failure, outputFormat } from './create/common.ts';
import { printObject } from './create/emit.ts';
import { FILENAME_FLAG, readManifests } from './manifests.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunMode } from './output-flags.ts';

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
    if (ctx.args.length > 0)
      return failure(
        `error: Unexpected args: [${ctx.args.join(' ')}]\nSee '${ctx.path} -h' for help and examples`,
      );
    const dry = dryRunMode(ctx.flags);
    if (!dry.ok) return failure(dry.error);
    const out = outputFormat(ctx.flags);
    if (!out.ok) return out.out;
    if (ctx.flags.force === true)
      return failure('error: --force is not available in the simulator');
    if (((ctx.flags.filename as string[] | undefined) ?? []).length === 0)
      return failure('error: must specify --filename to replace');
    const read = readManifests(ctx);
    if (!read.ok)
      return failure(
        read.error.replace('no objects passed to apply', 'no objects passed to replace'),
      );
    const denied: string[] = [];
    const allowed = read.objects.filter(({ object }) => {
      const info = kindForApiVersion(String(object.apiVersion), String(object.kind));
      if (!info) return true;
      const message = checkAccess(ctx, {
        verb: 'update',
        resource: info.resource,
        group: info.group,
        ...(info.namespaced ? { namespace: object.metadata.namespace ?? ctx.namespace } : {}),
        name: object.metadata.name,
        object,
      });
      if (message) denied.push(message);
      return !message;
    });
    const draft = new ClusterDraft(ctx.state);
    const outcomes = writeObjects(draft, allowed, {
      mode: 'replace',
      namespace: ctx.namespace,
      namespaceExplicit: ctx.namespaceExplicit,
      dryRun: dry.mode !== 'none',
    });
    const printed: string[] = [];
    const errors = [...denied];
    for (const o of outcomes) {
      if (!o.ok) {
        errors.push(o.message);
        continue;
      }
      const info = kindForApiVersion(o.object.apiVersion, o.object.kind);
      if (info) printed.push(printObject(o.object, info, out.format, dry.mode, false, 'replaced'));
    }
    return {
      state: dry.mode === 'none' && draft.dirty ? draft.commit() : undefined,
      stdout: out.format === 'yaml' ? printed.join('---\n') : printed.join(''),
      stderr: errors.join('\n'),
      exitCode: errors.length > 0 ? 1 : 0,
    };
  },
};
