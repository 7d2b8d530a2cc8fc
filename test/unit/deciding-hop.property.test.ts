/**
 * One truth for "what decided this request" (fast-check): on random clusters (namespaces,
 * pods with random labels, readiness and ports, Services, NetworkPolicies, the network plugin)
 * and random requests, the diagram's edge label, the inspector's marked hop and the Visual
 * mode story's deciding step all name exactly the hop and object of the engine's own verdict
 * (`pathDecision` on `connect`'s typed hops), and the lesson goal reports the same object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyToState,
  createCluster,
  getObject,
  loadManifests,
  objectId,
  refText,
  type ClusterState,
  type Pod,
  type Stored,
} from '../../src/engine/index.ts';
import { connect, hopHeadline, pathDecision } from '../../src/engine/routing/index.ts';
import { apiCall, grantingBinding } from '../../src/engine/rbac/index.ts';
import { apiCallStory, checkGoal, requestStory } from '../../src/learn/index.ts';
import { runConnectionTest } from '../../src/store/runtime.ts';
import { testLabel } from '../../src/ui/diagram/elements.ts';
import { testRows } from '../../src/ui/inspector/test-rows.ts';

const NS = ['a', 'b'];
const APPS = ['web', 'db', 'api'];

interface PodSpec {
  ns: string;
  app: string;
  port: number;
  ready: boolean;
}
interface World {
  pods: PodSpec[];
  services: Array<{ ns: string; app: string; port: number; targetPort: number | string }>;
  policies: Array<{ ns: string; kind: 'deny-in' | 'deny-out' | 'allow-app' | 'allow-dns' }>;
  bindings: Array<{ ns: string; sa: string }>;
  enforcing: boolean;
}

const worldArb: fc.Arbitrary<World> = fc.record({
  pods: fc.array(
    fc.record({
      ns: fc.constantFrom(...NS),
      app: fc.constantFrom(...APPS),
      port: fc.constantFrom(80, 8080),
      ready: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  services: fc.array(
    fc.record({
      ns: fc.constantFrom(...NS),
      app: fc.constantFrom(...APPS),
      port: fc.constantFrom(80, 81),
      targetPort: fc.constantFrom<number | string>(80, 8080, 'http'),
    }),
    { maxLength: 3 },
  ),
  policies: fc.array(
    fc.record({
      ns: fc.constantFrom(...NS),
      kind: fc.constantFrom('deny-in', 'deny-out', 'allow-app', 'allow-dns') as fc.Arbitrary<
        World['policies'][number]['kind']
      >,
    }),
    { maxLength: 3 },
  ),
  bindings: fc.array(fc.record({ ns: fc.constantFrom(...NS), sa: fc.constantFrom('default') }), {
    maxLength: 1,
  }),
  enforcing: fc.boolean(),
});

function policyYaml(p: World['policies'][number], i: number): string {
  const head = `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p${i}-${p.kind}, namespace: ${p.ns}}\nspec:\n  podSelector: {}\n`;
  switch (p.kind) {
    case 'deny-in':
      return `${head}  policyTypes: [Ingress]\n`;
    case 'deny-out':
      return `${head}  policyTypes: [Egress]\n`;
    case 'allow-app':
      return `${head}  policyTypes: [Ingress]\n  ingress:\n  - from:\n    - namespaceSelector: {}\n      podSelector: {matchLabels: {app: web}}\n`;
    case 'allow-dns':
      return `${head}  policyTypes: [Egress]\n  egress:\n  - ports: [{port: 53, protocol: UDP}, {port: 53, protocol: TCP}]\n`;
  }
}

function build(w: World): ClusterState {
  const docs: string[] = NS.map((n) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${n}}`);
  w.pods.forEach((p, i) =>
    docs.push(
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: ${p.ns}, labels: {app: ${p.app}}}\nspec:\n  containers: [{name: c, image: x, ports: [{name: http, containerPort: ${p.port}}]}]\n${p.ready ? '' : 'status:\n  conditions: [{type: Ready, status: "False"}]\n'}`,
    ),
  );
  w.services.forEach((s, i) =>
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata: {name: s${i}, namespace: ${s.ns}}\nspec:\n  selector: {app: ${s.app}}\n  ports: [{port: ${s.port}, targetPort: ${typeof s.targetPort === 'number' ? s.targetPort : JSON.stringify(s.targetPort)}}]`,
    ),
  );
  w.policies.forEach((p, i) => docs.push(policyYaml(p, i)));
  w.bindings.forEach((b, i) =>
    docs.push(
      `apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: rb${i}, namespace: ${b.ns}}\nroleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}\nsubjects: [{kind: ServiceAccount, name: ${b.sa}, namespace: a}]`,
    ),
  );
  const loaded = loadManifests(docs.join('\n---\n'), 'world.yaml');
  if (!loaded.ok) throw new Error(loaded.error);
  let state = createCluster();
  state = {
    ...state,
    settings: { ...state.settings, networkPolicy: w.enforcing ? 'enforcing' : 'not-enforcing' },
  };
  return applyToState(state, loaded.objects, { mode: 'apply', namespace: 'default' }).state;
}

/** The URLs a learner might try from a pod of this world. */
function urlsFor(w: World, state: ClusterState): string[] {
  const urls = ['http://nosuch', 'http://bad_host/', 'http://10.244.250.250'];
  w.services.forEach((s, i) => {
    urls.push(`http://s${i}:${s.port}`, `http://s${i}.${s.ns}:${s.port}`, `http://s${i}.${s.ns}:9`);
  });
  w.pods.forEach((p, i) => {
    const pod = getObject<Pod>(state, 'Pod', p.ns, `p${i}`);
    if (pod?.status?.podIP) urls.push(`http://${pod.status.podIP}:${p.port}`);
  });
  return urls;
}

const caseArb = worldArb.chain((w) =>
  fc.record({ world: fc.constant(w), from: fc.nat(w.pods.length - 1), url: fc.nat(50) }),
);

describe('the deciding hop is the engine’s, on every screen', () => {
  it('diagram label, inspector row, Visual story and goal all name the engine’s deciding hop', () => {
    fc.assert(
      fc.property(caseArb, ({ world, from, url }) => {
        const state = build(world);
        const src = world.pods[from]!;
        const fromRef = `${src.ns}/p${from}`;
        const pod = getObject<Pod>(state, 'Pod', src.ns, `p${from}`) as Stored<Pod>;
        const urls = urlsFor(world, state);
        const target = urls[url % urls.length]!;
        const r = connect(state, pod, target);
        const engine = pathDecision(r.hops, r.ok)!;
        expect(engine).toBeDefined();
        const decidingObject = engine.hop.object ? objectId(engine.hop.object) : undefined;

        // Diagram: the edge label names the deciding hop in the engine's own words.
        const test = runConnectionTest(state, { id: 't', from: fromRef, url: target });
        expect(test.deciding?.hop.summary).toBe(engine.hop.summary);
        const label = testLabel(test);
        expect(label.ok).toBe(r.ok);
        if (!r.ok) {
          expect(label.text).toContain(hopHeadline(engine.hop));
          if (engine.hop.object) expect(label.text).toContain(refText(engine.hop.object));
        }

        // Inspector: exactly one row is marked, the engine's stage, naming the deciding object.
        const rows = testRows(test);
        const marked = rows.flatMap((row, i) => (row.deciding ? [i] : []));
        expect(marked).toEqual([r.hops.indexOf(engine.stage)]);
        expect(rows[marked[0]!]!.object).toBe(decidingObject);

        // Visual mode: the deciding step tells the engine's stage and names its object.
        const story = requestStory(state, fromRef, target);
        expect(story.decidedAt).toBeDefined();
        const step = story.steps[story.decidedAt!]!;
        expect(step.object).toBe(decidingObject);
        expect(step.ok).toBe(engine.stage.ok);
        if (!r.ok) expect(story.stoppedAt).toBe(story.decidedAt);
        else expect(story.stoppedAt).toBeUndefined();

        // A lesson goal on the same request reports the same object.
        const goal = checkGoal(
          state,
          { kind: 'connect', from: fromRef, url: target, expect: 'succeeds' },
          { start: state },
        );
        expect(goal.decidedBy?.object).toBe(decidingObject);
      }),
      { numRuns: 150 },
    );
  });

  it('an API call story and goal name the engine’s granting binding', () => {
    fc.assert(
      fc.property(caseArb, ({ world, from }) => {
        const state = build(world);
        const src = world.pods[from]!;
        const pod = getObject<Pod>(state, 'Pod', src.ns, `p${from}`) as Stored<Pod>;
        const call = { verb: 'list', resource: 'pods', namespace: 'b' };
        const r = apiCall(state, pod, call);
        const story = apiCallStory(state, `${src.ns}/p${from}`, call);
        expect(story.outcome.ok).toBe(r.ok);
        expect(story.outcome.message).toBe(r.message);
        const step = story.steps[story.decidedAt!]!;
        if (r.decision) {
          const binding = grantingBinding(r.decision);
          expect(step.kind).toBe('rbac');
          expect(step.object).toBe(binding ? objectId(binding) : undefined);
        } else {
          const net = pathDecision(r.network.hops, false)!;
          expect(step.object).toBe(net.hop.object ? objectId(net.hop.object) : undefined);
        }
        const goal = checkGoal(
          state,
          { kind: 'apiCall', from: `${src.ns}/p${from}`, ...call, expect: 'ok' },
          { start: state },
        );
        expect(goal.pass).toBe(r.ok);
      }),
      { numRuns: 60 },
    );
  });
});
