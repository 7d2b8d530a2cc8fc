/**
 * The exam's state machine, one transition at a time: start, goto, flag, save-work, tick, end,
 * restore (after a reload, before and after the deadline), attach/detach, credit and discard.
 * Clusters are stand-ins (a new cluster with a distinct sequence number) except where grading
 * needs a question's real start and solution.
 */
import { describe, expect, it, vi } from 'vitest';
import { loadLessons } from '../../../src/content/index.ts';
import { createCluster, type ClusterState } from '../../../src/engine/cluster/index.ts';
import {
  composeExam,
  gradeExam,
  questionStart,
  type Exam,
  type ExamQuestion,
} from '../../../src/learn/exam.ts';
import {
  examReducer,
  initialExamState,
  isRunning,
  sameWork,
  type ExamAction,
  type ExamState,
} from '../../../src/learn/exam-reducer.ts';
import { runCommands } from '../../../src/learn/run.ts';

const { lessons } = loadLessons();
const exam: Exam = composeExam(lessons, { preset: 'lightning', seed: 1 });
const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const MIN = 60_000;
const base = createCluster();
/** A distinct point of work. */
const work = (n: number): ClusterState => ({ ...base, seq: base.seq + n });

const run = (s: ExamState, ...actions: ExamAction[]) => actions.reduce(examReducer, s);
const started = (first: ClusterState | undefined = work(1)) =>
  examReducer(initialExamState(), { type: 'start', exam, now: T0, first });

function solved(q: ExamQuestion): ClusterState {
  const s = questionStart(q);
  if (!s.ok) throw new Error(s.error);
  const r = runCommands(s.state, q.task.solution, 'solution');
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

describe('start', () => {
  it('opens question 1 on its starting cluster with the clock running', () => {
    const first = work(1);
    const s = started(first);
    expect(isRunning(s)).toBe(true);
    expect(s.session!.deadline).toBe(T0 + 30 * MIN);
    expect(s.session!.visited).toEqual([true, false, false, false, false]);
    expect(s.work).toEqual([first, undefined, undefined, undefined, undefined]);
    expect(s.attached).toBe(true);
    expect(s.show).toMatchObject({ cluster: first, label: 'Exam: question 1' });
    expect(s.credited).toBe(false);
  });

  it('is ignored while an exam runs, and for an exam without questions', () => {
    const s = started();
    expect(examReducer(s, { type: 'start', exam, now: T0 + MIN, first: work(9) })).toBe(s);
    const none = initialExamState();
    expect(
      examReducer(none, {
        type: 'start',
        exam: { ...exam, questions: [] },
        now: T0,
        first: undefined,
      }),
    ).toBe(none);
  });

  it('without a starting cluster shows nothing and keeps no work', () => {
    const s = examReducer(initialExamState(), { type: 'start', exam, now: T0, first: undefined });
    expect(s.show).toBeNull();
    expect(s.attached).toBe(false);
    expect(examReducer(s, { type: 'save-work', cluster: work(5) })).toBe(s);
  });
});

describe('goto', () => {
  it('keeps the work on the question left and opens the next at its start', () => {
    const s = started(work(1));
    const start = vi.fn(() => work(20));
    const t = examReducer(s, { type: 'goto', question: 2, live: work(2), start });
    expect(start).toHaveBeenCalledTimes(1);
    expect(t.session!.current).toBe(2);
    expect(t.session!.visited).toEqual([true, false, true, false, false]);
    expect(t.work[0]).toEqual(work(2));
    expect(t.work[2]).toEqual(work(20));
    expect(t.show).toMatchObject({
      cluster: work(20),
      label: 'Exam: question 3',
      note: 'Exam: question 3 (your work on question 1 is kept).',
    });
  });

  it('coming back shows the kept work without building the start again', () => {
    const s = run(started(work(1)), {
      type: 'goto',
      question: 1,
      live: work(2),
      start: () => work(10),
    });
    const start = vi.fn(() => work(99));
    const back = examReducer(s, { type: 'goto', question: 0, live: work(11), start });
    expect(start).not.toHaveBeenCalled();
    expect(back.show?.cluster).toEqual(work(2));
    expect(back.work[1]).toEqual(work(11));
  });

  it('ignores the current question and positions out of range', () => {
    const s = started();
    for (const question of [0, -1, 5, 1.5])
      expect(examReducer(s, { type: 'goto', question, live: work(3), start: () => work(4) })).toBe(
        s,
      );
  });

  it('a question whose cluster cannot be built is opened, but the live cluster is not its work', () => {
    const s = examReducer(started(), {
      type: 'goto',
      question: 3,
      live: work(2),
      start: () => undefined,
    });
    expect(s.session!.current).toBe(3);
    expect(s.show).toBeNull();
    expect(s.attached).toBe(false);
    expect(examReducer(s, { type: 'save-work', cluster: work(7) }).work[3]).toBeUndefined();
  });
});

describe('flag and save-work', () => {
  it('flag toggles the current question only', () => {
    const s = run(started(), { type: 'flag' });
    expect(s.session!.flagged).toEqual([true, false, false, false, false]);
    expect(run(s, { type: 'flag' }).session!.flagged[0]).toBe(false);
  });

  it('save-work keeps the live cluster as the current question’s work while attached', () => {
    const s = run(started(), { type: 'save-work', cluster: work(3) });
    expect(s.work[0]).toEqual(work(3));
    const away = run(s, { type: 'detach' }, { type: 'save-work', cluster: work(4) });
    expect(away.work[0]).toEqual(work(3));
  });
});

describe('tick', () => {
  it('announces each alert mark once, as it is crossed', () => {
    let s = run(started(), { type: 'tick', now: T0 + 19 * MIN });
    expect(s.announcement).toBe('');
    s = run(s, { type: 'tick', now: T0 + 20 * MIN + 1_000 });
    expect(s.announcement).toBe('10 minutes left.');
    expect(s.lastLeft).toBe(10 * MIN - 1_000);
    s = run(s, { type: 'tick', now: T0 + 29 * MIN + 30_000 });
    expect(s.announcement).toBe('1 minute left.');
    expect(isRunning(s)).toBe(true);
  });

  it('at the deadline ends the exam by time, at the deadline', () => {
    const s = run(started(), { type: 'tick', now: T0 + 31 * MIN });
    expect(isRunning(s)).toBe(false);
    expect(s.session).toMatchObject({ endedAt: T0 + 30 * MIN, endedBy: 'time' });
    expect(s.announcement).toMatch(/^Time is up/);
    expect(s.attached).toBe(false);
  });
});

describe('end', () => {
  it('ends by the learner, keeping the live cluster as the last work', () => {
    const s = run(started(), { type: 'end', now: T0 + 4 * MIN, live: work(8) });
    expect(s.session).toMatchObject({ endedAt: T0 + 4 * MIN, endedBy: 'learner' });
    expect(s.work[0]).toEqual(work(8));
    expect(s.announcement).toBe('Exam ended.');
  });

  it('after the end nothing changes the exam any more', () => {
    const s = run(started(), { type: 'end', now: T0 + MIN, live: work(8) });
    for (const a of [
      { type: 'flag' },
      { type: 'save-work', cluster: work(9) },
      { type: 'goto', question: 1, live: work(9), start: () => work(10) },
      { type: 'end', now: T0 + 2 * MIN, live: work(9) },
      { type: 'tick', now: T0 + 40 * MIN },
    ] as ExamAction[])
      expect(examReducer(s, a)).toBe(s);
  });
});

describe('restore after a reload', () => {
  const saved = (s: ExamState) => ({ session: s.session!, work: s.work, credited: s.credited });

  it('before the deadline: running again at the same question, not yet attached', () => {
    const before = run(started(), {
      type: 'goto',
      question: 2,
      live: work(2),
      start: () => work(20),
    });
    const s = examReducer(initialExamState(), {
      type: 'restore',
      saved: saved(before),
      now: T0 + 5 * MIN,
    });
    expect(isRunning(s)).toBe(true);
    expect(s.session!.current).toBe(2);
    expect(s.attached).toBe(false);
    expect(s.show).toBeNull();
    expect(s.lastLeft).toBe(25 * MIN);
    expect(s.work).toEqual(before.work);
  });

  it('after the deadline: ended by time at the deadline, graded on the saved work', () => {
    const k = exam.questions.findIndex((q) => questionStart(q).ok);
    const q = exam.questions[k]!;
    let before = started(k === 0 ? solved(q) : work(1));
    if (k !== 0)
      before = run(before, { type: 'goto', question: k, live: work(1), start: () => solved(q) });
    const s = examReducer(initialExamState(), {
      type: 'restore',
      saved: saved(before),
      now: T0 + 31 * MIN,
    });
    expect(s.session).toMatchObject({ endedAt: T0 + 30 * MIN, endedBy: 'time' });
    expect(s.show).toBeNull();
    const report = gradeExam(s.session!.exam, s.work);
    expect(report.questions[k]!.solved).toBe(true);
    expect(report.questions.filter((g) => g.solved)).toHaveLength(1);
  });

  it('never replaces an exam already in memory', () => {
    const s = started(work(1));
    const other = run(started(work(2)), { type: 'flag' });
    expect(examReducer(s, { type: 'restore', saved: saved(other), now: T0 })).toBe(s);
  });

  it('pads missing work to the questions and drops work beyond them', () => {
    const s = examReducer(initialExamState(), {
      type: 'restore',
      saved: {
        ...saved(started()),
        work: [work(1), undefined, undefined, undefined, undefined, work(6)],
      },
      now: T0,
    });
    expect(s.work).toHaveLength(5);
  });
});

describe('attach and detach', () => {
  const restored = (now: number) => {
    const s = started(work(1));
    return examReducer(initialExamState(), {
      type: 'restore',
      saved: { session: s.session!, work: s.work, credited: false },
      now,
    });
  };

  it('attach brings the current question’s work back when the live cluster is something else', () => {
    const s = examReducer(restored(T0 + MIN), { type: 'attach', live: work(50), now: T0 + MIN });
    expect(s.attached).toBe(true);
    expect(s.show).toMatchObject({ cluster: work(1), label: 'Exam: question 1' });
    expect(s.show!.note).toMatch(/^Exam resumed at question 1/);
  });

  it('attach over the same work (a reloaded copy) shows nothing', () => {
    const copy = { ...work(1) };
    const s = examReducer(restored(T0 + MIN), { type: 'attach', live: copy, now: T0 + MIN });
    expect(sameWork(copy, work(1))).toBe(true);
    expect(s.show).toBeNull();
    expect(s.attached).toBe(true);
  });

  it('attach past the deadline ends the exam instead', () => {
    const s = examReducer(restored(T0 + MIN), {
      type: 'attach',
      live: work(50),
      now: T0 + 45 * MIN,
    });
    expect(s.session!.endedBy).toBe('time');
    expect(s.show).toBeNull();
  });
});

describe('credit and discard', () => {
  it('credit happens once, and only after the end', () => {
    const s = started();
    expect(examReducer(s, { type: 'credit' })).toBe(s);
    const e = run(s, { type: 'end', now: T0 + MIN, live: work(1) }, { type: 'credit' });
    expect(e.credited).toBe(true);
    expect(examReducer(e, { type: 'credit' })).toBe(e);
  });

  it('discard clears a finished exam but never a running one', () => {
    const s = started();
    expect(examReducer(s, { type: 'discard' })).toBe(s);
    const e = run(s, { type: 'end', now: T0 + MIN, live: work(1) }, { type: 'discard' });
    expect(e.session).toBeNull();
    expect(e.work).toEqual([]);
  });
});
