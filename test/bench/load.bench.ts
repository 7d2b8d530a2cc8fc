/**
 * Loading a generated 5,000-object manifest (100 namespaces) into a fresh cluster. Target ≤ 300 ms.
 * Also printing the loaded objects back as `-o yaml` (one `kind: List`), as `get -A -o yaml` does.
 */
import {
  applyToState,
  createCluster,
  listObjects,
  loadManifests,
  objectCount,
} from '../../src/engine/cluster/index.ts';
import { toYaml } from '../../src/engine/kubectl/index.ts';
import { asList } from '../../src/engine/kubectl/printers/serialize.ts';
import { generateManifest } from '../fixtures/generate.ts';
import { fmt, heapMB, measure } from './measure.ts';

const text = generateManifest({ namespaces: 100, perNamespace: 50 });
const parsed = loadManifests(text, 'generated.yaml');
if (!parsed.ok) throw new Error(parsed.error);
console.log(
  `manifest: ${parsed.objects.length} objects, ${(text.length / 1024).toFixed(0)} KiB of YAML`,
);

const base = createCluster();
let final = base;
const parse = measure(() => loadManifests(text, 'generated.yaml'), 5, 1);
const apply = measure(
  () => {
    final = applyToState(base, parsed.objects, { mode: 'apply', namespace: 'default' }).state;
  },
  5,
  1,
);
const total = measure(
  () => {
    const p = loadManifests(text, 'generated.yaml');
    if (p.ok) applyToState(createCluster(), p.objects, { mode: 'apply', namespace: 'default' });
  },
  5,
  1,
);
const list = asList(parsed.objects.map((o) => o.object));
const print = measure(() => toYaml(list), 5, 1);
console.log(`parse YAML:            ${fmt(parse)}`);
console.log(`apply into cluster:    ${fmt(apply)}`);
console.log(`parse + apply (total): ${fmt(total)}   target ≤ 300 ms`);
console.log(`print -o yaml (List):  ${fmt(print)}`);
console.log(
  `resulting cluster: ${objectCount(final)} objects (${listObjects(final, 'Pod').length} pods from the Deployments), heap ${heapMB().toFixed(0)} MB`,
);
