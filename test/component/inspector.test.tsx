// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { createLabStore, loadRuntime, type LabStore } from '../../src/store/index.ts';
import { Inspector } from '../../src/ui/inspector/Inspector.tsx';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';

beforeAll(async () => {
  // exec loads on demand; these tests read its answers synchronously.
  await (await loadRuntime()).loadWholeKubectl();
});

function setup() {
  const store: LabStore = createLabStore({ storage: null });
  store.getState().applyManifest(SCENARIO);
  render(
    <LabProvider store={store}>
      <Inspector />
    </LabProvider>,
  );
  return { store, user: userEvent.setup() };
}

const text = () => document.querySelector('.inspector')!.textContent ?? '';

describe('the inspector', () => {
  it('invites a selection when nothing is selected', () => {
    setup();
    expect(screen.getByRole('heading', { name: 'Inspector' })).toBeInTheDocument();
  });

  it('explains which policies select a pod and what they allow', async () => {
    const { store } = setup();
    store.getState().select({ kind: 'Pod', namespace: 'team-b', name: 'web' });
    await screen.findByRole('heading', { name: /web/ });
    expect(text()).toContain('10.244.');
    expect(text()).toContain('default-deny');
    expect(text()).toMatch(/Ingress: nothing is allowed/);
    // A pod no policy selects is said to be open.
    store.getState().select({ kind: 'Pod', namespace: 'team-a', name: 'client' });
    await screen.findByText(/None: the pod is not isolated/);
  });

  it('says the policies do nothing when the network plugin does not enforce them', async () => {
    const { store } = setup();
    store.getState().setNetworkPolicyMode('not-enforcing');
    store.getState().select({ kind: 'Pod', namespace: 'team-b', name: 'web' });
    await screen.findByText(/does not enforce NetworkPolicy/);
  });

  it("lists a Service's endpoints and why each pod is or is not one", async () => {
    const { store } = setup();
    store.getState().select({ kind: 'Service', namespace: 'team-b', name: 'web' });
    await screen.findByText(/Endpoints, and why/);
    expect(text()).toContain('web.team-b.svc.cluster.local');
    expect(text()).toMatch(
      /web: endpoint — selector app=web matches and the pod is Ready; port 80 → pod port 80/,
    );
    expect(text()).toMatch(
      /db: not an endpoint — labels do not match: needs app=web \(has app=db\)/,
    );
  });

  it("shows a ServiceAccount's permissions from its RoleBindings", async () => {
    const { store } = setup();
    store.getState().select({ kind: 'ServiceAccount', namespace: 'team-b', name: 'reader' });
    await screen.findByText(/Permissions in team-b/);
    expect(text()).toContain('RoleBinding "read-pods/team-b" of Role "pod-reader"');
    expect(text()).toMatch(/get, list on pods/);
  });

  it('explains the last connection test hop by hop, and a test can be run from the form', async () => {
    const { store, user } = setup();
    store.getState().select({ kind: 'Pod', namespace: 'team-a', name: 'client' });
    const url = await screen.findByRole('textbox', { name: 'URL to request from team-a/client' });
    await user.clear(url);
    await user.type(url, 'http://web.team-b:80{Enter}');
    expect(store.getState().tests).toHaveLength(1);
    const explain = document.querySelector('.test-explain')!;
    expect(explain).toHaveClass('is-blocked');
    expect(explain.textContent).toMatch(/Blocked/);
    expect(explain.textContent).toMatch(/ingress/);
    expect(explain.textContent).toContain('NetworkPolicy/team-b/default-deny');
    await user.click(screen.getByRole('button', { name: 'Remove this test' }));
    expect(store.getState().tests).toHaveLength(0);
  });

  it('explains a NetworkPolicy: what it selects and allows, and that policies add up', async () => {
    const { store } = setup();
    store.getState().select({ kind: 'NetworkPolicy', namespace: 'team-b', name: 'default-deny' });
    await screen.findByText(/What it allows/);
    expect(text()).toMatch(/Selects pods\s*web, db|Selects pods\s*db, web/);
    expect(text()).toContain(
      'Ingress: nothing is allowed (a default deny for the pods it selects)',
    );
  });

  it('agrees with curl on publishNotReadyAddresses: a not-Ready pod the Service publishes gets traffic', async () => {
    // Service spec: publishNotReadyAddresses makes the endpoints controllers list not-Ready
    // pods as ready (kubernetes/kubernetes pkg/controller/endpointslice, podToEndpoint).
    const store: LabStore = createLabStore({ storage: null });
    store.getState().applyManifest(`apiVersion: v1
kind: Namespace
metadata: {name: app}
---
apiVersion: v1
kind: Pod
metadata: {name: warming, namespace: app, labels: {app: web}}
spec:
  containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]
status:
  conditions: [{type: Ready, status: "False"}]
---
apiVersion: v1
kind: Pod
metadata: {name: client, namespace: app}
spec:
  containers: [{name: c, image: curlimages/curl}]
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: app}
spec:
  selector: {app: web}
  publishNotReadyAddresses: true
  ports: [{port: 80}]
`);
    const curl = store.getState().run('kubectl exec -n app client -- curl -sS -m 2 http://web');
    expect(curl?.exitCode).toBe(0);
    expect(curl?.stdout).toContain('warming');
    render(
      <LabProvider store={store}>
        <Inspector />
      </LabProvider>,
    );
    store.getState().select({ kind: 'Service', namespace: 'app', name: 'web' });
    await screen.findByText(/Endpoints, and why/);
    const row = [...document.querySelectorAll('.why-list li')].find((li) =>
      li.textContent?.includes('warming:'),
    )!;
    expect(row).toHaveClass('is-ok');
    expect(row.textContent).toMatch(/warming: endpoint — .*publishNotReadyAddresses.*gets traffic/);
    expect(row.textContent).not.toMatch(/gets no traffic/);
  });
});
