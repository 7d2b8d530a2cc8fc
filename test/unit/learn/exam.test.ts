/**
 * Exam mode's pure half: the pool, seeded interleaved composition, weights, per-check grading
 * on the end state (computed by the engine from the lessons' own solutions, never hard-coded),
 * and the saved session read back or refused.
 */
import { describe, expect, it } from 'vitest';
import { loadLessons } from '../../../src/content/index.ts';
import { runCommandLine } from '../../../src/engine/kubectl/index.ts';
import {
  EXAM_PRESETS,
  composeExam,
  examPool,
  gradeExam,
  gradeQuestion,
  questionStart,
  sessionFromSaved,
  sessionToSaved,
  startExam,
  type Exam,
  type ExamQuestion,
} from '../../../src/learn/exam.ts';
import { runCommands } from '../../../src/learn/run.ts';
import type { ClusterState } from '../../../src/engine/cluster/index.ts';

const { lessons } = loadLessons();
const pool = examPool(lessons);

function solved(q: ExamQuestion): ClusterState {
  const s = questionStart(q);
  if (!s.ok) throw new Error(s.error);
  const r = runCommands(s.state, q.task.solution, 'solution');
  if (!r.ok) throw new Error(r.error);
  return r.state;
}

function find(lessonId: string, taskId: string): ExamQuestion {
  const q = pool.find((x) => x.lesson.id === lessonId && x.task.id === taskId);
  if (!q) throw new Error(`${lessonId}/${taskId} not in the pool`);
  return q;
}

describe('the pool', () => {
  it('holds every task of every ready lesson, challenge, expert or project file, and nothing else', () => {
    const expected = lessons
      .filter(
        (l) =>
          l.status === 'ready' && ['lesson', 'challenge', 'expert', 'project'].includes(l.kind),
      )
      .reduce((n, l) => n + l.tasks.length, 0);
    expect(pool.length).toBe(expected);
    expect(pool.length).toBeGreaterThanOrEqual(10);
    expect(pool.some((q) => q.lesson.kind === 'myth' || q.lesson.kind === 'card')).toBe(false);
  });

  it('weights a question by its checks plus the difficulty of its kind', () => {
    // The rule documented on ExamQuestion.weight.
    const bonus: Record<string, number> = { lesson: 0, challenge: 1, expert: 2, project: 2 };
    for (const q of pool) expect(q.weight).toBe(q.task.goals.length + bonus[q.lesson.kind]!);
  });

  it('names the namespaces a question is about in its context line', () => {
    const q = find('pitfall-no-isolation', 'isolate');
    expect(q.context).toBe(
      'Cluster: "Fix it: the tenants are not isolated" · namespaces: tenant-a, tenant-b',
    );
  });
});

describe('composeExam', () => {
  it.each([1, 7, 42, 2026])('is deterministic for seed %i', (seed) => {
    const ids = (e: Exam) => e.questions.map((q) => `${q.lesson.id}/${q.task.id}`);
    expect(ids(composeExam(lessons, { preset: 'full', seed }))).toEqual(
      ids(composeExam(lessons, { preset: 'full', seed })),
    );
  });

  it('draws different exams for different seeds', () => {
    const sets = new Set(
      [1, 2, 3, 4, 5, 6].map((seed) =>
        composeExam(lessons, { preset: 'lightning', seed })
          .questions.map((q) => `${q.lesson.id}/${q.task.id}`)
          .join(' '),
      ),
    );
    expect(sets.size).toBeGreaterThan(1);
  });

  it.each(EXAM_PRESETS.map((p) => [p.id, p] as const))(
    '%s: the preset size, distinct questions, and no two of a topic in a row',
    (id, preset) => {
      for (let seed = 0; seed < 20; seed++) {
        const exam = composeExam(lessons, { preset: id, seed });
        expect(exam.questions.length).toBe(Math.min(preset.questions, pool.length));
        expect(exam.minutes).toBe(preset.minutes);
        expect(exam.passMark).toBe(preset.passMark);
        const keys = exam.questions.map((q) => `${q.lesson.id}/${q.task.id}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (let i = 1; i < exam.questions.length; i++)
          expect(exam.questions[i]!.topic, `seed ${seed}, q${i + 1}`).not.toBe(
            exam.questions[i - 1]!.topic,
          );
      }
    },
  );

  it('a lightning lab spans as many topics as it has questions', () => {
    const topics = new Set(pool.map((q) => q.topic));
    const exam = composeExam(lessons, { preset: 'lightning', seed: 3 });
    expect(new Set(exam.questions.map((q) => q.topic)).size).toBe(
      Math.min(topics.size, exam.questions.length),
    );
  });
});

describe('gradeQuestion', () => {
  it.each(pool.map((q) => [`${q.lesson.id}/${q.task.id}`, q] as const))(
    '%s: the reference solution scores full marks; untouched scores none of its must-change checks',
    (_, q) => {
      const full = gradeQuestion(q, solved(q));
      expect(full.error).toBeUndefined();
      expect(full.solved).toBe(true);
      expect(full.checks.every((c) => c.pass)).toBe(true);
      expect(full.points).toBeCloseTo(q.weight);
      const none = gradeQuestion(q, undefined);
      const mustChange = none.checks.filter((c) => c.role === 'must-change');
      expect(mustChange.length).toBeGreaterThan(0);
      expect(mustChange.every((c) => !c.pass)).toBe(true);
      // Guards already hold, but doing nothing earns nothing.
      expect(none.points).toBe(0);
      expect(none.solved).toBe(false);
    },
  );

  it('an over-broad fix (allow all ingress) fails the must-not-reach check and gets partial credit', () => {
    const q = find('networkpolicy-across-namespaces', 'allow-shop');
    const s = questionStart(q);
    if (!s.ok) throw new Error(s.error);
    const r = runCommandLine(
      s.state,
      `kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: allow-all, namespace: data}
spec:
  podSelector: {}
  ingress:
  - {}
EOF`,
    );
    expect(r.exitCode).toBe(0);
    const g = gradeQuestion(q, r.state);
    const intruder = g.checks.find((c) => c.title.startsWith('guest/intruder'))!;
    expect(intruder.role).toBe('guard');
    expect(intruder.pass).toBe(false);
    expect(intruder.points).toBe(0);
    expect(intruder.detail).toMatch(/succeeds/);
    expect(g.checks.find((c) => c.title.startsWith('shop/client'))!.pass).toBe(true);
    expect(g.solved).toBe(false);
    expect(g.points).toBeGreaterThan(0);
    expect(g.points).toBeLessThan(q.weight);
    // Every check is worth the same share of the question.
    expect(g.points).toBeCloseTo(
      (q.weight * g.checks.filter((c) => c.pass).length) / g.checks.length,
    );
  });
});

describe('gradeExam', () => {
  const exam = composeExam(lessons, { preset: 'lightning', seed: 11 });

  it('sums the weights, and the total is the weighted share of checks passed', () => {
    const finals = exam.questions.map((q, i) => (i < 2 ? solved(q) : undefined));
    const report = gradeExam(exam, finals);
    const weights = exam.questions.map((q) => q.weight);
    const total = weights.reduce((a, b) => a + b, 0);
    expect(report.maxPoints).toBe(total);
    expect(report.questions.reduce((s, q) => s + q.maxPoints, 0)).toBe(total);
    for (const q of report.questions)
      expect(q.checks.reduce((s, c) => s + c.maxPoints, 0)).toBeCloseTo(q.maxPoints);
    expect(report.points).toBeCloseTo(weights[0]! + weights[1]!);
    expect(report.percent).toBeCloseTo((100 * (weights[0]! + weights[1]!)) / total);
    expect(report.passed).toBe(report.percent >= exam.passMark);
  });

  it('passes with every question solved and fails with none', () => {
    expect(gradeExam(exam, exam.questions.map(solved))).toMatchObject({
      percent: 100,
      passed: true,
    });
    expect(gradeExam(exam, [])).toMatchObject({ percent: 0, passed: false });
  });
});

describe('saved sessions', () => {
  const exam = composeExam(lessons, { preset: 'lightning', seed: 5 });

  it('read back as the same exam and clock', () => {
    const s = { ...startExam(exam, 1_000), current: 2 };
    s.flagged[3] = true;
    const back = sessionFromSaved(JSON.parse(JSON.stringify(sessionToSaved(s))), lessons);
    if (!back.ok) throw new Error(back.reason);
    expect(back.session.deadline).toBe(1_000 + 30 * 60_000);
    expect(back.session.current).toBe(2);
    expect(back.session.flagged[3]).toBe(true);
    expect(back.session.exam.questions.map((q) => q.task.id)).toEqual(
      exam.questions.map((q) => q.task.id),
    );
  });

  it.each([
    ['not an object', 'x'],
    ['another version', { version: 2 }],
    [
      'a missing lesson',
      { ...sessionToSaved(startExam(exam, 0)), questions: [{ lesson: 'gone', task: 't' }] },
    ],
    ['a position out of range', { ...sessionToSaved(startExam(exam, 0)), current: 99 }],
    ['a bad clock', { ...sessionToSaved(startExam(exam, 0)), deadline: 'soon' }],
    ['marks of the wrong length', { ...sessionToSaved(startExam(exam, 0)), flagged: [true] }],
  ])('refuse %s with a reason', (_, data) => {
    const r = sessionFromSaved(data, lessons);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).not.toBe('');
  });
});
