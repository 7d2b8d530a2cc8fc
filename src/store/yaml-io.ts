/**
 * Import and export of the cluster as one multi-document YAML file: the objects a learner
 * created (built-ins and controller-owned objects such as ReplicaSets, pods of Deployments,
 * Endpoints are left out, since the cluster recreates them), in an order `kubectl apply -f`
 * can replay: Namespaces first, then the rest.
 */
import {
  CORE_COMMANDS,
  createCluster,
  createInterpreter,
  globalKey,
  kindInfo,
  loadManifests,
  toYaml,
  type ClusterState,
  type KubeObject,
} from '../engine/index.ts';

// An import is `kubectl apply -f FILE`, which the first table already carries.
const { runKubectl } = createInterpreter(CORE_COMMANDS);

// Each kind's place in an export (and whether the cluster recreates it) is in KINDS.
function rank(kind: string): number {
  return kindInfo(kind)?.exportOrder ?? Number.MAX_SAFE_INTEGER;
}

/** The manifest as the learner would have written it: server-set fields dropped. */
export function cleanForExport(obj: KubeObject): KubeObject {
  const {
    uid: _u,
    resourceVersion: _r,
    creationTimestamp: _c,
    generation: _g,
    managedFields: _m,
    annotations,
    ...meta
  } = obj.metadata;
  const rest = annotations
    ? Object.fromEntries(
        Object.entries(annotations).filter(
          ([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration',
        ),
      )
    : {};
  const out: KubeObject = {
    ...obj,
    metadata: { ...meta, ...(Object.keys(rest).length ? { annotations: rest } : {}) },
  };
  if (obj.kind !== 'Pod') delete out.status;
  else {
    // A pod keeps its address so a re-import puts it at the same IP; phase and the rest are live state.
    const st = obj.status as { podIP?: string; podIPs?: unknown } | undefined;
    if (st?.podIP) out.status = { podIP: st.podIP, ...(st.podIPs ? { podIPs: st.podIPs } : {}) };
    else delete out.status;
  }
  return out;
}

/** The learner's objects, in apply order. */
export function exportableObjects(state: ClusterState): KubeObject[] {
  const out: KubeObject[] = [];
  for (const [kind, byKey] of state.objects) {
    if (kindInfo(kind)?.exported === false) continue;
    for (const obj of byKey.values()) {
      if (state.builtin.has(globalKey(obj))) continue;
      if ((obj.metadata.ownerReferences ?? []).some((r) => r.controller)) continue;
      out.push(obj);
    }
  }
  return out.sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      a.kind.localeCompare(b.kind) ||
      (a.metadata.namespace ?? '').localeCompare(b.metadata.namespace ?? '') ||
      a.metadata.name.localeCompare(b.metadata.name),
  );
}

/** The cluster as a YAML file; the network plugin setting rides along in a header comment. */
export function exportClusterYaml(state: ClusterState): string {
  const docs = exportableObjects(state).map((o) => toYaml(cleanForExport(o)).trimEnd());
  const header = [
    '# Namespace Lab cluster export — apply to a real cluster with: kubectl apply -f <this file>',
    `# nslab/network-policy: ${state.settings.networkPolicy}`,
  ].join('\n');
  return `${header}\n${docs.map((d) => `---\n${d}\n`).join('')}`;
}

export type ImportResult =
  | { ok: true; state: ClusterState; output: string; failures: number }
  | { ok: false; error: string };

/**
 * A fresh cluster with the file applied to it through the interpreter (`kubectl apply -f FILE`).
 * A file that does not parse is refused whole, as kubectl refuses it.
 */
export function importClusterYaml(text: string, file: string): ImportResult {
  const parsed = loadManifests(text, file);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const mode = /^#\s*nslab\/network-policy:\s*(not-enforcing|enforcing)\s*$/m.exec(text)?.[1];
  const base = createCluster(
    mode === 'not-enforcing' ? { settings: { networkPolicy: 'not-enforcing' } } : {},
  );
  const r = runKubectl(base, ['apply', '-f', file], { files: { [file]: text } });
  const failures = r.stderr.split('\n').filter((l) => /^(error|Error)/.test(l)).length;
  return { ok: true, state: r.state, output: r.stdout + r.stderr, failures };
}
