/**
 * The mixed review (pedagogy §2.1 Khan row, §5.4: mastered = proficient, then right again in a
 * later mixed review): which tasks it draws, interleaving, determinism for a seed, and that
 * solving an item without hints masters the skill while hints demote it (progress.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  emptyProgress,
  recordSolved,
  skillMastery,
  taskStartState,
  checkTask,
  runCommands,
  type Lesson,
  type Progress,
} from '../../../src/learn/index.ts';
import { pickReview, reviewableSkills } from '../../../src/learn/review.ts';
import { loadLessons } from '../../../src/content/index.ts';

function lesson(id: string, skills: string[], tasks: number, extra: Partial<Lesson> = {}): Lesson {
  return {
    id,
    file: `${id}.yaml`,
    kind: 'lesson',
    status: 'ready',
    order: 1,
    title: id,
    concept: 'c',
    prose: 'p',
    skills,
    covers: [],
    cluster: { manifests: '', setup: [], networkPolicy: 'enforcing' },
    tasks: Array.from({ length: tasks }, (_, i) => ({
      id: `t${i}`,
      title: `task ${i}`,
      description: 'd',
      goals: [],
      hints: ['h'],
      solution: ['kubectl get ns'],
    })),
    takeaway: 't',
    ...extra,
  };
}

function proficient(skills: string[], at: number): Progress {
  let p = emptyProgress();
  for (const s of skills)
    p = recordSolved(p, { lessonId: 'x', taskId: s, skills: [s], hintsUsed: 0, at });
  return p;
}

const LESSONS = [
  lesson('dns', ['dns.fqdn'], 3),
  lesson('netpol', ['netpol.and-or'], 3),
  lesson('rbac', ['rbac.binding-scope'], 2),
  lesson('soon', ['dns.fqdn'], 0, { status: 'coming-soon' }),
  lesson('untouched', ['mesh.mtls'], 2),
];

describe('pickReview', () => {
  const p = proficient(['dns.fqdn', 'netpol.and-or', 'rbac.binding-scope'], 100);

  it('draws only tasks of lessons whose skills are proficient since before now', () => {
    const items = pickReview(LESSONS, p, { now: 200, count: 20, seed: 1 });
    expect(new Set(items.map((i) => i.lessonId))).toEqual(new Set(['dns', 'netpol', 'rbac']));
    expect(items).toHaveLength(8);
    // Each task at most once.
    expect(new Set(items.map((i) => `${i.lessonId}/${i.taskIndex}`)).size).toBe(8);
  });

  it('nothing is reviewable at the moment it became proficient, nor once mastered', () => {
    expect(pickReview(LESSONS, p, { now: 100, count: 5, seed: 1 })).toEqual([]);
    expect(reviewableSkills(p, 100)).toEqual([]);
    const mastered = recordSolved(p, {
      lessonId: 'dns',
      taskId: 't0',
      skills: ['dns.fqdn'],
      hintsUsed: 0,
      at: 150,
      review: true,
    });
    expect(skillMastery(mastered, 'dns.fqdn')).toBe('mastered');
    expect(reviewableSkills(mastered, 200)).toEqual(['netpol.and-or', 'rbac.binding-scope']);
    expect(
      pickReview(LESSONS, mastered, { now: 200, count: 9, seed: 1 }).map((i) => i.lessonId),
    ).not.toContain('dns');
  });

  it('mixes lessons: a short review takes one task per lesson, and neighbours differ', () => {
    const three = pickReview(LESSONS, p, { now: 200, count: 3, seed: 7 });
    expect(three.map((i) => i.lessonId).sort()).toEqual(['dns', 'netpol', 'rbac']);
    for (const seed of [1, 2, 3, 4, 5]) {
      const items = pickReview(LESSONS, p, { now: 200, count: 8, seed });
      for (let i = 1; i < items.length; i++)
        expect(items[i]!.lessonId).not.toBe(items[i - 1]!.lessonId);
    }
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = pickReview(LESSONS, p, { now: 200, count: 8, seed: 42 });
    expect(pickReview(LESSONS, p, { now: 200, count: 8, seed: 42 })).toEqual(a);
    const others = [1, 2, 3, 4, 5].map((seed) =>
      JSON.stringify(pickReview(LESSONS, p, { now: 200, count: 8, seed })),
    );
    expect(others.some((o) => o !== JSON.stringify(a))).toBe(true);
  });
});

describe('a review item on the real lessons', () => {
  const { lessons } = loadLessons();
  const l3 = lessons.find((l) => l.id === 'reaching-across-namespaces')!;

  it('starts unsolved from its own start state, and its solution solves it', () => {
    const p = proficient(l3.skills, 1);
    const [item] = pickReview(lessons, p, { now: 2, count: 1, seed: 3 });
    const l = lessons.find((x) => x.id === item!.lessonId)!;
    const start = taskStartState(l, item!.taskIndex);
    if (!start.ok) throw new Error(start.error);
    const task = l.tasks[item!.taskIndex]!;
    expect(checkTask(start.state, task, start.start).done).toBe(false);
    const ran = runCommands(start.state, task.solution, 'solution');
    if (!ran.ok) throw new Error(ran.error);
    expect(checkTask(ran.state, task, start.start).done).toBe(true);
  });

  it('solving without hints masters the skill; with hints it drops to familiar', () => {
    const p = proficient(['dns.fqdn'], 1);
    const ev = { lessonId: l3.id, taskId: l3.tasks[0]!.id, skills: l3.skills, at: 5, review: true };
    expect(skillMastery(recordSolved(p, { ...ev, hintsUsed: 0 }), 'dns.fqdn')).toBe('mastered');
    expect(skillMastery(recordSolved(p, { ...ev, hintsUsed: 1 }), 'dns.fqdn')).toBe('familiar');
  });
});
