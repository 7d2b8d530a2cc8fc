// @vitest-environment jsdom
/**
 * Every request the interpreter accepts draws its line: the store reads the requests the
 * command reports (CommandResult.requests), not the command line, so each form kubectl
 * accepts — TYPE/NAME targets, --as, flags in any order, kubectl inside a pod — is drawn.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';
import { toFlowElements } from '../../src/ui/diagram/elements.ts';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
  // exec loads on demand; these tests read its answers synchronously.
  await rt.loadWholeKubectl();
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: client, namespace: team-a}
spec:
  replicas: 1
  selector: {matchLabels: {app: deployed-client}}
  template:
    metadata: {labels: {app: deployed-client}}
    spec: {containers: [{name: c, image: curlimages/curl}]}
`;

const BOB_MAY_EXEC = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata: {name: exec-pods}
rules:
- {apiGroups: [''], resources: [pods], verbs: [get, list]}
- {apiGroups: [''], resources: [pods/exec], verbs: [create, get]}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: bob-exec}
subjects: [{kind: User, name: bob, apiGroup: rbac.authorization.k8s.io}]
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: exec-pods}
`;

function lab() {
  const store = createLabStore({ storage: null });
  store.getState().applyManifest(`${SCENARIO}---\n${DEPLOYMENT}---\n${BOB_MAY_EXEC}`);
  return store;
}

/** The connection lines the diagram draws for the store's current tests. */
function lines(store: ReturnType<typeof lab>) {
  const s = store.getState();
  return toFlowElements({
    state: s.cluster,
    rooms: s.rooms,
    showLabels: false,
    selected: null,
    tests: rt.runConnectionTests(s.cluster, s.tests),
    focusedTest: s.focusedTest,
    reach: undefined,
  }).edges.filter((e) => e.id.startsWith('test:'));
}

describe('connection lines from terminal commands', () => {
  it('kubectl exec deploy/client -- curl … draws a line from the Deployment’s pod', () => {
    const store = lab();
    const r = store
      .getState()
      .run('kubectl exec -n team-a deploy/client -- curl -sS -m 2 http://web.team-b');
    expect(r?.exitCode).toBe(28);
    const [line] = lines(store);
    expect(line?.source).toMatch(/^Pod\/team-a\/client-[a-z0-9]+-[a-z0-9]+$/);
    expect(line?.target).toBe('Pod/team-b/web');
    expect(line?.ariaLabel).toContain('Blocked');
  });

  it('kubectl exec --as bob … -- curl … draws the line too', () => {
    const store = lab();
    const r = store
      .getState()
      .run('kubectl exec --as bob client -n team-a -- curl -sS -m 2 http://web.team-b');
    expect(r?.exitCode).toBe(28);
    expect(lines(store).map((l) => [l.source, l.target])).toEqual([
      ['Pod/team-a/client', 'Pod/team-b/web'],
    ]);
  });

  it('an exec the API server refuses draws nothing (no request was made)', () => {
    const store = lab();
    const r = store
      .getState()
      .run('kubectl exec --as mallory -n team-a client -- curl -m 2 http://web.team-b');
    expect(r?.exitCode).toBe(1);
    expect(lines(store)).toEqual([]);
  });

  it('kubectl inside a pod draws its path to the API server', () => {
    const store = lab();
    store.getState().run('kubectl exec -n team-a client -- kubectl get pods');
    const [line] = lines(store);
    expect(line?.source).toBe('Pod/team-a/client');
    expect(line?.target).toBe('Service/default/kubernetes');
  });

  it('sh -c and wget are requests as well', () => {
    const store = lab();
    store
      .getState()
      .run(`kubectl exec -n team-a client -- sh -c 'wget -qO- -T 2 http://web.team-b'`);
    expect(lines(store)).toHaveLength(1);
  });
});
