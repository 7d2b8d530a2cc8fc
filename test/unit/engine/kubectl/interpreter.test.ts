import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import {
  parseCommandLine,
  runCommandLine,
  runKubectl,
} from '../../../../src/engine/kubectl/index.ts';

const state = createCluster();
const run = (line: string) => runCommandLine(state, line);

describe('the kubectl interpreter', () => {
  it.each([
    // [command line, expected stderr, exit] — wording from cobra/pflag as kubectl prints it
    [
      'kubectl frobnicate',
      'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
      1,
    ],
    [
      'kubectl get pods --frob',
      "error: unknown flag: --frob\nSee 'kubectl get --help' for usage.\n",
      1,
    ],
    [
      'kubectl get pods -z',
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n",
      1,
    ],
    [
      'kubectl get pods -n',
      "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n",
      1,
    ],
    ['kubectl get widgets', 'error: the server doesn\'t have a resource type "widgets"\n', 1],
    [
      'kubectl get pods -o toml',
      'error: unable to match a printer suitable for the output format "toml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
      1,
    ],
  ])('%s', (line, stderr, exit) => {
    const r = run(line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(exit);
    expect(r.state).toBe(state);
  });

  it('accepts global flags before the command and in every pflag form', () => {
    for (const line of [
      'kubectl -n kube-system get svc kube-dns -o name',
      'kubectl get svc kube-dns --namespace=kube-system -o name',
      'kubectl get svc kube-dns -nkube-system -oname',
      'kubectl get -n=kube-system svc/kube-dns -o name',
    ]) {
      expect(run(line).stdout, line).toBe('service/kube-dns\n');
    }
  });

  it('says "No resources found" on stderr with exit 0, naming the namespace', () => {
    const r = run('kubectl get pods');
    expect(r).toMatchObject({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(run('kubectl get networkpolicies -A').stderr).toBe('No resources found\n');
  });

  it('switches the namespace of the context with config set-context --current', () => {
    const r = runKubectl(state, ['config', 'set-context', '--current', '--namespace=kube-system']);
    expect(r.stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(runKubectl(r.state, ['get', 'svc', '-o', 'name']).stdout).toContain('service/kube-dns');
    expect(
      runKubectl(r.state, ['config', 'view', '--minify', '-o', 'jsonpath={..namespace}']).stdout,
    ).toBe('kube-system');
    expect(r.state.clock).toBe(state.clock);
  });

  it('prints help for --help and for a bare kubectl', () => {
    expect(run('kubectl get --help')).toMatchObject({ exitCode: 0 });
    expect(run('kubectl get --help').stdout).toContain('Usage:\n  kubectl get');
    expect(run('kubectl').stdout).toContain('Commands:');
  });

  it('lists objects across namespaces with -A and a NAMESPACE column, and filters with -l', () => {
    const r = run('kubectl get pods -A -l k8s-app=kube-dns');
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/);
    expect(lines).toHaveLength(3);
    expect(run('kubectl get pods -A -l k8s-app=nothing').stderr).toBe('No resources found\n');
  });
});

describe('typed command lines', () => {
  it.each([
    ['kubectl get pods -l "app in (a,b)"', ['kubectl', 'get', 'pods', '-l', 'app in (a,b)']],
    ["kubectl label ns a 'team=x y'", ['kubectl', 'label', 'ns', 'a', 'team=x y']],
    ['kubectl get  pods\\ x', ['kubectl', 'get', 'pods x']],
  ])('%s', (line, argv) => {
    expect(parseCommandLine(line)).toEqual({ ok: true, argv });
  });

  it('feeds a here-document to stdin, for both `kubectl apply -f - <<EOF` and `cat <<EOF | kubectl apply -f -`', () => {
    const body = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n';
    expect(parseCommandLine(`kubectl apply -f - <<EOF\n${body}EOF`)).toEqual({
      ok: true,
      argv: ['kubectl', 'apply', '-f', '-'],
      stdin: body,
    });
    expect(parseCommandLine(`cat <<'EOF' | kubectl apply -f -\n${body}EOF\n`)).toEqual({
      ok: true,
      argv: ['kubectl', 'apply', '-f', '-'],
      stdin: body,
    });
  });

  it('reports an unterminated quote like bash', () => {
    expect(parseCommandLine("kubectl get 'pods")).toMatchObject({ ok: false });
  });
});
