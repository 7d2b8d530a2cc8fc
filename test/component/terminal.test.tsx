// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { listObjects } from '../../src/engine/index.ts';
import { createLabStore, loadRuntime, type LabStore } from '../../src/store/index.ts';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';
import { heredocOpen, Terminal } from '../../src/ui/terminal/Terminal.tsx';
import { candidatesFor } from '../../src/ui/terminal/complete.ts';

beforeAll(async () => {
  await loadRuntime();
});

function setup(store: LabStore = createLabStore({ storage: null })) {
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

describe('the terminal', () => {
  it('runs a command and prints its output in the log as plain text', async () => {
    const { user, box, log, store } = setup();
    await user.type(box, 'kubectl create namespace team-x{Enter}');
    expect(log).toHaveTextContent('namespace/team-x created');
    expect(
      listObjects(store.getState().cluster, 'Namespace').map((n) => n.metadata.name),
    ).toContain('team-x');
    expect(box).toHaveValue('');
  });

  it('shows errors as stderr lines, coloured by class only', async () => {
    const { user, box, log } = setup();
    await user.type(box, 'kubectl get pods nope{Enter}');
    const err = within(log).getByText(/Error from server \(NotFound\): pods "nope" not found/);
    expect(err).toHaveClass('term-line--stderr');
    expect(err.querySelector('*')).toBeNull();
  });

  it('recalls history with ↑ and ↓', async () => {
    const { user, box } = setup();
    await user.type(box, 'kubectl get ns{Enter}');
    await user.type(box, 'kubectl get pods -A{Enter}');
    await user.type(box, 'draft');
    await user.keyboard('{ArrowUp}');
    expect(box).toHaveValue('kubectl get pods -A');
    await user.keyboard('{ArrowUp}');
    expect(box).toHaveValue('kubectl get ns');
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(box).toHaveValue('draft');
  });

  it('completes commands, kinds, names, namespaces and flags with Tab', async () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    const { user, box } = setup(store);
    await user.type(box, 'kubectl descr');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('kubectl describe ');
    await user.clear(box);
    await user.type(box, 'kubectl get networkp');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('kubectl get networkpolicies ');
    await user.clear(box);
    await user.type(box, 'kubectl get pods -n team-');
    await user.keyboard('{Tab}');
    expect(box).toHaveValue('kubectl get pods -n team-');
    expect(screen.getByRole('status')).toHaveTextContent(/team-a\s+team-b/);
    const rt = await loadRuntime();
    const st = store.getState().cluster;
    expect(candidatesFor(rt, st, 'kubectl get pods -n team-b ').candidates).toEqual(['db', 'web']);
    expect(candidatesFor(rt, st, 'kubectl get pod/w').candidates).toEqual([]);
    expect(candidatesFor(rt, st, 'kubectl -n team-b get pod/w').candidates).toEqual(['pod/web']);
    expect(candidatesFor(rt, st, 'kubectl get pods --all-n').candidates).toEqual([
      '--all-namespaces',
    ]);
    expect(candidatesFor(rt, st, 'kubectl exec -n team-a c').candidates).toEqual(['client']);
    expect(candidatesFor(rt, st, 'kubectl get pods -o y').candidates).toEqual(['yaml']);
  });

  it('completion reads the command table: argument kinds, flag values, a lesson’s subset', async () => {
    const store = createLabStore({ storage: null });
    store.getState().applyManifest(SCENARIO);
    const rt = await loadRuntime();
    const st = store.getState().cluster;
    // scale's arguments name resources (its table entry says so), as get's do.
    expect(candidatesFor(rt, st, 'kubectl scale -n team-b pod/').candidates).toEqual([
      'pod/db',
      'pod/web',
    ]);
    // --namespace=VALUE completes namespaces; -o's values come from the flag's own list.
    expect(candidatesFor(rt, st, 'kubectl get pods --namespace=team-').candidates).toEqual([
      'team-a',
      'team-b',
    ]);
    expect(candidatesFor(rt, st, 'kubectl apply -f x -o ').candidates).toEqual([
      'json',
      'name',
      'wide',
      'yaml',
    ]);
    // A lesson's table offers only its commands.
    const lesson = { ...rt, COMMANDS: rt.interpreterFor(['get', 'exec']).commands };
    expect(candidatesFor(lesson, st, 'kubectl ').candidates).toEqual(['exec', 'get']);
    expect(candidatesFor(lesson, st, 'kubectl de').candidates).toEqual([]);
  });

  it('keeps Enter as a newline inside an unfinished heredoc, then applies it', async () => {
    const { user, box, log, store } = setup();
    expect(heredocOpen('kubectl apply -f - <<EOF\nkind: x')).toBe(true);
    expect(heredocOpen('kubectl apply -f - <<EOF\nkind: x\nEOF')).toBe(false);
    await user.type(
      box,
      'kubectl apply -f - <<EOF{Enter}apiVersion: v1{Enter}kind: Namespace{Enter}metadata:{Enter}  name: here{Enter}',
    );
    expect(log).not.toHaveTextContent('namespace/here created');
    await user.type(box, 'EOF{Enter}');
    expect(log).toHaveTextContent('namespace/here created');
    expect(
      listObjects(store.getState().cluster, 'Namespace').map((n) => n.metadata.name),
    ).toContain('here');
  });

  it('`clear` empties the log', async () => {
    const { user, box, log } = setup();
    await user.type(box, 'kubectl get ns{Enter}');
    expect(log.textContent).not.toBe('');
    await user.type(box, 'clear{Enter}');
    expect(log.textContent).toBe('');
  });
});

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
