/**
 * `kubectl describe`. The golden files in test/fixtures/kubectl/describe/ are the output of
 * the real kubectl v1.32.4 describing the objects of describe-cluster.yaml, served read-only
 * over the Kubernetes REST API from this simulator's own state (so both sides describe the
 * same objects). Rows that depend on API-server defaulting the simulator's admission does
 * not perform cite describe.go and the defaulting code instead.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFromFiles } from '../../../../src/cli/nslab.ts';
import type { ClusterState } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine, runKubectl } from '../../../../src/engine/kubectl/index.ts';

const FIXTURE = 'test/fixtures/kubectl/describe-cluster.yaml';
const golden = (name: string) => readFileSync(`test/fixtures/kubectl/describe/${name}.txt`, 'utf8');

let state: ClusterState;
beforeAll(() => {
  const c = clusterFromFiles([FIXTURE]);
  if ('error' in c) throw new Error(c.error);
  state = c.state;
});

const run = (line: string) => runCommandLine(state, line);

describe('describe output matches kubectl v1.32.4 (golden files)', () => {
  it.each([
    // [command, golden file, describe.go function]
    ['describe -n shop pod api-canary', 'pod-api-canary', 'describePod (not-ready container)'],
    ['describe -n shop svc api', 'svc-api', 'describeService + formatEndpointSlices'],
    ['describe -n shop sa api', 'sa-api', 'describeServiceAccount (missing pull secret)'],
    ['describe -n shop cm api-config', 'cm-api-config', 'ConfigMapDescriber'],
    [
      'describe -n shop role reader',
      'role-reader',
      'RoleDescriber: BreakdownRule/CompactRules/sort',
    ],
    ['describe -n shop rolebinding read-shop', 'rolebinding-read-shop', 'RoleBindingDescriber'],
    ['describe -n shop deploy web', 'deploy-web', 'describeDeployment + DescribePodTemplate'],
    ['describe -n shop rs', 'rs', 'describeReplicaSet'],
    ['describe -n shop ep api', 'ep-api', 'describeEndpoints'],
    ['describe -n shop ns shop', 'ns-shop', 'describeNamespace (no quota, no LimitRange)'],
    ['describe ns', 'ns-all', 'DescribeOptions.Run: objects joined by "\\n\\n"'],
    ['describe pod -n shop api-', 'pod-prefix-api-', 'DescribeMatchingResources: name prefix'],
  ])('%s (%s, %s)', (line, file) => {
    const r = run(line);
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(golden(file));
  });
});

describe('describe pod: what a real API server would have defaulted', () => {
  it('prints probe defaults, the fieldRef apiVersion and a computed QoS class', () => {
    const out = run('describe pod api -n shop').stdout;
    // Probe defaults (timeoutSeconds 1, periodSeconds 10, thresholds 1/3, scheme HTTP): pkg/apis/core/v1/defaults.go.
    expect(out).toContain(
      '    Readiness:  http-get http://:http/healthz delay=0s timeout=1s period=10s #success=1 #failure=3\n',
    );
    // fieldRef.apiVersion defaults to v1; EnvValueRetriever resolves metadata.name.
    expect(out).toContain('      POD_NAME:     api (v1:metadata.name)\n');
    expect(out).toContain(
      "      DB_PASSWORD:  <set to the key 'password' in secret 'db'>  Optional: false\n",
    );
    // Requests below limits: Burstable (qos.GetPodQOS).
    expect(out).toContain('QoS Class:       Burstable\n');
    expect(out).toContain('      /etc/api from config (ro)\n');
    expect(out).toContain('Tolerations:     dedicated=shop:NoSchedule\n');
  });
});

describe('describe command behaviour (kubectl pkg/cmd/describe)', () => {
  it.each([
    // [command, stdout contains, stderr, exit] — messages checked against kubectl v1.32.4
    [
      'describe',
      '',
      'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      1,
    ],
    ['describe pods nope -n shop', '', 'Error from server (NotFound): pods "nope" not found\n', 1],
    ['describe pods -l app=none -n shop', '', 'No resources found in shop namespace.\n', 0],
    ['describe pods -l app=none -A', '', 'No resources found\n', 0],
    ['describe foo', '', 'error: the server doesn\'t have a resource type "foo"\n', 1],
    [
      'describe pods x -A',
      '',
      'error: a resource cannot be retrieved by name across all namespaces\n',
      1,
    ],
    // Three arguments: no prefix matching; found objects print, missing ones are errors.
    [
      'describe pods api nope -n shop',
      'Name:             api\n',
      'Error from server (NotFound): pods "nope" not found\n',
      1,
    ],
  ])('%s', (line, out, err, exit) => {
    const r = run(line);
    if (out) expect(r.stdout.startsWith(out)).toBe(true);
    else expect(r.stdout).toBe('');
    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(exit);
  });

  it('selects with -l across namespaces and accepts TYPE/NAME', () => {
    const byLabel = run('describe pods -A -l track=canary');
    expect(byLabel.stdout.match(/^Name:/gm)).toHaveLength(1);
    expect(byLabel.stdout).toContain('Name:             api-canary\n');
    const slash = run('describe -n shop secret/db');
    expect(slash.stdout).toContain('Type:  Opaque\n');
    expect(slash.stdout).toContain('password:  6 bytes\n');
    expect(slash.stdout).toContain('user:      3 bytes\n');
  });

  it('describes workloads, nodes and slices with derived status', () => {
    const sts = runCommandLine(state, 'describe node').stdout;
    expect(sts).toMatch(/^Name:\s+nslab-control-plane\n/);
    expect(sts).toContain('Roles:              control-plane\n');
    expect(sts).toMatch(/Non-terminated Pods:\s+\(\d+ in total\)/);
    const slice = run('describe endpointslices -n shop -l kubernetes.io/service-name=api').stdout;
    expect(slice).toContain('AddressType:  IPv4\n');
    expect(slice).toMatch(/- Addresses:\s+10\.244\.1\.10\n/);
  });

  it('describes the objects a manifest names with -f, NotFound for the rest', () => {
    const manifest =
      'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: api, namespace: shop}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: gone}\n';
    const r = runKubectl(state, ['describe', '-f', 'm.yaml'], { files: { 'm.yaml': manifest } });
    expect(r.stdout).toBe(golden('sa-api'));
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "gone" not found\n');
    expect(r.exitCode).toBe(1);
  });

  it('leaves out the Events section with --show-events=false (alignment computed without it)', () => {
    const with_ = run('describe -n shop svc api').stdout;
    const without = run('describe -n shop svc api --show-events=false').stdout;
    expect(with_.endsWith('Events:                   <none>\n')).toBe(true);
    expect(without).toBe(with_.replace('Events:                   <none>\n', ''));
    const cm = run('describe -n shop cm api-config --show-events=false').stdout;
    expect(cm.endsWith('BinaryData\n====\n\n')).toBe(true);
  });

  it('lists every old ReplicaSet after a rollout, scaled down or not (GetAllReplicaSetsInChunks: allOldRSes)', () => {
    const manifest = (image: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: roll, namespace: shop}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: roll}}\n  template:\n    metadata: {labels: {app: roll}}\n    spec: {containers: [{name: c, image: "${image}"}]}\n`;
    let s = runKubectl(state, ['apply', '-f', 'd.yaml'], {
      files: { 'd.yaml': manifest('nginx:1.27') },
    }).state;
    const first = runKubectl(s, [
      'get',
      'rs',
      '-n',
      'shop',
      '-l',
      'app=roll',
      '-o',
      'name',
    ]).stdout.trim();
    s = runKubectl(s, ['apply', '-f', 'd.yaml'], {
      files: { 'd.yaml': manifest('nginx:1.28') },
    }).state;
    const out = runKubectl(s, ['describe', 'deploy', 'roll', '-n', 'shop']).stdout;
    const oldName = first.replace('replicaset.apps/', '');
    expect(out).toContain(`OldReplicaSets:  ${oldName} (0/0 replicas created)\n`);
    expect(out).toMatch(/NewReplicaSet: {3}roll-\w+ \(2\/2 replicas created\)\n/);
    expect(out).not.toContain(`NewReplicaSet:   ${oldName}`);
    expect(out).toContain(
      'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\n',
    );
  });
});
