/**
 * What `create -f` and `replace -f` share: the checks before reading the files (no stray
 * arguments, --dry-run, -o), one authorization check per object read from the files, and
 * kubectl's report of each write (the object or `kind/name verb`, errors after).
 */
import { kindForApiVersion } from '../../api/index.ts';
import type { ClusterDraft, KubeObject, LoadedObject } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import type { CommandContext, CommandOutput } from '../types.ts';
import { printObject } from './create/emit.ts';
import { failure, outputFormat } from './create/common.ts';
import { dryRunMode, type DryRun } from './output-flags.ts';

/** The dry-run mode and output format, or the error kubectl gives before reading any file. */
export function fileWriteOptions(
  ctx: CommandContext,
): { ok: true; dry: DryRun; format: string } | { ok: false; out: CommandOutput } {
  if (ctx.args.length > 0)
    return {
      ok: false,
      out: failure(
        `error: Unexpected args: [${ctx.args.join(' ')}]\nSee '${ctx.path} -h' for help and examples`,
      ),
    };
  const dry = dryRunMode(ctx.flags);
  if (!dry.ok) return { ok: false, out: failure(dry.error) };
  const out = outputFormat(ctx.flags);
  if (!out.ok) return out;
  return { ok: true, dry: dry.mode, format: out.format };
}

/** The objects the user may write with `verb`, and the API server's Forbidden text for the rest. */
export function authorizeWrites(
  ctx: CommandContext,
  objects: readonly LoadedObject[],
  verb: 'create' | 'update',
): { allowed: LoadedObject[]; denied: string[] } {
  const denied: string[] = [];
  const allowed = objects.filter(({ object, source }) => {
    const info = kindForApiVersion(String(object.apiVersion), String(object.kind));
    if (!info) return true; // the write itself reports the unknown kind
    const message = checkAccess(ctx, {
      verb,
      resource: info.resource,
      group: info.group,
      ...(info.namespaced ? { namespace: object.metadata.namespace ?? ctx.namespace } : {}),
      name: object.metadata.name,
      object,
      file: source.file,
    });
    if (message) denied.push(message);
    return !message;
  });
  return { allowed, denied };
}

/** kubectl's output for a batch of writes; the draft is committed only for a real run. */
export function reportWrites(
  draft: ClusterDraft,
  outcomes: ReadonlyArray<{ ok: true; object: KubeObject } | { ok: false; message: string }>,
  denied: readonly string[],
  format: string,
  mode: DryRun,
  verb: 'created' | 'replaced',
): CommandOutput {
  const printed: string[] = [];
  const errors = [...denied];
  for (const o of outcomes) {
    if (!o.ok) {
      errors.push(o.message);
      continue;
    }
    const info = kindForApiVersion(o.object.apiVersion, o.object.kind);
    if (info) printed.push(printObject(o.object, info, format, mode, false, verb));
  }
  return {
    state: mode === 'none' && draft.dirty ? draft.commit() : undefined,
    stdout: format === 'yaml' ? printed.join('---\n') : printed.join(''),
    stderr: errors.join('\n'),
    exitCode: errors.length > 0 ? 1 : 0,
  };
}
