// @vitest-environment jsdom
/**
 * Progress that sticks: the active lesson, its hints and checks survive a reload (a new store
 * over the same storage); its tasks are credited after every change to the cluster whether
 * the learning panel is open or not; credit once earned stays; a lesson in progress that does
 * not read back is reported and set aside while the rest of the progress is kept.
 */
import { waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from './setup.ts';
import { loadLessons } from '../../src/content/index.ts';
import { getObject } from '../../src/engine/index.ts';
import { buildStartCluster, checkTask } from '../../src/learn/index.ts';
import { createLabStore, loadRuntime, STORAGE_KEYS } from '../../src/store/index.ts';

beforeAll(async () => {
  await (await loadRuntime()).loadWholeKubectl();
});

const lesson = loadLessons().lessons.find((l) => l.id === 'reaching-across-namespaces')!;
const KEY = `${lesson.id}/alias-in-shop`;
const FIX =
  'kubectl create service externalname db -n shop --external-name=db.data.svc.cluster.local';

function started(storage: Storage | null) {
  const store = createLabStore({ storage, saveDelay: 0 });
  const b = buildStartCluster(lesson);
  if (!b.ok) throw new Error(b.error);
  store.getState().startLesson(lesson, b.state);
  return store;
}

describe('lesson credit without the panel', () => {
  it('credits a task the moment the cluster meets its goals, with no panel mounted', async () => {
    const store = started(null);
    expect(store.getState().progress.tasks[KEY]).toBeUndefined();
    store.getState().run(FIX);
    await waitFor(() => expect(store.getState().progress.tasks[KEY]?.status).toBe('solved'));
  });

  it('keeps the credit when a later change undoes the goals (as a solved level stays solved)', async () => {
    const store = started(null);
    store.getState().run(FIX);
    await waitFor(() => expect(store.getState().progress.tasks[KEY]?.status).toBe('solved'));
    const at = store.getState().progress.tasks[KEY]!.at;
    store.getState().run('kubectl delete service db -n shop');
    const s = store.getState();
    expect(getObject(s.cluster, 'Service', 'shop', 'db')).toBeUndefined();
    expect(checkTask(s.cluster, lesson.tasks[0]!, s.activeLesson!.start).done).toBe(false);
    // Give the re-check its turn: it must not take the credit back or re-record it.
    await new Promise((r) => setTimeout(r, 20));
    expect(store.getState().progress.tasks[KEY]).toMatchObject({ status: 'solved', at });
  });

  it('records the hints opened before the task was solved', async () => {
    const store = started(null);
    store.getState().openHint('alias-in-shop');
    store.getState().openHint('alias-in-shop');
    store.getState().run(FIX);
    await waitFor(() => expect(store.getState().progress.tasks[KEY]?.hintsUsed).toBe(2));
  });
});

describe('the lesson in progress across a reload', () => {
  it('comes back with its start, hints and checks, and work done before the reload is credited', async () => {
    const storage = new MemoryStorage();
    const store = started(storage);
    store.getState().openHint('alias-in-shop');
    store.getState().markChecked('alias-in-shop');
    const start = store.getState().activeLesson!.start;
    // The cluster is changed and the page reloads before the credit was saved.
    store.getState().run(FIX);
    const saved = storage.getItem(STORAGE_KEYS.lesson)!;
    expect(saved).not.toContain(KEY);
    const again = createLabStore({ storage, initial: store.getState().cluster });
    const a = again.getState().activeLesson;
    expect(a?.id).toBe(lesson.id);
    expect(a?.hints).toEqual({ 'alias-in-shop': 1 });
    expect(a?.checked).toEqual(['alias-in-shop']);
    expect(getObject(a!.start, 'Pod', 'shop', 'client')).toEqual(
      getObject(start, 'Pod', 'shop', 'client'),
    );
    await waitFor(() => expect(again.getState().progress.tasks[KEY]?.status).toBe('solved'));
  });

  it('sets aside a lesson in progress that does not read back, keeping the progress', () => {
    const storage = new MemoryStorage();
    const progress = {
      version: 1,
      tasks: { [KEY]: { status: 'solved', hintsUsed: 0, at: 1 } },
      skills: {},
      predictions: {},
    };
    storage.setItem(
      STORAGE_KEYS.lesson,
      JSON.stringify({
        schema: 2,
        mode: 'deep',
        progress,
        active: { id: lesson.id, start: { schema: 2, entries: 'nope' } },
      }),
    );
    const store = createLabStore({ storage });
    const s = store.getState();
    expect(s.activeLesson).toBeNull();
    expect(s.progress.tasks[KEY]?.status).toBe('solved');
    expect(s.notices.map((n) => n.text).join('\n')).toMatch(
      /^Part of your saved lesson progress could not be read \(the lesson in progress: .*\)\. It was set aside as "namespace-lab\.lesson\.set-aside\.\d+"; the rest is kept\.$/m,
    );
  });
});
