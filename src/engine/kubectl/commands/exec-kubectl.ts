/**
 * `kubectl exec POD -- kubectl …`: an API call from inside a pod, made with the pod's
 * ServiceAccount token (or anonymously when the token is not mounted). Filled in by the
 * RBAC work; `exec` calls this for the `kubectl` tool.
 */
import type { ClusterState, Pod, Stored } from '../../cluster/index.ts';
import type { CommandOutput } from '../types.ts';

export function execKubectl(
  _state: ClusterState,
  _pod: Stored<Pod>,
  _argv: readonly string[],
): CommandOutput {
  return {
    stderr: 'error: kubectl inside a pod is not available in this simulator yet',
    exitCode: 1,
  };
}
