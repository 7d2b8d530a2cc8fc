/**
 * `kubectl edit TYPE NAME`: kubectl fetches the object, opens it in $EDITOR and sends back what
 * was saved. The simulator has no terminal editor, so the command checks what kubectl checks
 * before opening one — the object exists and the user may get it — and then names the object
 * as `edit` in its result. The app opens it in its YAML editor; `nslab` says how to change it
 * instead and exits 1, as kubectl does when no editor can run.
 */
import { parseResourceArgs } from '../resources.ts';
import type { Command } from '../types.ts';
import { editSpec } from './deferred-specs.ts';
import { failure } from './create/common.ts';
import { getAsUser } from './get-object.ts';

export const NO_EDITOR =
  'error: kubectl edit opens an interactive editor, which is not available here; change the object with kubectl patch, kubectl apply -f or kubectl replace -f';

export const edit: Command = {
  ...editSpec,
  run(ctx) {
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return failure(parsed.error);
    const targets = parsed.requests.flatMap((r) => r.names.map((name) => ({ info: r.info, name })));
    if (targets.length === 0)
      return failure('error: edit needs the name of the object to edit here (TYPE NAME)');
    if (targets.length > 1) return failure('error: edit one object at a time here');
    const { info, name } = targets[0]!;
    const namespace = info.namespaced ? ctx.namespace : undefined;
    const got = getAsUser(ctx, info, namespace, name);
    if (!got.ok) return failure(got.error);
    return {
      stderr: NO_EDITOR,
      exitCode: 1,
      edit: { kind: info.kind, ...(namespace !== undefined ? { namespace } : {}), name },
    };
  },
};
