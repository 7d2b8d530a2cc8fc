/**
 * `kubectl config` over the simulated kubeconfig's contexts, with kubectl's messages
 * (k8s.io/kubectl/pkg/cmd/config: use_context.go, get_contexts.go, current_context.go,
 * create_context.go) and get-contexts' tabwriter table (min width 10, padding 3).
 */
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterState } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';

/** Runs lines in order, the state carrying over, and returns every result. */
function session(lines: string[], start: ClusterState = createCluster()) {
  let state = start;
  return lines.map((line) => {
    const r = runCommandLine(state, line);
    state = r.state;
    return r;
  });
}

describe('kubectl config contexts', () => {
  it('starts with kubeadm’s admin context', () => {
    const [cur, list, names] = session([
      'kubectl config current-context',
      'kubectl config get-contexts',
      'kubectl config get-contexts -o name',
    ]);
    expect(cur!.stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(list!.stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
    expect(names!.stdout).toBe('kubernetes-admin@kubernetes\n');
  });

  it('set-context --current --namespace makes later commands use that namespace', () => {
    const [modified, pods, list] = session([
      'kubectl config set-context --current --namespace=kube-system',
      'kubectl get pods',
      'kubectl config get-contexts',
    ]);
    expect(modified!.stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(pods!.stdout).toContain('coredns-');
    expect(list!.stdout.split('\n')[1]).toMatch(
      /^\*\s+kubernetes-admin@kubernetes\s+.*kube-system$/,
    );
  });

  it('creates a context, lists both sorted by name, switches to it and back', () => {
    const r = session([
      'kubectl config set-context dev --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system',
      'kubectl config get-contexts',
      'kubectl config use-context dev',
      'kubectl config current-context',
      'kubectl get pods',
      'kubectl config set-context restricted --cluster=kubernetes --user=developer',
      'kubectl config use-context kubernetes-admin@kubernetes',
      'kubectl get pods',
    ]);
    expect(r[0]!.stdout).toBe('Context "dev" created.\n');
    expect(r[1]!.stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n' +
        '          dev                           kubernetes   kubernetes-admin   kube-system\n' +
        '*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   \n',
    );
    expect(r[2]!.stdout).toBe('Switched to context "dev".\n');
    expect(r[3]!.stdout).toBe('dev\n');
    // dev's namespace is kube-system: pods there show without -n.
    expect(r[4]!.stdout).toContain('coredns-');
    expect(r[7]).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
    });
  });

  it('runs one command under another context with --context, keeping the current one', () => {
    const [, pods, cur] = session([
      'kubectl config set-context sys --cluster=kubernetes --user=kubernetes-admin --namespace=kube-system',
      'kubectl get pods --context sys',
      'kubectl config current-context',
    ]);
    expect(pods!.stdout).toContain('coredns-');
    expect(cur!.stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(session(['kubectl get pods --context nope'])[0]).toMatchObject({
      stderr: 'error: context was not found for specified context: nope\n',
      exitCode: 1,
    });
  });

  it.each([
    ['kubectl config use-context nope', 'error: no context exists with the name: "nope"'],
    [
      'kubectl config use-context',
      "error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples",
    ],
    ['kubectl config set-context', 'error: you must specify a non-empty context name or --current'],
    ['kubectl config get-contexts nope', 'error: context nope not found'],
  ])('%s → %s', (line, stderr) => {
    expect(session([line])[0]).toMatchObject({ stderr: `${stderr}\n`, exitCode: 1 });
  });

  it('view lists every context; --minify only the current one', () => {
    const [, all, min] = session([
      'kubectl config set-context dev --cluster=kubernetes --user=developer',
      'kubectl config view',
      'kubectl config view --minify',
    ]);
    expect(all!.stdout).toContain('  name: dev\n');
    expect(all!.stdout).toContain('- name: developer\n');
    expect(min!.stdout).not.toContain('dev\n');
    expect(min!.stdout).toContain('current-context: kubernetes-admin@kubernetes\n');
  });
});
