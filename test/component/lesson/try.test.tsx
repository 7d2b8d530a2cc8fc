// @vitest-environment jsdom
/**
 * Try mode, the sandbox, over the real store and terminal: a lesson's starting cluster or an
 * empty one replaces the cluster as one undoable step, and a suggested experiment runs in the
 * terminal with the simulator's own answer.
 */
import { screen } from '@testing-library/react';
import { renderLearnPanel } from './panel-harness.tsx';
import { describe, expect, it } from 'vitest';
import { getObject, listObjects } from '../../../src/engine/index.ts';

const setup = () => renderLearnPanel({ mode: 'try' });

describe('Try mode', () => {
  it('loads a lesson’s starting cluster as one undoable step', async () => {
    const { store, user } = setup();
    expect(screen.getByRole('tab', { name: 'Try', selected: true })).toBeInTheDocument();
    const before = store.getState().cluster;
    await user.selectOptions(
      screen.getByLabelText('Or a lesson’s starting cluster'),
      'Reaching a Service in another namespace',
    );
    await user.click(screen.getByRole('button', { name: 'Load' }));
    const cluster = store.getState().cluster;
    expect(getObject(cluster, 'Pod', 'shop', 'client')).toBeDefined();
    expect(getObject(cluster, 'Service', 'data', 'db')).toBeDefined();
    expect(screen.getByRole('status')).toHaveTextContent('Nothing here is graded');
    store.getState().undo();
    expect(store.getState().cluster).toBe(before);
  });

  it('runs a suggested experiment in the terminal with the engine’s answer', async () => {
    const { user } = setup();
    await user.selectOptions(
      screen.getByLabelText('Or a lesson’s starting cluster'),
      'Reaching a Service in another namespace',
    );
    await user.click(screen.getByRole('button', { name: 'Load' }));
    await user.click(
      screen.getByRole('button', { name: 'Run kubectl resolve --from shop/client db' }),
    );
    const log = screen.getByRole('log', { name: 'Terminal output' });
    expect(log).toHaveTextContent('NXDOMAIN');
    await user.click(
      screen.getByRole('button', { name: 'Run kubectl resolve --from shop/client db.data' }),
    );
    expect(log).toHaveTextContent('db.data.svc.cluster.local');
  });

  it('starts an empty cluster with only the system rooms', async () => {
    const { store, user } = setup();
    store.getState().run('kubectl create namespace scratch');
    await user.click(screen.getByRole('button', { name: 'An empty cluster' }));
    const names = listObjects(store.getState().cluster, 'Namespace').map((n) => n.metadata.name);
    expect(names).not.toContain('scratch');
    expect(names).toEqual(
      expect.arrayContaining(['default', 'kube-system', 'kube-public', 'kube-node-lease']),
    );
  });
});
