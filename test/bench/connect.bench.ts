/**
 * The request path on a generated cluster (100 namespaces × 50 objects): one curl-like
 * connect across namespaces, one resolve, and the DNS search of a name that does not exist.
 * These run on every `exec … curl`, `resolve` and `explain`, and for every edge the diagram
 * verdicts show, so they must stay well under a frame (16 ms).
 */
import {
  applyToState,
  createCluster,
  listObjects,
  loadManifests,
  type Pod,
  type Service,
} from '../../src/engine/cluster/index.ts';
import { resolveFromPod } from '../../src/engine/routing/index.ts';
import { connect } from '../../src/engine/routing/index.ts';
import { generateManifest } from '../fixtures/generate.ts';
import { fmt, measure } from './measure.ts';

const parsed = loadManifests(generateManifest({ namespaces: 100, perNamespace: 50 }), 'g.yaml');
if (!parsed.ok) throw new Error(parsed.error);
const state = applyToState(createCluster(), parsed.objects, {
  mode: 'apply',
  namespace: 'default',
}).state;
const pods = listObjects<Pod>(state, 'Pod');
const services = listObjects<Service>(state, 'Service').filter(
  (s) => s.metadata.namespace !== 'default' && s.metadata.namespace !== 'kube-system',
);
const from = pods.find((p) => p.metadata.namespace !== 'kube-system')!;
const target = services[services.length - 1]!;
const url = `http://${target.metadata.name}.${target.metadata.namespace}:${target.spec?.ports?.[0]?.port ?? 80}/`;
console.log(
  `cluster: ${pods.length} pods, ${services.length} Services; from ${from.metadata.namespace}/${from.metadata.name} to ${url}`,
);

const r = connect(state, from, url, { timeoutSeconds: 2 });
console.log(`outcome: ${r.outcome} (exit ${r.exitCode}), ${r.hops.length} hops`);
console.log(
  `connect (DNS + DNAT + policy):  ${fmt(measure(() => connect(state, from, url, { timeoutSeconds: 2 }), 21, 3))}`,
);
console.log(
  `resolve A (search list):       ${fmt(measure(() => resolveFromPod(state, from, `${target.metadata.name}.${target.metadata.namespace}`), 21, 3))}`,
);
console.log(
  `resolve NXDOMAIN (4 names):    ${fmt(measure(() => resolveFromPod(state, from, 'no-such-service'), 21, 3))}`,
);
