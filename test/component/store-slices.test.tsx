// @vitest-environment jsdom
/**
 * Each slice of the store on its own: its state starts as documented and its actions change
 * only what they name. The cluster and terminal slices' commands are in store.test.tsx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { emptyProgress, rateCard, recordSolved } from '../../src/learn/index.ts';
import { createLabStore, loadRuntime } from '../../src/store/index.ts';

beforeAll(async () => {
  await loadRuntime();
});

const fresh = () => createLabStore({ storage: null });

describe('the lesson slice', () => {
  it('starts on the suggested first mode with no progress', () => {
    const s = fresh().getState();
    expect(s.mode).toBe('learn');
    expect(s.progress).toEqual(emptyProgress());
  });

  it('setMode and updateProgress change the mode and apply a progress reducer', () => {
    const store = fresh();
    store.getState().setMode('exam');
    store
      .getState()
      .updateProgress((p) =>
        recordSolved(p, { lessonId: 'l', taskId: 't', skills: ['dns.fqdn'], hintsUsed: 1, at: 5 }),
      );
    const s = store.getState();
    expect(s.mode).toBe('exam');
    expect(s.progress.tasks['l/t']).toEqual({ status: 'solved', hintsUsed: 1, at: 5 });
    expect(s.progress.skills['dns.fqdn']?.level).toBe('familiar');
  });
});

describe('the recall slice', () => {
  it('applies a schedule update (rating a card) and keeps the rest of the store', () => {
    const store = fresh();
    const cluster = store.getState().cluster;
    store.getState().updateRecall((r) => rateCard(r, 'deck/card', 'good', 1_000));
    expect(Object.keys(store.getState().recall.cards)).toEqual(['deck/card']);
    expect(store.getState().recall.cards['deck/card']!.due).toBeGreaterThan(1_000);
    expect(store.getState().cluster).toBe(cluster);
  });
});

describe('the layout slice', () => {
  it('holds the view toggles, the selection and the focused test', () => {
    const store = fresh();
    const s = store.getState();
    expect([s.listView, s.showLabels, s.reach, s.selection, s.focusedTest]).toEqual([
      false,
      false,
      null,
      null,
      null,
    ]);
    s.setListView(true);
    s.setShowLabels(true);
    s.setReach({ port: 53, protocol: 'UDP' });
    s.select({ kind: 'Namespace', name: 'default' });
    s.focusTest('t1');
    expect(store.getState()).toMatchObject({
      listView: true,
      showLabels: true,
      reach: { port: 53, protocol: 'UDP' },
      selection: { kind: 'Namespace', name: 'default' },
      focusedTest: 't1',
    });
  });

  it('rooms list the namespaces in first-seen order; a new one is appended', () => {
    const store = fresh();
    const before = store.getState().rooms;
    expect(before).toEqual(expect.arrayContaining(['default', 'kube-system']));
    store.getState().run('kubectl create namespace zz-new');
    expect(store.getState().rooms).toEqual([...before, 'zz-new']);
  });

  it('dismissNotice removes only that notice', async () => {
    const store = fresh();
    await store.getState().importYaml('kind: [unclosed', 'a.yaml');
    await store.getState().importYaml('kind: [unclosed', 'b.yaml');
    const [a, b] = store.getState().notices;
    store.getState().dismissNotice(a!.id);
    expect(store.getState().notices).toEqual([b]);
  });
});

describe('the terminal slice', () => {
  it('starts with the welcome line; clear empties the transcript but keeps the typed history', () => {
    const store = fresh();
    expect(store.getState().terminal[0]?.text).toMatch(/^Namespace Lab — a simulated/);
    store.getState().run('kubectl get ns');
    store.getState().run('kubectl get ns');
    expect(store.getState().commandHistory).toEqual(['kubectl get ns']);
    store.getState().clearTerminal();
    expect(store.getState().terminal).toEqual([]);
    expect(store.getState().commandHistory).toEqual(['kubectl get ns']);
  });
});
