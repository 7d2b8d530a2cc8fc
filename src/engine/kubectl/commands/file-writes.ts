/**
 * What `create -f` and `replace -f` share: one authorization check per object read from the
 * files, and kubectl's report of each write (the object or `kind/name verb`, errors after).
 */
import { kindForApiVersion } from '../../api/kinds.ts';
import type { ClusterDraft, KubeObject, LoadedObject } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import type { CommandContext, CommandOutput } from '../types.ts';
import { printObject } from './create/emit.ts';
import type { DryRun } from './output-flags.ts';

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
