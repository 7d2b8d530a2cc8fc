/**
 * Properties of the truth table on random clusters and policies (fast-check), on two nodes
 * with host-network pods among the pods (sharing their node's address or not):
 * - the bit-set matrix equals the pair-by-pair evaluation, cell for cell;
 * - adding a policy that selects no pods changes nothing;
 * - with no policies (or a plugin that does not enforce them) everything is allowed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';
import type {
  IPBlock,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicySpec,
} from 'kubernetes-types/networking/v1';
import {
  applyToState,
  ClusterDraft,
  claimedAddresses,
  createCluster,
  type ClusterState,
  type KubeObject,
} from '../../../../src/engine/cluster/index.ts';
import { naiveMatrix, probeMatrix, type Protocol } from '../../../../src/engine/netpol/index.ts';

const NS = ['alpha', 'beta', 'gamma'];
const KEYS = ['app', 'tier', 'team'];
const VALUES = ['web', 'db', 'api'];
const PORT_NAMES = ['http', 'dns', 'metrics'];
const PROTOCOLS: Protocol[] = ['TCP', 'UDP', 'SCTP'];

const labelsArb = fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), {
  maxKeys: 3,
});

const requirementArb: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
  fc.record({
    key: fc.constantFrom(...KEYS),
    operator: fc.constantFrom('In', 'NotIn'),
    values: fc.uniqueArray(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ key: fc.constantFrom(...KEYS), operator: fc.constantFrom('Exists', 'DoesNotExist') }),
);

const selectorArb: fc.Arbitrary<LabelSelector> = fc.oneof(
  fc.constant({}),
  fc.record({ matchLabels: labelsArb }),
  fc.record({ matchExpressions: fc.array(requirementArb, { minLength: 1, maxLength: 2 }) }),
  fc.record({
    matchLabels: labelsArb,
    matchExpressions: fc.array(requirementArb, { maxLength: 2 }),
  }),
);

const cidrArb: fc.Arbitrary<IPBlock> = fc.constantFrom<IPBlock>(
  { cidr: '10.244.0.0/16' },
  { cidr: '10.244.0.0/16', except: ['10.244.1.0/24'] },
  { cidr: '10.244.1.0/24', except: ['10.244.1.2/32', '10.244.1.8/29'] },
  { cidr: '10.244.2.3/32' },
  { cidr: '0.0.0.0/0', except: ['10.244.0.0/17'] },
  { cidr: '172.18.0.0/16' },
);

const peerArb: fc.Arbitrary<NetworkPolicyPeer> = fc.oneof(
  fc.record({ podSelector: selectorArb }),
  fc.record({ namespaceSelector: selectorArb }),
  fc.record({ podSelector: selectorArb, namespaceSelector: selectorArb }),
  fc.record({ ipBlock: cidrArb }),
);

const portArb: fc.Arbitrary<NetworkPolicyPort> = fc.oneof(
  fc.record({ protocol: fc.constantFrom(...PROTOCOLS) }),
  fc.record(
    { port: fc.constantFrom(53, 80, 81), protocol: fc.constantFrom(...PROTOCOLS) },
    { requiredKeys: ['port'] },
  ),
  fc
    .record({ port: fc.constantFrom(53, 80), span: fc.nat(30) })
    .map(({ port, span }) => ({ port, endPort: port + span })),
  fc.record(
    { port: fc.constantFrom(...PORT_NAMES), protocol: fc.constantFrom(...PROTOCOLS) },
    { requiredKeys: ['port'] },
  ),
);

const optionalList = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof(
    fc.constant(undefined),
    fc.constant([] as T[]),
    fc.array(arb, { minLength: 1, maxLength: 3 }),
  );

const ruleArb = (peers: 'from' | 'to') =>
  fc.record({ [peers]: optionalList(peerArb), ports: optionalList(portArb) } as Record<
    string,
    fc.Arbitrary<unknown>
  >);

const specArb: fc.Arbitrary<NetworkPolicySpec> = fc
  .record({
    podSelector: selectorArb,
    policyTypes: fc.constantFrom(undefined, ['Ingress'], ['Egress'], ['Ingress', 'Egress']),
    ingress: optionalList(ruleArb('from')),
    egress: optionalList(ruleArb('to')),
  })
  .map((s) => {
    const out: Record<string, unknown> = { podSelector: s.podSelector };
    if (s.policyTypes) out.policyTypes = s.policyTypes;
    if (s.ingress) out.ingress = s.ingress.map(dropUndefined);
    if (s.egress) out.egress = s.egress.map(dropUndefined);
    return out as unknown as NetworkPolicySpec;
  });

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const podArb = fc.record({
  ns: fc.constantFrom(...NS),
  labels: labelsArb,
  hostNetwork: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  // Host-network pods take their node's address unless the manifest fixes one.
  fixedIP: fc.boolean(),
  node: fc.constantFrom('nslab-control-plane', 'worker'),
  ports: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom(...PORT_NAMES),
      containerPort: fc.constantFrom(53, 80, 81, 8080),
      protocol: fc.constantFrom(...PROTOCOLS),
    }),
    { maxLength: 3, selector: (p) => p.name },
  ),
});

const clusterArb = fc.record({
  nsLabels: fc.tuple(labelsArb, labelsArb, labelsArb),
  pods: fc.array(podArb, { maxLength: 10 }),
  policies: fc.array(fc.record({ ns: fc.constantFrom(...NS), spec: specArb }), { maxLength: 5 }),
});

type ClusterSpec = typeof clusterArb extends fc.Arbitrary<infer T> ? T : never;

function objects(c: ClusterSpec): KubeObject[] {
  const out: KubeObject[] = NS.map((name, i) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: c.nsLabels[i] },
  }));
  c.pods.forEach((p, i) => {
    out.push({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `pod-${i}`, namespace: p.ns, labels: p.labels },
      spec: {
        nodeName: p.node,
        hostNetwork: p.hostNetwork || undefined,
        containers: [{ name: 'main', image: 'agnhost', ports: p.ports }],
      },
      // Addresses fall inside and outside the ipBlocks above; host-network pods get node-range
      // ones: their node's (172.18.0.2 or .3, shared), or one the manifest fixes.
      ...(p.hostNetwork && !p.fixedIP
        ? {}
        : {
            status: {
              podIP: p.hostNetwork ? `172.18.0.${i + 10}` : `10.244.${i % 3}.${i + 1}`,
            },
          }),
    });
  });
  c.policies.forEach((p, i) =>
    out.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: `np-${i}`, namespace: p.ns },
      spec: p.spec,
    }),
  );
  return out;
}

/** The cluster plus a second Ready node, as its kubelet registers it. */
function twoNodes(objs: KubeObject[]): ClusterState {
  const draft = new ClusterDraft(createCluster({ reservedAddresses: claimedAddresses(objs) }));
  draft.put({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'worker' },
    status: {
      addresses: [{ type: 'InternalIP', address: '172.18.0.3' }],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  });
  return draft.commit();
}

function build(objs: KubeObject[], base?: ClusterState): ClusterState {
  const state = base ?? twoNodes(objs);
  const r = applyToState(
    state,
    objs.map((object) => ({ object, source: { file: 'generated', line: 1, column: 1 } })),
    { mode: 'create', namespace: 'default' },
  );
  for (const o of r.outcomes) if (!o.ok) throw new Error(o.message);
  return r.state;
}

const queryArb = fc.record({
  port: fc.constantFrom(53, 80, 81, 82),
  protocol: fc.constantFrom(...PROTOCOLS),
});

describe('truth table properties', () => {
  it('the bit-set matrix equals the pair-by-pair evaluation', () => {
    fc.assert(
      fc.property(clusterArb, queryArb, (c, q) => {
        const state = build(objects(c));
        const fast = probeMatrix(state, q);
        const slow = naiveMatrix(state, q);
        expect(fast.pods).toEqual(slow.pods);
        expect(fast.toBooleans()).toEqual(slow.matrix);
      }),
      { numRuns: 150 },
    );
  });

  it('adding a policy that selects no pods changes nothing', () => {
    fc.assert(
      fc.property(clusterArb, specArb, queryArb, (c, spec, q) => {
        const state = build(objects(c));
        const inert: KubeObject = {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: { name: 'selects-nothing', namespace: 'alpha' },
          spec: { ...spec, podSelector: { matchLabels: { 'no-pod-has': 'this-label' } } },
        };
        const after = build([inert], state);
        expect(probeMatrix(after, q).toBooleans()).toEqual(probeMatrix(state, q).toBooleans());
        expect(naiveMatrix(after, q).matrix).toEqual(naiveMatrix(state, q).matrix);
      }),
      { numRuns: 60 },
    );
  });

  it('with no policies, or a plugin that does not enforce them, everything is allowed', () => {
    fc.assert(
      fc.property(clusterArb, queryArb, (c, q) => {
        const withPolicies = build(objects(c));
        const withoutPolicies = build(objects({ ...c, policies: [] }));
        const notEnforcing: ClusterState = {
          ...withPolicies,
          settings: { ...withPolicies.settings, networkPolicy: 'not-enforcing' },
        };
        for (const s of [withoutPolicies, notEnforcing]) {
          expect(probeMatrix(s, q).toBooleans().flat().every(Boolean)).toBe(true);
          expect(naiveMatrix(s, q).matrix.flat().every(Boolean)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
