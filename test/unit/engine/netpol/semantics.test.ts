/**
 * NetworkPolicy semantics, one rule at a time, on the x/y/z × a/b/c topology. Each row says
 * where its expectation comes from: the API reference (networking/v1 types.go field
 * comments), the concepts page (kubernetes.io/docs/concepts/services-networking/network-policies),
 * or an upstream e2e test (test/e2e/network/netpol/network_policy.go).
 */
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../../../src/engine/netpol/index.ts';
import { Lab, policy } from './fixture.ts';

type Expect = [from: string, to: string, allowed: boolean, port?: number, protocol?: Protocol];

interface Row {
  name: string;
  source: string;
  policies: string[];
  expect: Expect[];
}

const rows: Row[] = [
  {
    name: 'no policies: everything is allowed',
    source: 'concepts: "By default, a pod is non-isolated for egress and ingress"',
    policies: [],
    expect: [
      ['x/a', 'y/b', true],
      ['z/c', 'x/a', true, 81, 'UDP'],
    ],
  },
  {
    name: 'empty podSelector selects every pod in the policy namespace only',
    source: 'types.go podSelector: "An empty podSelector selects all pods in this namespace"',
    policies: [policy('x', 'deny', 'podSelector: {}\npolicyTypes: [Ingress]')],
    expect: [
      ['y/a', 'x/a', false],
      ['y/a', 'x/c', false],
      ['x/a', 'y/a', true],
      ['x/b', 'z/c', true],
    ],
  },
  {
    name: 'non-empty podSelector isolates only the matching pods',
    source: 'e2e "should deny ingress access to updated pod"',
    policies: [policy('x', 'deny-a', 'podSelector:\n  matchLabels: {pod: a}\ningress: []')],
    expect: [
      ['x/b', 'x/a', false],
      ['x/a', 'x/b', true],
      ['y/a', 'x/c', true],
    ],
  },
  {
    name: 'policies never select pods in another namespace',
    source: 'concepts: a NetworkPolicy applies to pods in its own namespace',
    policies: [policy('x', 'deny-all-a', 'podSelector:\n  matchLabels: {pod: a}\ningress: []')],
    expect: [
      ['x/b', 'y/a', true],
      ['x/b', 'z/a', true],
    ],
  },
  {
    name: 'ingress: [] allows nothing; ingress: [{}] allows everything',
    source:
      'e2e "should support a \'default-deny-ingress\' policy" and "should support allow-all policy"',
    policies: [
      policy('x', 'deny', 'podSelector: {}\ningress: []'),
      policy('y', 'allow', 'podSelector: {}\ningress:\n- {}'),
    ],
    expect: [
      ['z/a', 'x/a', false],
      ['z/a', 'y/a', true, 81, 'UDP'],
      ['x/a', 'y/b', true, 80, 'SCTP'],
    ],
  },
  {
    name: 'the union of all selecting policies: one allowing rule is enough',
    source: 'concepts: "policies are additive"',
    policies: [
      policy('x', 'deny', 'podSelector: {}\ningress: []'),
      policy(
        'x',
        'allow-b',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - podSelector:\n      matchLabels: {pod: b}',
      ),
    ],
    expect: [
      ['x/b', 'x/a', true],
      ['x/c', 'x/a', false],
      ['x/b', 'x/c', false],
    ],
  },
  {
    name: 'a peer with only podSelector selects pods in the policy namespace',
    source:
      'types.go NetworkPolicyPeer.podSelector; e2e "should enforce policy to allow traffic from pods within server namespace based on PodSelector"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - podSelector:\n      matchLabels: {pod: b}',
      ),
    ],
    expect: [
      ['x/b', 'x/a', true],
      ['y/b', 'x/a', false],
      ['x/c', 'x/a', false],
    ],
  },
  {
    name: 'namespaceSelector {} selects every namespace (but is not "any address")',
    source: 'e2e "should enforce policy to allow ingress traffic from pods in all namespaces"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector: {}',
      ),
    ],
    expect: [
      ['y/c', 'x/a', true],
      ['x/b', 'x/a', true],
    ],
  },
  {
    name: 'namespaceSelector does not include the policy namespace implicitly',
    source:
      'e2e "should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchLabels: {ns: "y"}',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true],
      ['x/b', 'x/a', false],
      ['z/a', 'x/a', false],
    ],
  },
  {
    name: 'kubernetes.io/metadata.name is set on every namespace by the API server',
    source:
      'e2e "should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchLabels: {kubernetes.io/metadata.name: z}',
      ),
    ],
    expect: [
      ['z/b', 'x/a', true],
      ['y/b', 'x/a', false],
    ],
  },
  {
    name: 'podSelector AND namespaceSelector in one peer',
    source:
      'types.go NetworkPolicyPeer: "If namespaceSelector is also set ... selects the Pods matching podSelector in the Namespaces selected by NamespaceSelector"; e2e "should enforce policy based on PodSelector and NamespaceSelector"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchLabels: {ns: "y"}\n    podSelector:\n      matchLabels: {pod: b}',
      ),
    ],
    expect: [
      ['y/b', 'x/a', true],
      ['y/a', 'x/a', false],
      ['z/b', 'x/a', false],
      ['x/b', 'x/a', false],
    ],
  },
  {
    name: 'separate peers are ORed',
    source:
      'types.go NetworkPolicyIngressRule.from: "If this field is present and contains at least one item, this rule allows traffic only if the traffic matches at least one item in the from list"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchLabels: {ns: "y"}\n  - podSelector:\n      matchLabels: {pod: b}',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true],
      ['x/b', 'x/a', true],
      ['z/b', 'x/a', false],
      ['x/c', 'x/a', false],
    ],
  },
  {
    name: 'matchExpressions In / NotIn / Exists / DoesNotExist',
    source:
      'metav1 LabelSelectorRequirement operators; e2e "should enforce policy based on PodSelector with MatchExpressions", "... NamespaceSelector with MatchExpressions"',
    policies: [
      policy(
        'x',
        'in',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions:\n      - {key: ns, operator: In, values: ["y"]}',
      ),
      policy(
        'x',
        'notin',
        'podSelector:\n  matchLabels: {pod: b}\ningress:\n- from:\n  - podSelector:\n      matchExpressions:\n      - {key: pod, operator: NotIn, values: [a, c]}',
      ),
      policy(
        'y',
        'exists',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector:\n      matchExpressions:\n      - {key: ns, operator: Exists}\n    podSelector:\n      matchExpressions:\n      - {key: pod, operator: In, values: [c]}',
      ),
      policy(
        'z',
        'doesnotexist',
        'podSelector:\n  matchLabels: {pod: a}\ningress:\n- from:\n  - namespaceSelector: {}\n    podSelector:\n      matchExpressions:\n      - {key: pod, operator: DoesNotExist}',
      ),
    ],
    expect: [
      ['y/c', 'x/a', true],
      ['z/c', 'x/a', false],
      ['x/b', 'x/b', true],
      ['x/a', 'x/b', false],
      ['x/c', 'x/b', false],
      ['z/c', 'y/a', true],
      ['z/b', 'y/a', false],
      ['x/b', 'z/a', false],
    ],
  },
  {
    name: 'ipBlock matches pod IPs, and except carves addresses out',
    source:
      'types.go IPBlock; e2e "should allow egress access to server in CIDR block", "should enforce except clause while egress access to server in CIDR block"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock:\n      cidr: 10.244.0.0/16\n      except: [10.244.2.0/24]',
      ),
    ],
    expect: [
      ['x/a', 'y/a', true],
      ['x/a', 'y/b', false],
      ['x/a', 'z/c', true],
      ['x/a', '8.8.8.8', false],
    ],
  },
  {
    name: 'ipBlock reaches addresses outside the cluster; pod selectors never do',
    source:
      'types.go IPBlock: "describes a particular CIDR ... that is allowed to the pods matched by a NetworkPolicySpec\'s podSelector"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\npolicyTypes: [Egress]\negress:\n- to:\n  - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8]}\n  - namespaceSelector: {}',
      ),
    ],
    expect: [
      ['x/a', '8.8.8.8', true, 443],
      ['x/a', '10.1.2.3', false],
      ['x/a', 'y/b', true],
    ],
  },
  {
    name: 'a destination outside the cluster has no ingress side',
    source:
      'concepts: policies apply to connections with a pod at one end; only the source egress applies',
    policies: [policy('x', 'deny-all', 'podSelector: {}\ningress: []')],
    expect: [['x/a', '1.1.1.1', true]],
  },
  {
    name: 'numeric ports, protocol TCP by default',
    source: 'types.go NetworkPolicyPort.protocol: "If not specified, this field defaults to TCP"',
    policies: [policy('x', 'p', 'podSelector: {}\ningress:\n- ports:\n  - port: 80')],
    expect: [
      ['y/a', 'x/a', true, 80, 'TCP'],
      ['y/a', 'x/a', false, 80, 'UDP'],
      ['y/a', 'x/a', false, 81, 'TCP'],
    ],
  },
  {
    name: 'UDP and SCTP ports',
    source: 'e2e "should support a \'default-deny-ingress\' policy" using UDP / SCTP variants',
    policies: [
      policy(
        'x',
        'p',
        'podSelector: {}\ningress:\n- ports:\n  - {port: 81, protocol: UDP}\n  - {port: 80, protocol: SCTP}',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true, 81, 'UDP'],
      ['y/a', 'x/a', false, 81, 'TCP'],
      ['y/a', 'x/a', true, 80, 'SCTP'],
      ['y/a', 'x/a', false, 81, 'SCTP'],
    ],
  },
  {
    name: 'a ports entry with only a protocol matches every port of it',
    source:
      'types.go NetworkPolicyPort.port: "If this field is not provided, this matches all port names and numbers"; e2e "should enforce ingress policy allowing any port traffic to a server on a specific protocol"',
    policies: [policy('x', 'p', 'podSelector: {}\ningress:\n- ports:\n  - protocol: UDP')],
    expect: [
      ['y/a', 'x/a', true, 81, 'UDP'],
      ['y/a', 'x/a', false, 80, 'TCP'],
    ],
  },
  {
    name: 'endPort makes an inclusive range',
    source:
      'types.go NetworkPolicyPort.endPort: "indicates that the range of ports from port to endPort if set, inclusive"',
    policies: [
      policy('x', 'p', 'podSelector: {}\ningress:\n- ports:\n  - {port: 75, endPort: 80}'),
    ],
    expect: [
      ['y/a', 'x/a', true, 80],
      ['y/a', 'x/a', true, 75],
      ['y/a', 'x/a', false, 81],
      ['y/a', 'x/a', false, 74],
    ],
  },
  {
    name: 'named ports resolve against the destination pod for ingress',
    source: 'e2e "should allow ingress access on one named port"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector: {}\ningress:\n- ports:\n  - port: serve-81-udp\n    protocol: UDP',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true, 81, 'UDP'],
      ['y/a', 'x/a', false, 80, 'UDP'],
      ['y/a', 'x/a', false, 81, 'TCP'],
    ],
  },
  {
    name: 'a named port with the wrong protocol for the name matches nothing',
    source:
      "types.go NetworkPolicyPort: port names resolve with the entry's protocol (TCP by default)",
    policies: [policy('x', 'p', 'podSelector: {}\ningress:\n- ports:\n  - port: serve-81-udp')],
    expect: [
      ['y/a', 'x/a', false, 81, 'UDP'],
      ['y/a', 'x/a', false, 81, 'TCP'],
    ],
  },
  {
    name: 'named ports in egress resolve against the DESTINATION pod',
    source: 'e2e "should allow egress access on one named port"',
    policies: [
      policy(
        'x',
        'p',
        'podSelector: {}\npolicyTypes: [Egress]\negress:\n- ports:\n  - port: serve-80-tcp',
      ),
    ],
    expect: [
      ['x/a', 'y/a', true, 80],
      ['x/a', 'y/a', false, 81],
      ['x/a', '8.8.8.8', false, 80],
    ],
  },
  {
    name: 'a rule with no from allows every source on its ports; no ports allows every port',
    source: 'types.go NetworkPolicyIngressRule: empty or missing from/ports match all',
    policies: [
      policy(
        'x',
        'p',
        'podSelector: {}\ningress:\n- ports:\n  - port: 81\n- from:\n  - podSelector:\n      matchLabels: {pod: c}',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true, 81],
      ['y/a', 'x/a', false, 80],
      ['x/c', 'x/a', true, 80, 'UDP'],
    ],
  },
  {
    name: 'policyTypes defaults to Ingress only when there are no egress rules',
    source: 'pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy',
    policies: [policy('x', 'p', 'podSelector:\n  matchLabels: {pod: a}\negress: []')],
    expect: [
      ['x/a', 'y/a', true],
      ['y/a', 'x/a', false],
    ],
  },
  {
    name: 'policyTypes defaults to Ingress and Egress when egress rules exist',
    source: 'pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\negress:\n- to:\n  - podSelector:\n      matchLabels: {pod: b}',
      ),
    ],
    expect: [
      ['x/a', 'x/b', true],
      ['x/a', 'y/b', false],
      ['x/b', 'x/a', false],
    ],
  },
  {
    name: 'explicit policyTypes [Egress] with no rules denies all egress and leaves ingress open',
    source: 'e2e "should deny egress from pods based on PodSelector"',
    policies: [policy('x', 'p', 'podSelector:\n  matchLabels: {pod: a}\npolicyTypes: [Egress]')],
    expect: [
      ['x/a', 'y/a', false],
      ['y/a', 'x/a', true],
    ],
  },
  {
    name: 'ingress rules of an Egress-only policy are ignored',
    source: 'types.go policyTypes: the listed types are the ones the policy applies to',
    policies: [
      policy(
        'x',
        'p',
        'podSelector:\n  matchLabels: {pod: a}\npolicyTypes: [Egress]\ningress: []\negress:\n- {}',
      ),
    ],
    expect: [
      ['y/a', 'x/a', true],
      ['x/a', 'y/a', true],
    ],
  },
  {
    name: 'both directions must allow: egress at the source and ingress at the destination',
    source:
      'e2e "should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)"',
    policies: [
      policy(
        'x',
        'egress',
        'podSelector:\n  matchLabels: {pod: a}\npolicyTypes: [Egress]\negress:\n- to:\n  - namespaceSelector:\n      matchLabels: {ns: "y"}\n    podSelector:\n      matchLabels: {pod: a}',
      ),
      policy(
        'y',
        'ingress',
        'podSelector: {}\ningress:\n- from:\n  - namespaceSelector:\n      matchLabels: {ns: x}\n    podSelector:\n      matchLabels: {pod: a}',
      ),
    ],
    expect: [
      ['x/a', 'y/a', true],
      ['x/a', 'y/b', false],
      ['x/b', 'y/a', false],
      ['x/a', 'z/a', false],
    ],
  },
  {
    name: 'a pod can always reach itself',
    source: 'concepts: "a pod cannot block access to itself"',
    policies: [policy('x', 'deny', 'podSelector: {}\npolicyTypes: [Ingress, Egress]')],
    expect: [
      ['x/a', 'x/a', true],
      ['x/a', 'x/b', false],
    ],
  },
];

describe('NetworkPolicy semantics', () => {
  for (const row of rows) {
    it(`${row.name} (${row.source.split(';')[0]})`, () => {
      const lab = new Lab();
      for (const p of row.policies) lab.apply(p);
      const got = row.expect.map(([from, to, , port, proto]) => [
        from,
        to,
        lab.allowed(from, to, port ?? 80, proto ?? 'TCP'),
        port ?? 80,
        proto ?? 'TCP',
      ]);
      expect(got).toEqual(row.expect.map(([f, t, a, p, pr]) => [f, t, a, p ?? 80, pr ?? 'TCP']));
    });
  }
});
