/**
 * `kubectl run -i [--rm] [--restart=Never] --image=… NAME -- COMMAND…`: create the pod,
 * run the command in it (the simulated programs of `kubectl exec`), show its output, and
 * with --rm delete the pod afterwards. This is how lessons test a connection from a
 * throw-away pod. An interactive shell (no command, or a bare `sh`) needs a terminal.
 */
import { mustKind } from '../../api/index.ts';
import {
  ClusterDraft,
  deleteObject,
  getObject,
  settleAfterDelete,
  writeObjects,
  type KubeObject,
  type Pod,
  type Stored,
} from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import type { CommandContext, CommandOutput } from '../types.ts';
import { runTool } from './exec/shell.ts';

const SHELLS = ['sh', 'bash', 'ash', '/bin/sh', '/bin/bash', '/bin/ash'];

/** Creates the pod, runs its command attached, and cleans up with --rm. */
export function runAttached(ctx: CommandContext, pod: KubeObject): CommandOutput {
  const args = ctx.rest;
  if (args.length === 0 || (args.length === 1 && SHELLS.includes(args[0]!)))
    return {
      stderr:
        'error: an interactive shell needs a terminal the simulator does not have; give the command to run after --, e.g. "kubectl run tmp --rm -i --restart=Never --image=busybox -- wget -qO- http://web"',
      exitCode: 1,
    };
  const name = pod.metadata.name;
  const namespace = pod.metadata.namespace ?? ctx.namespace;
  for (const [verb, subresource] of [
    ['create', undefined],
    ['create', 'attach'],
  ] as const) {
    const denied = checkAccess(ctx, {
      verb,
      resource: 'pods',
      ...(subresource ? { subresource } : {}),
      group: '',
      namespace,
      name,
    });
    if (denied) return { stderr: denied, exitCode: 1 };
  }
  const draft = new ClusterDraft(ctx.state);
  const [created] = writeObjects(
    draft,
    [{ object: pod, source: { file: '', line: 0, column: 0 } }],
    {
      mode: 'create',
      namespace: ctx.namespace,
    },
  );
  if (!created?.ok)
    return {
      stderr: (created?.message ?? 'error: pod not created').replace(/\n {2}at [^\n]*$/, ''),
      exitCode: 1,
    };
  let state = draft.commit();
  const stored = getObject<Pod>(state, 'Pod', namespace, name) as Stored<Pod>;
  const result = runTool({ state, pod: stored, container: name, kubectl: ctx.kubectl }, args);
  if (result.needs) return { needs: result.needs };
  if (result.state) state = result.state;
  let stderr = '';
  if (ctx.flags.tty === true && ctx.flags.quiet !== true)
    stderr += "If you don't see a command prompt, try pressing enter.\n";
  stderr += result.stderr;
  const exitCode = result.exitCode === -1 ? 127 : result.exitCode;
  const restart = (typeof ctx.flags.restart === 'string' && ctx.flags.restart) || 'Always';
  const waits = restart !== 'Always' && ctx.flags['leave-stdin-open'] !== true;
  let stdout = result.stdout;
  const after = new ClusterDraft(state);
  if (ctx.flags.rm === true) {
    const deleted = deleteObject(after, mustKind('Pod'), namespace, name);
    settleAfterDelete(after);
    if (deleted.ok) stdout += `pod ${JSON.stringify(name)} deleted\n`;
  } else if (waits) {
    // The container ran to completion: the pod is Succeeded or Failed, as kubelet reports it.
    const current = after.get<Pod>('Pod', namespace, name);
    if (current) {
      const phase = exitCode === 0 ? 'Succeeded' : 'Failed';
      const reason = exitCode === 0 ? 'Completed' : 'Error';
      after.put({
        ...current,
        status: {
          ...current.status,
          phase,
          containerStatuses: (current.status?.containerStatuses ?? []).map((c) => ({
            ...c,
            ready: false,
            started: false,
            state: { terminated: { exitCode, reason } },
          })),
        },
      });
    }
  }
  const next = after.dirty ? after.commit() : state;
  if (waits && exitCode !== 0) stderr += `pod ${namespace}/${name} terminated (Error)\n`;
  return {
    state: next,
    stdout,
    stderr,
    exitCode: waits ? exitCode : 0,
    ...(result.requests ? { requests: result.requests } : {}),
  };
}
