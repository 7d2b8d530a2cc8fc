// @vitest-environment jsdom
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage, SCENARIO } from './setup.ts';
import { listObjects, type Pod } from '../../src/engine/index.ts';
import {
  createLabStore,
  loadRuntime,
  SCHEMA_VERSION,
  STORAGE_KEY,
  type LabStore,
} from '../../src/store/index.ts';

beforeAll(async () => {
  // The whole command table (edit is one of the verbs the app loads on demand).
  await (await loadRuntime()).loadWholeKubectl();
});

const namespaces = (s: LabStore) =>
  listObjects(s.getState().cluster, 'Namespace').map((n) => n.metadata.name);
const withScenario = (storage: Storage | null = null) => {
  const s = createLabStore({ storage });
  s.getState().applyManifest(SCENARIO);
  return s;
};
const flush = () => new Promise((r) => setTimeout(r, 5));

describe('the lab store', () => {
  it('runs commands through the interpreter and records each change in the history', () => {
    const s = createLabStore({ storage: null });
    const r = s.getState().run('kubectl create namespace team-x');
    expect(r?.stdout).toBe('namespace/team-x created\n');
    expect(namespaces(s)).toContain('team-x');
    expect(s.getState().entries).toHaveLength(2);
    expect(s.getState().entries[1]!.label).toBe('kubectl create namespace team-x');
    // A read-only command adds no history entry.
    s.getState().run('kubectl get ns');
    expect(s.getState().entries).toHaveLength(2);
  });

  it('undo and redo move through the whole history; a new change drops the redo tail', () => {
    const s = createLabStore({ storage: null });
    const first = s.getState().cluster;
    s.getState().run('kubectl create namespace a1');
    const second = s.getState().cluster;
    s.getState().run('kubectl create namespace a2');
    s.getState().undo();
    expect(s.getState().cluster).toBe(second);
    s.getState().undo();
    expect(s.getState().cluster).toBe(first);
    s.getState().undo(); // nothing before the first state
    expect(s.getState().index).toBe(0);
    s.getState().redo();
    expect(namespaces(s)).toContain('a1');
    s.getState().run('kubectl create namespace b1');
    expect(s.getState().entries.map((e) => e.label)).toEqual([
      'New cluster',
      'kubectl create namespace a1',
      'kubectl create namespace b1',
    ]);
  });

  it('records `exec … -- curl URL` as a connection test, which undo removes', () => {
    const s = withScenario();
    s.getState().run('kubectl exec -n team-a client -- curl -m 2 http://web.team-b');
    expect(s.getState().tests).toEqual([
      expect.objectContaining({
        from: 'team-a/client',
        url: 'http://web.team-b',
        timeoutSeconds: 2,
      }),
    ]);
    s.getState().undo();
    expect(s.getState().tests).toEqual([]);
  });

  it('Reset cluster is one more undoable step', () => {
    const s = withScenario();
    s.getState().reset();
    expect(namespaces(s)).not.toContain('team-a');
    s.getState().undo();
    expect(namespaces(s)).toContain('team-a');
  });

  it('`kubectl edit` selects the object and asks for the YAML editor instead of failing', () => {
    const s = withScenario();
    const before = s.getState().cluster;
    const r = s.getState().run('kubectl edit svc kubernetes -n default');
    expect(r?.exitCode).toBe(0);
    expect(s.getState().selection).toEqual({
      kind: 'Service',
      namespace: 'default',
      name: 'kubernetes',
    });
    expect(s.getState().editRequest).toBe(1);
    expect(s.getState().cluster).toBe(before);
    expect(s.getState().terminal.at(-1)?.text).toBe(
      'Opened service/kubernetes in namespace default in the YAML editor: change it there and press Apply.',
    );
    // A missing object is kubectl's own error, and opens nothing.
    s.getState().run('kubectl edit svc nope');
    expect(s.getState().editRequest).toBe(1);
    expect(s.getState().terminal.at(-1)?.text).toBe(
      'Error from server (NotFound): services "nope" not found',
    );
  });

  it('the network plugin setting is part of the state and of the history', () => {
    const s = createLabStore({ storage: null });
    s.getState().setNetworkPolicyMode('not-enforcing');
    expect(s.getState().cluster.settings.networkPolicy).toBe('not-enforcing');
    s.getState().undo();
    expect(s.getState().cluster.settings.networkPolicy).toBe('enforcing');
  });

  it('autosaves the history and restores it after a reload', async () => {
    const storage = new MemoryStorage();
    const s = createLabStore({ storage, saveDelay: 0 });
    s.getState().applyManifest(SCENARIO);
    s.getState().run('kubectl create namespace team-x');
    s.getState().undo();
    await flush();
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!);
    expect(saved.schema).toBe(SCHEMA_VERSION);
    const again = createLabStore({ storage });
    expect(again.getState().notices).toEqual([]);
    expect(again.getState().entries).toHaveLength(3);
    expect(again.getState().index).toBe(1);
    expect(namespaces(again)).toEqual(namespaces(s));
    again.getState().redo();
    expect(namespaces(again)).toContain('team-x');
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['an old schema', JSON.stringify({ schema: 0 }), /schema version 0/],
    [
      'a malformed history',
      JSON.stringify({ schema: SCHEMA_VERSION, pool: [], builtins: [], entries: [{}], index: 0 }),
      /history entry 1/,
    ],
  ])('a save that is %s is reported and set aside, never a crash', (_what, text, reason) => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, text);
    const s = createLabStore({ storage });
    expect(namespaces(s)).toContain('default');
    expect(s.getState().notices[0]?.text).toMatch(reason);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    const aside = storage.keys().find((k) => k.startsWith(`${STORAGE_KEY}.set-aside.`));
    expect(aside && storage.getItem(aside)).toBe(text);
  });

  it('exports the learner objects as YAML that imports back into the same cluster', async () => {
    const s = withScenario();
    s.getState().setNetworkPolicyMode('not-enforcing');
    const yaml = await s.getState().exportYaml();
    expect(yaml).toContain('kind: NetworkPolicy');
    expect(yaml).not.toContain('kube-system');
    expect(yaml).not.toContain('resourceVersion');
    const t = createLabStore({ storage: null });
    await expect(t.getState().importYaml(yaml, 'cluster.yaml')).resolves.toBe(true);
    expect(namespaces(t)).toEqual(namespaces(s));
    const pods = (x: LabStore) =>
      listObjects<Pod>(x.getState().cluster, 'Pod').map(
        (p) => `${p.metadata.namespace}/${p.metadata.name} ${p.status?.podIP}`,
      );
    expect(pods(t)).toEqual(pods(s));
    expect(t.getState().cluster.settings.networkPolicy).toBe('not-enforcing');
  });

  it('an import that does not parse is refused whole, with the parser message', async () => {
    const s = withScenario();
    const before = s.getState().cluster;
    await expect(s.getState().importYaml('kind: [unclosed', 'bad.yaml')).resolves.toBe(false);
    expect(s.getState().cluster).toBe(before);
    expect(s.getState().notices.at(-1)?.text).toMatch(
      /Import failed: error: error parsing bad.yaml/,
    );
  });
});
