/**
 * `kubectl exec [-n NS] (POD | TYPE/NAME) [-c CONTAINER] [-i] [-t] -- COMMAND [args...]`: runs
 * a simulated program in a container. kubectl's own errors come first (no command, the old
 * form without `--`, unknown pod, completed pod, unknown container); a program that exits
 * non-zero makes kubectl print "command terminated with exit code N" and exit N.
 */
import {
  getObject,
  type ClusterState,
  type Node,
  type Pod,
  type Stored,
} from '../../cluster/index.ts';
import { resolveResourceType } from '../../api/index.ts';
import { checkAccess } from '../authz.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { execSpec } from './deferred-specs.ts';
import { runTool } from './exec/shell.ts';
import { attachablePod } from './exec/target.ts';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

function usageError(message: string): CommandOutput {
  return {
    stderr: `error: ${message}\nSee 'kubectl exec -h' for help and examples`,
    exitCode: 1,
  };
}

function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

/**
 * Why the exec request cannot reach a running container, as the API server (ExecLocation) and
 * then the node's kubelet answer it: no node bound yet, a node that does not exist, or a
 * container that is not running yet.
 */
function whyNotRunning(state: ClusterState, pod: Stored<Pod>, container: string): string {
  const nodeName = pod.spec?.nodeName;
  if (!nodeName)
    return `Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned`;
  const node = getObject<Node>(state, 'Node', undefined, nodeName);
  if (!node) return `Error from server (NotFound): nodes "${nodeName}" not found`;
  // The API server dials the kubelet at the node's reported address; a Node no kubelet ever
  // updated (written with kubectl) has none.
  if (
    !(node.status?.addresses ?? []).some((a) =>
      ['InternalIP', 'ExternalIP', 'Hostname'].includes(a.type),
    )
  )
    return 'Error from server: no preferred addresses found; known addresses: []';
  if (pod.status?.phase === 'Pending' || !pod.status?.podIP)
    return `error: unable to upgrade connection: container not found ("${container}")`;
  return '';
}

/**
 * The reads kubectl makes before it can exec, as the user: the object a TYPE/NAME names and
 * the LIST of its pods (GetFirstPod), or the pod itself. The API server's Forbidden, or undefined.
 */
function execDenied(ctx: CommandContext, arg: string): string | undefined {
  const slash = arg.indexOf('/');
  const info = slash < 0 ? undefined : resolveResourceType(arg.slice(0, slash));
  const name = slash < 0 ? arg : arg.slice(slash + 1);
  if (info && info.kind !== 'Pod')
    return (
      checkAccess(ctx, {
        verb: 'get',
        resource: info.resource,
        group: info.group,
        ...(info.namespaced ? { namespace: ctx.namespace } : {}),
        name,
      }) ?? checkAccess(ctx, { verb: 'list', resource: 'pods', namespace: ctx.namespace })
    );
  return checkAccess(ctx, { verb: 'get', resource: 'pods', namespace: ctx.namespace, name });
}

export const exec: Command = {
  ...execSpec,
  run: (ctx): CommandOutput => {
    if (!ctx.dashDash) {
      if (ctx.args.length > 1)
        return usageError(
          'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
        );
    } else if (ctx.args.length > 1)
      return usageError(
        'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
      );
    if (ctx.args.length === 0)
      return { stderr: 'error: pod, type/name or --filename must be specified', exitCode: 1 };
    if (ctx.rest.length === 0)
      return {
        stderr: 'error: you must specify at least one command for the container',
        exitCode: 1,
      };
    const denied = execDenied(ctx, ctx.args[0]!);
    if (denied) return { stderr: denied, exitCode: 1 };
    const found = attachablePod(ctx.state, ctx.namespace, ctx.args[0]!);
    if (!found.ok) return { stderr: found.error, exitCode: 1 };
    const pod = found.pod;
    const upgrade = checkAccess(ctx, {
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
      namespace: ctx.namespace,
      name: pod.metadata.name,
    });
    if (upgrade) return { stderr: upgrade, exitCode: 1 };
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed')
      return {
        stderr: `error: cannot exec into a container in a completed pod; current phase is ${phase}`,
        exitCode: 1,
      };
    let stderr = '';
    const containers = pod.spec?.containers ?? [];
    let container = typeof ctx.flags.container === 'string' ? ctx.flags.container : '';
    if (container) {
      if (!containers.some((c) => c.name === container))
        return {
          stderr: `error: unable to upgrade connection: container not found ("${container}")`,
          exitCode: 1,
        };
    } else {
      const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
      if (annotated) {
        if (!containers.some((c) => c.name === annotated))
          return {
            stderr: `error: container ${annotated} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}`,
            exitCode: 1,
          };
        container = annotated;
      } else {
        container = containers[0]?.name ?? '';
        if (containers.length > 1 && ctx.flags.quiet !== true)
          stderr += `Defaulted container "${container}" out of: ${allContainerNames(pod)}\n`;
      }
    }
    const notRunning = whyNotRunning(ctx.state, pod, container);
    if (notRunning) return { stderr: stderr + notRunning, exitCode: 1 };
    // With -it the program writes to a terminal, and kubectl carries its stderr on stdout.
    const tty = ctx.flags.stdin === true && ctx.flags.tty === true;
    const r = runTool({ state: ctx.state, pod, container, tty, kubectl: ctx.kubectl }, ctx.rest);
    if (r.needs) return { needs: r.needs };
    if (r.exitCode === -1) return { stdout: r.stdout, stderr: stderr + r.stderr, exitCode: 1 };
    let stdout = r.stdout;
    if (tty) stdout = r.stderr + stdout;
    else stderr += r.stderr;
    if (r.exitCode !== 0) stderr += `command terminated with exit code ${r.exitCode}\n`;
    return {
      ...(r.state ? { state: r.state } : {}),
      stdout,
      stderr,
      exitCode: r.exitCode,
      ...(r.requests ? { requests: r.requests } : {}),
    };
  },
};
