/** The simulated kubeconfig (its contexts and the current one) survives a save and reload. */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../src/engine/kubectl/index.ts';
import { deserializeSession, serializeSession } from '../../../src/store/persist.ts';

describe('the saved session keeps the kubeconfig', () => {
  it('brings back every context and which one is current', () => {
    let state = createCluster();
    for (const line of [
      'kubectl config set-context dev --cluster=kubernetes --user=developer --namespace=kube-system',
      'kubectl config use-context dev',
    ])
      state = runCommandLine(state, line).state;
    const saved = serializeSession({
      entries: [{ cluster: state, tests: [], label: 'x', at: 1 }],
      index: 0,
      rooms: [],
      commandHistory: [],
    });
    const back = deserializeSession(saved);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const restored = back.session.entries[0]!.cluster;
    expect(restored.context).toEqual(state.context);
    expect(runCommandLine(restored, 'kubectl config get-contexts').stdout).toBe(
      runCommandLine(state, 'kubectl config get-contexts').stdout,
    );
    expect(runCommandLine(restored, 'kubectl config current-context').stdout).toBe('dev\n');
  });
});
