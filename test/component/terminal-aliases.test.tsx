// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLabStore, loadRuntime } from '../../src/store/index.ts';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';
import { Terminal } from '../../src/ui/terminal/Terminal.tsx';
import { candidatesFor } from '../../src/ui/terminal/complete.ts';
import './setup.ts';

beforeAll(async () => {
  await loadRuntime();
});

function setup() {
  const store = createLabStore({ storage: null });
  const user = userEvent.setup();
  render(
    <LabProvider store={store}>
      <Terminal />
    </LabProvider>,
  );
  return {
    user,
    store,
    box: screen.getByRole('textbox', { name: 'kubectl command' }),
    log: screen.getByRole('log', { name: 'Terminal output' }),
  };
}

describe('the terminal’s aliases', () => {
  it('runs `k` as kubectl and keeps an alias defined in the session for later lines', async () => {
    const { user, box, log, store } = setup();
    await user.type(box, 'k create namespace team-k{Enter}');
    expect(log).toHaveTextContent('namespace/team-k created');
    await user.type(box, "alias kn='kubectl get ns'{Enter}");
    expect(store.getState().aliases).toEqual({ k: 'kubectl', kn: 'kubectl get ns' });
    await user.type(box, 'kn team-k{Enter}');
    expect(log).toHaveTextContent(/team-k\s+Active/);
    await user.type(box, 'alias{Enter}');
    expect(log).toHaveTextContent("alias k='kubectl' alias kn='kubectl get ns'");
  });

  it('completes after `k` as after `kubectl`', async () => {
    const rt = await loadRuntime();
    const st = createLabStore({ storage: null }).getState().cluster;
    expect(candidatesFor(rt, st, 'k get pods -n kube-').candidates).toEqual(
      candidatesFor(rt, st, 'kubectl get pods -n kube-').candidates,
    );
    expect(candidatesFor(rt, st, 'k app').candidates).toEqual(['apply']);
    expect(candidatesFor(rt, st, '').candidates).toEqual(expect.arrayContaining(['k', 'alias']));
  });
});
