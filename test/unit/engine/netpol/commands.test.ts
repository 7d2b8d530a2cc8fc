/**
 * The NetworkPolicy commands: `probe` (DESIGN.md, the nslab contract), `cni` (the network
 * plugin setting) and `kubectl describe networkpolicy` (kubectl's describeNetworkPolicy in
 * staging/src/k8s.io/kubectl/pkg/describe/describe.go).
 */
import { describe, expect, it } from 'vitest';
import { ClusterDraft, getObject, type Pod } from '../../../../src/engine/cluster/index.ts';
import { describeNetworkPolicy } from '../../../../src/engine/kubectl/describe/networkpolicy.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { Lab, policy } from './fixture.ts';

const denyX = policy('x', 'deny', 'podSelector: {}\ningress: []');

describe('probe', () => {
  it('defaults to TCP/80 and prints the JSON contract over the non-built-in pods', () => {
    const lab = new Lab().apply(denyX);
    const r = runKubectl(lab.state, ['probe', '-o', 'json']);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout) as {
      port: number;
      protocol: string;
      pods: string[];
      matrix: boolean[][];
    };
    expect(Object.keys(out)).toEqual(['port', 'protocol', 'pods', 'matrix']);
    expect(out).toMatchObject({ port: 80, protocol: 'TCP' });
    // CoreDNS pods (state.builtin) are left out; x/y/z × a/b/c sorted by namespace, then name.
    expect(out.pods).toEqual(['x/a', 'x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c']);
    expect(out.matrix[3]![0]).toBe(false); // y/a → x/a, isolated by x/deny
    expect(out.matrix[0]![3]).toBe(true); // x/a → y/a
    expect(out.matrix[0]![0]).toBe(true); // a pod cannot block access to itself
  });

  it('honours --port and --protocol', () => {
    const lab = new Lab().apply(
      policy('x', 'udp', 'podSelector: {}\ningress:\n- ports:\n  - {port: 81, protocol: UDP}'),
    );
    const cell = (argv: string[]) =>
      (JSON.parse(runKubectl(lab.state, [...argv, '-o', 'json']).stdout) as { matrix: boolean[][] })
        .matrix[3]![0];
    expect(cell(['probe', '--port', '81', '--protocol', 'UDP'])).toBe(true);
    expect(cell(['probe', '--port', '81'])).toBe(false);
    expect(cell(['probe', '--port=80', '--protocol=udp'])).toBe(false);
  });

  it('leaves out pods without an address', () => {
    const draft = new ClusterDraft(new Lab().state);
    const pod = getObject(draft, 'Pod', 'x', 'a')!;
    draft.put({
      ...pod,
      metadata: { ...pod.metadata, name: 'pending' },
      status: { phase: 'Pending' },
    });
    const out = JSON.parse(runKubectl(draft.commit(), ['probe', '-o', 'json']).stdout) as {
      pods: string[];
    };
    expect(out.pods).not.toContain('x/pending');
    expect(out.pods).toHaveLength(9);
  });

  it('leaves out pods that have terminated (their address is released)', () => {
    const draft = new ClusterDraft(new Lab().state);
    const pod = getObject<Pod>(draft, 'Pod', 'x', 'a')!;
    draft.put({ ...pod, status: { ...pod.status, phase: 'Succeeded' } });
    const out = JSON.parse(runKubectl(draft.commit(), ['probe', '-o', 'json']).stdout) as {
      pods: string[];
    };
    expect(out.pods).not.toContain('x/a');
  });

  it('prints a readable grid without -o json', () => {
    const r = runKubectl(new Lab().apply(denyX).state, ['probe']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('TCP/80 | x/a x/b x/c y/a y/b y/c z/a z/b z/c');
    expect(lines[2]).toBe('x/a    | .   X   X   .   .   .   .   .   .');
    expect(lines[6]).toBe('y/b    | X   X   X   .   .   .   .   .   .');
    expect(r.stdout).toContain('.: allowed, X: denied by NetworkPolicy');
  });

  it('rejects bad flags with kubectl-style errors', () => {
    const state = new Lab().state;
    expect(runKubectl(state, ['probe', '--protocol', 'ICMP'])).toMatchObject({ exitCode: 1 });
    expect(runKubectl(state, ['probe', '--protocol', 'ICMP']).stderr).toContain(
      'unsupported protocol "ICMP"',
    );
    expect(runKubectl(state, ['probe', '--port', '0']).stderr).toContain(
      'must be between 1 and 65535',
    );
    expect(runKubectl(state, ['probe', '--port', 'http']).stderr).toContain(
      'invalid argument "http"',
    );
    expect(runKubectl(state, ['probe', '-o', 'yaml']).stderr).toContain(
      'allowed formats are: json',
    );
  });
});

describe('cni', () => {
  it('prints the current setting, enforcing by default', () => {
    const r = runKubectl(new Lab().state, ['cni']);
    expect(r.stdout).toBe('the network plugin enforces NetworkPolicy (as Calico or Cilium do)\n');
  });

  it('flannel stops enforcement: objects and clock untouched, every probe cell allowed', () => {
    const before = new Lab().apply(denyX).state;
    const r = runKubectl(before, ['cni', 'flannel']);
    expect(r.exitCode).toBe(0);
    expect(r.state.settings.networkPolicy).toBe('not-enforcing');
    expect(r.state.objects).toBe(before.objects);
    expect(r.state.clock).toBe(before.clock);
    const out = JSON.parse(runKubectl(r.state, ['probe', '-o', 'json']).stdout) as {
      matrix: boolean[][];
    };
    expect(out.matrix.flat().every(Boolean)).toBe(true);
    const back = runKubectl(r.state, ['cni', 'calico']);
    expect(back.state.settings.networkPolicy).toBe('enforcing');
    expect(runKubectl(back.state, ['cni', 'cilium']).stdout).toContain('unchanged');
  });

  it('refuses an unknown plugin', () => {
    const r = runKubectl(new Lab().state, ['cni', 'weave']);
    expect(r).toMatchObject({ exitCode: 1 });
    expect(r.stderr).toContain('unknown network plugin "weave"');
  });
});

describe('kubectl describe networkpolicy', () => {
  it('prints a default-deny policy as kubectl does', () => {
    const lab = new Lab().apply(denyX);
    const np = getObject(lab.state, 'NetworkPolicy', 'x', 'deny')!;
    expect(describeNetworkPolicy(np)).toBe(
      [
        'Name:         deny',
        'Namespace:    x',
        `Created on:   ${np.metadata.creationTimestamp!.replace('T', ' ').replace('Z', ' +0000 UTC')}`,
        'Labels:       <none>',
        'Annotations:  <none>',
        'Spec:',
        '  PodSelector:     <none> (Allowing the specific traffic to all pods in this namespace)',
        '  Allowing ingress traffic:',
        '    <none> (Selected pods are isolated for ingress connectivity)',
        '  Not affecting egress traffic',
        '  Policy Types: Ingress',
        '',
      ].join('\n'),
    );
  });

  it('prints rules, peers, ports, ranges and ipBlocks, with labels and annotations', () => {
    const lab = new Lab().apply(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
  namespace: x
  labels: {tier: web, app: shop}
  annotations: {owner: team-a}
spec:
  podSelector:
    matchExpressions:
    - {key: tier, operator: In, values: [web, api]}
    matchLabels: {app: shop}
  ingress:
  - from:
    - namespaceSelector: {matchLabels: {ns: "y"}}
      podSelector: {matchLabels: {pod: b}}
    - ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16, 10.2.0.0/16]}
    ports:
    - port: 80
    - {port: 8000, endPort: 8080, protocol: UDP}
    - port: http
  - {}
  egress:
  - to:
    - namespaceSelector: {}
    ports:
    - protocol: UDP
`,
    );
    const np = getObject(lab.state, 'NetworkPolicy', 'x', 'web')!;
    const text = describeNetworkPolicy(np).split('\n');
    expect(text.slice(3)).toEqual([
      'Labels:       app=shop',
      '              tier=web',
      'Annotations:  owner: team-a',
      'Spec:',
      '  PodSelector:     app=shop,tier in (api,web)',
      '  Allowing ingress traffic:',
      '    To Port: 80/TCP',
      '    To Port Range: 8000-8080/UDP',
      '    To Port: http/TCP',
      '    From:',
      '      NamespaceSelector: ns=y',
      '      PodSelector: pod=b',
      '    From:',
      '      IPBlock:',
      '        CIDR: 10.0.0.0/8',
      '        Except: 10.1.0.0/16, 10.2.0.0/16',
      '    ----------',
      '    To Port: <any> (traffic allowed to all ports)',
      '    From: <any> (traffic not restricted by source)',
      '  Allowing egress traffic:',
      '    To Port: <nil>/UDP',
      '    To:',
      '      NamespaceSelector: <none>',
      '  Policy Types: Ingress, Egress',
      '',
    ]);
  });
});
