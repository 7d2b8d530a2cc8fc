/**
 * `kubectl exec POD -- kubectl …`: an API call from inside a pod. kubectl's in-cluster
 * configuration uses the mounted ServiceAccount token (the pod's `serviceAccountName`,
 * `default` when unset) and the token's namespace as the default namespace. Without a token
 * (`automountServiceAccountToken: false` on the pod, or on its ServiceAccount when the pod
 * does not say) kubectl has no in-cluster configuration: it falls back to localhost:8080,
 * and pointed at the API server with `--server` it is an anonymous request (`system:anonymous`).
 * Being able to reach the API server over the network is not being allowed to use it.
 */
import type { ClusterState, Pod, Stored } from '../../cluster/index.ts';
import { dialError, IN_CLUSTER_API_URL, podIdentity } from '../../rbac/index.ts';
import { connect } from '../../routing/index.ts';
import type { CommandOutput, RequestRecord } from '../types.ts';
import type { KubectlRunner } from './exec/tool.ts';

// Connection flags kubectl takes that only say where the API server is: they change nothing here.
const CONNECTION_FLAGS = [
  '--server',
  '-s',
  '--insecure-skip-tls-verify',
  '--certificate-authority',
];

function splitConnectionFlags(argv: readonly string[]): {
  rest: string[];
  server: boolean;
  serverUrl?: string;
  insecure: boolean;
} {
  const rest: string[] = [];
  let server = false;
  let serverUrl: string | undefined;
  let insecure = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    if (!CONNECTION_FLAGS.includes(name)) {
      rest.push(a);
      continue;
    }
    if (name === '--server' || name === '-s') {
      server = true;
      serverUrl = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[i + 1];
    }
    if (name === '--insecure-skip-tls-verify') {
      insecure = !a.endsWith('=false');
      continue;
    }
    if (!a.includes('=')) i++;
  }
  return { rest, server, insecure, ...(serverUrl ? { serverUrl } : {}) };
}

/** Runs `kubectl …` (argv, the leading `kubectl` optional) inside `pod`. */
export function execKubectl(
  kubectl: KubectlRunner,
  state: ClusterState,
  pod: Stored<Pod>,
  argv: readonly string[],
): CommandOutput {
  const words = argv[0] === 'kubectl' ? argv.slice(1) : [...argv];
  const { rest, server, serverUrl, insecure } = splitConnectionFlags(words);
  const identity = podIdentity(state, pod);
  const mounted = identity.tokenMounted;
  // The namespace file sits beside the token; without it kubectl's default is `default`.
  const podNamespace = pod.metadata.namespace ?? 'default';
  const namespace = mounted ? podNamespace : 'default';
  if (!mounted && !server) {
    return {
      stderr:
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
      exitCode: 1,
    };
  }
  if (!mounted && !insecure) {
    // The CA bundle comes in the same projected volume as the token.
    return {
      stderr:
        'Unable to connect to the server: tls: failed to verify certificate: x509: certificate signed by unknown authority\n',
      exitCode: 1,
    };
  }
  const url = server && serverUrl ? serverUrl : IN_CLUSTER_API_URL;
  const dial = connect(state, pod, url.endsWith('/') ? url : `${url}/`);
  const request: RequestRecord = {
    kind: 'apiCall',
    from: `${podNamespace}/${pod.metadata.name}`,
    server: url,
    result: dial,
  };
  const unreachable = dialError(dial, url);
  if (unreachable) return { stderr: `${unreachable}\n`, exitCode: 1, requests: [request] };
  const inPod: ClusterState = { ...state, context: { namespace, user: identity.user.username } };
  const result = kubectl(inPod, rest);
  if (result.needs) return { needs: result.needs };
  const changed = result.state.objects !== inPod.objects;
  return {
    ...(changed ? { state: { ...result.state, context: state.context } } : {}),
    stdout: result.stdout,
    stderr: result.stderr,
    exitCode: result.exitCode,
    requests: [request, ...(result.requests ?? [])],
  };
}
