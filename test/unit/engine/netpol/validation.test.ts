/**
 * NetworkPolicy validation with the API server's wording. Expectations come from
 * pkg/apis/networking/validation/validation.go (ValidateNetworkPolicyPort, ValidateIPBlock,
 * ValidateNetworkPolicyPeer, ValidateNetworkPolicySpec) and apimachinery's CIDR and label
 * selector validation.
 */
import { describe, expect, it } from 'vitest';
import { formatFieldError } from '../../../../src/engine/api/field-error.ts';
import { validateNetworkPolicy } from '../../../../src/engine/cluster/validation/networkpolicy.ts';
import { Lab, policy } from './fixture.ts';

function errors(spec: Record<string, unknown>): string[] {
  return validateNetworkPolicy({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: 'p', namespace: 'x' },
    spec,
  }).map(formatFieldError);
}

const ingressPort = (port: Record<string, unknown>) => ({
  podSelector: {},
  ingress: [{ ports: [port] }],
});
const ingressPeer = (peer: Record<string, unknown>) => ({
  podSelector: {},
  ingress: [{ from: [peer] }],
});

const rows: Array<[string, Record<string, unknown>, string[]]> = [
  ['a valid policy has no errors', ingressPort({ port: 80, endPort: 90, protocol: 'UDP' }), []],
  [
    'bad CIDR (ValidateIPBlock → IsValidCIDRForLegacyField)',
    ingressPeer({ ipBlock: { cidr: '10.0.0.0/33' } }),
    [
      'spec.ingress[0].from[0].ipBlock.cidr: Invalid value: "10.0.0.0/33": must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)',
    ],
  ],
  [
    'missing CIDR',
    ingressPeer({ ipBlock: { except: ['10.0.0.0/24'] } }),
    ['spec.ingress[0].from[0].ipBlock.cidr: Required value'],
  ],
  [
    'host bits set are accepted without StrictIPCIDRValidation',
    ingressPeer({ ipBlock: { cidr: '10.0.0.1/16', except: ['10.0.1.0/24'] } }),
    [],
  ],
  [
    'except outside cidr, and except equal to cidr',
    ingressPeer({ ipBlock: { cidr: '10.0.0.0/16', except: ['10.1.0.0/24', '10.0.0.0/16'] } }),
    [
      'spec.ingress[0].from[0].ipBlock.except[0]: Invalid value: "10.1.0.0/24": must be a strict subset of `cidr`',
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "10.0.0.0/16": must be a strict subset of `cidr`',
    ],
  ],
  [
    'IPv6 blocks validate the same way',
    ingressPeer({ ipBlock: { cidr: '2001:db8::/64', except: ['2001:db8::/96', '2001:db9::/96'] } }),
    [
      'spec.ingress[0].from[0].ipBlock.except[1]: Invalid value: "2001:db9::/96": must be a strict subset of `cidr`',
    ],
  ],
  [
    'endPort without port',
    ingressPort({ endPort: 90 }),
    [
      'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified',
    ],
  ],
  [
    'endPort below port',
    ingressPort({ port: 90, endPort: 80 }),
    [
      'spec.ingress[0].ports[0].endPort: Invalid value: 80: must be greater than or equal to `port`',
    ],
  ],
  [
    'endPort out of range',
    ingressPort({ port: 90, endPort: 70000 }),
    [
      'spec.ingress[0].ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    ],
  ],
  [
    'named port with endPort',
    ingressPort({ port: 'http', endPort: 90 }),
    [
      'spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is non-numeric',
    ],
  ],
  [
    'port 0 and an invalid port name',
    { podSelector: {}, egress: [{ ports: [{ port: 0 }, { port: 'Http_Port' }] }] },
    [
      'spec.egress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.egress[0].ports[1].port: Invalid value: "Http_Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
    ],
  ],
  [
    'protocol must be TCP, UDP or SCTP (case-sensitive)',
    ingressPort({ port: 80, protocol: 'tcp' }),
    [
      'spec.ingress[0].ports[0].protocol: Unsupported value: "tcp": supported values: "TCP", "UDP", "SCTP"',
    ],
  ],
  [
    'invalid selector operator',
    { podSelector: { matchExpressions: [{ key: 'app', operator: 'Equals', values: ['a'] }] } },
    [
      'spec.podSelector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator',
    ],
  ],
  [
    'In without values, Exists with values',
    ingressPeer({
      namespaceSelector: {
        matchExpressions: [
          { key: 'a', operator: 'In' },
          { key: 'b', operator: 'Exists', values: ['x'] },
        ],
      },
    }),
    [
      "spec.ingress[0].from[0].namespaceSelector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      "spec.ingress[0].from[0].namespaceSelector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    ],
  ],
  [
    'a peer needs a selector or an ipBlock',
    ingressPeer({}),
    ['spec.ingress[0].from[0]: Required value: must specify a peer'],
  ],
  [
    'ipBlock with another peer',
    ingressPeer({ ipBlock: { cidr: '10.0.0.0/8' }, namespaceSelector: {} }),
    ['spec.ingress[0].from[0]: Forbidden: may not specify both ipBlock and another peer'],
  ],
  [
    'unknown policyTypes',
    { podSelector: {}, policyTypes: ['Ingress', 'Outgress'] },
    ['spec.policyTypes[1]: Unsupported value: "Outgress": supported values: "Ingress", "Egress"'],
  ],
];

describe('NetworkPolicy validation', () => {
  for (const [name, spec, expected] of rows) {
    it(name, () => {
      expect(errors(spec)).toEqual(expected);
    });
  }

  it('apply refuses an invalid policy with the "is invalid" message and keeps the cluster', () => {
    const lab = new Lab();
    expect(() =>
      lab.apply(policy('x', 'bad', 'podSelector: {}\ningress:\n- ports:\n  - endPort: 90')),
    ).toThrow(
      'The NetworkPolicy "bad" is invalid: spec.ingress[0].ports[0].endPort: Invalid value: 90: may not be specified when `port` is not specified',
    );
  });
});
