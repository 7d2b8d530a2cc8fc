// @vitest-environment jsdom
/**
 * Each slice of the store on its own: its state starts as documented and its actions change
 * only what they name. The cluster and terminal slices' commands are in store.test.tsx.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryStorage } from './setup.ts';
import { loadLessons } from '../../src/content/index.ts';
import { getObject } from '../../src/engine/index.ts';
import {
  buildStartCluster,
  composeExam,
  emptyProgress,
  gradeExam,
  questionStart,
  rateCard,
  recordSolved,
  runCommands,
} from '../../src/learn/index.ts';
import {
  createLabStore,
  lessonLoadedNote,
  loadRuntime,
  STORAGE_KEYS,
} from '../../src/store/index.ts';

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

describe('startLesson', () => {
  const lesson = loadLessons().lessons.find((l) => l.id === 'reaching-across-namespaces')!;
  const built = () => {
    const b = buildStartCluster(lesson);
    if (!b.ok) throw new Error(b.error);
    return b.state;
  };

  it('puts the lesson’s start in place as one undoable step and makes it the active lesson', () => {
    const store = fresh();
    const before = store.getState().cluster;
    const start = built();
    store.getState().startLesson(lesson, start);
    expect(store.getState().cluster).toBe(start);
    expect(store.getState().activeLesson).toEqual({ id: lesson.id, start, hints: {}, checked: [] });
    store.getState().undo();
    expect(store.getState().cluster).toBe(before);
  });

  it('the terminal note names what the lesson added, and a plugin that does not enforce policy', () => {
    const start = built();
    expect(lessonLoadedNote(lesson, start)).toMatch(/\(namespaces .*shop.*; \d+ pods\)/);
    expect(lessonLoadedNote(lesson, start)).not.toMatch(/kube-system|default/);
    const flannel = {
      ...start,
      settings: { ...start.settings, networkPolicy: 'not-enforcing' as const },
    };
    expect(lessonLoadedNote(lesson, flannel)).toMatch(
      /; a network plugin that does not enforce NetworkPolicy\)/,
    );
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

describe('the exam slice', () => {
  const { lessons } = loadLessons();
  const exam = composeExam(lessons, { preset: 'lightning', seed: 1 });
  const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
  const q0 = exam.questions[0]!;
  const start0 = () => {
    const st = questionStart(q0);
    if (!st.ok) throw new Error(st.error);
    return st.state;
  };

  it('starting shows question 1 as one undoable step, with a note in the terminal', () => {
    const store = fresh();
    const before = store.getState().cluster;
    store.getState().dispatchExam({ type: 'start', exam, now: T0, first: start0() });
    const s = store.getState();
    expect(s.cluster).toBe(s.exam.work[0]);
    expect(s.entries.at(-1)?.label).toBe('Exam: question 1');
    expect(s.terminal.at(-1)?.text).toMatch(/^Exam started: question 1/);
    s.undo();
    expect(store.getState().cluster).toBe(before);
  });

  it('a transition that changes nothing leaves the store alone', () => {
    const store = fresh();
    const before = store.getState();
    store.getState().dispatchExam({ type: 'flag' });
    expect(store.getState()).toBe(before);
  });

  it('credits the solved questions to the progress once, as a mixed review', () => {
    const store = fresh();
    const solved = runCommands(start0(), q0.task.solution, 'solution');
    if (!solved.ok) throw new Error(solved.error);
    store.getState().dispatchExam({ type: 'start', exam, now: T0, first: solved.state });
    const ended = T0 + 60_000;
    store.getState().dispatchExam({ type: 'end', now: ended, live: store.getState().cluster });
    const { session, work } = store.getState().exam;
    const report = gradeExam(session!.exam, work);
    store.getState().creditExam(report);
    const key = `${q0.lesson.id}/${q0.task.id}`;
    expect(store.getState().progress.tasks[key]).toEqual({
      status: 'solved',
      hintsUsed: 0,
      at: ended,
    });
    expect(store.getState().exam.credited).toBe(true);
    const progress = store.getState().progress;
    store.getState().creditExam(report);
    expect(store.getState().progress).toBe(progress);
  });

  it('is saved at each change and removed when a finished exam is discarded', () => {
    const storage = new MemoryStorage();
    const store = createLabStore({ storage });
    store.getState().dispatchExam({ type: 'start', exam, now: T0, first: start0() });
    expect(JSON.parse(storage.getItem(STORAGE_KEYS.exam)!).session.deadline).toBe(T0 + 30 * 60_000);
    store.getState().run('kubectl create namespace exam-work');
    store.getState().dispatchExam({ type: 'save-work', cluster: store.getState().cluster });
    const again = createLabStore({ storage });
    again.getState().resumeExam(lessons);
    expect(
      getObject(again.getState().exam.work[0]!, 'Namespace', undefined, 'exam-work'),
    ).toBeDefined();
    store.getState().dispatchExam({ type: 'end', now: T0 + 1, live: store.getState().cluster });
    store.getState().dispatchExam({ type: 'discard' });
    expect(storage.getItem(STORAGE_KEYS.exam)).toBeNull();
    // Each part is its own record: the exam's saves write no other.
    expect(storage.getItem(STORAGE_KEYS.lesson)).toBeNull();
  });
});
