// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';
import { HistoryPanel } from '../../src/ui/history/HistoryPanel.tsx';
import { verdictDiff } from '../../src/ui/history/diff.ts';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
  // create rolebinding is one of the generators the app loads on demand.
  await rt.loadWholeKubectl();
});

const withoutDeny = SCENARIO.split('---')
  .filter((d) => !d.includes('default-deny'))
  .join('---');
const DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: default-deny, namespace: team-b}
spec: {podSelector: {}, policyTypes: [Ingress]}
`;

describe('the verdict diff between two history states', () => {
  it('names the connections a policy blocked and the policy that decides', () => {
    const s = createLabStore({ storage: null });
    s.getState().applyManifest(withoutDeny);
    s.getState().applyManifest(DENY);
    const { entries } = s.getState();
    const d = verdictDiff(rt, entries[1]!, entries[2]!);
    expect(d.objects).toEqual([{ key: 'NetworkPolicy/team-b/default-deny', change: 'added' }]);
    const toWeb = d.connections.find(
      (c) => c.from === 'team-a/client' && c.to === 'team-b/web' && c.port === '80/TCP',
    );
    expect(toWeb).toMatchObject({ port: '80/TCP', now: false });
    expect(toWeb!.reason).toContain('team-b/default-deny');
    // Reversed, the same cells are allowed again.
    expect(verdictDiff(rt, entries[2]!, entries[1]!).connections.every((c) => c.now)).toBe(true);
  });

  it('names the permissions a RoleBinding granted, with the binding', () => {
    const s = createLabStore({ storage: null });
    s.getState().applyManifest(
      withoutDeny
        .split('---')
        .filter((d) => !d.includes('RoleBinding'))
        .join('---'),
    );
    s.getState().run(
      'kubectl create rolebinding read-pods -n team-b --role=pod-reader --serviceaccount=team-b:reader',
    );
    const { entries } = s.getState();
    const d = verdictDiff(rt, entries[1]!, entries[2]!);
    expect(d.permissions).toEqual([
      expect.objectContaining({
        account: 'team-b/reader',
        rule: 'get,list pods',
        now: true,
        via: expect.stringContaining('RoleBinding "read-pods/team-b"'),
      }),
    ]);
  });

  it('the timeline jumps to a state and shows the diff to it', async () => {
    const s = createLabStore({ storage: null });
    s.getState().applyManifest(withoutDeny);
    s.getState().applyManifest(DENY);
    render(
      <LabProvider store={s}>
        <HistoryPanel onClose={() => {}} />
      </LabProvider>,
    );
    expect((await screen.findAllByText(/now blocked/)).length).toBeGreaterThan(0);
    await userEvent.setup().click(screen.getByRole('button', { name: /^1 New cluster/ }));
    expect(s.getState().index).toBe(0);
  });
});
