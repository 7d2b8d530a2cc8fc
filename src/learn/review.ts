/**
 * The mixed review that turns proficient into mastered (Khan Academy's ladder, pedagogy §2.1):
 * tasks drawn from lessons whose skills the learner has made proficient, at a later time,
 * interleaved so consecutive items come from different lessons and skills. The draw is
 * deterministic for a seed, so a session can be replayed and tested.
 */
import { interleave, roundRobin, seededRandom, shuffled } from './mixing.ts';
import type { Progress } from './progress.ts';
import type { Lesson } from './types.ts';

/** One review item: a task taken on its own, from its own start state (run.ts taskStartState). */
export interface ReviewItem {
  lessonId: string;
  taskIndex: number;
}

/** Skills at proficient (not yet mastered) since before `now`: what a review can master. */
export function reviewableSkills(p: Progress, now: number): string[] {
  return Object.entries(p.skills)
    .filter(
      ([, s]) => s.level === 'proficient' && s.proficientAt !== undefined && s.proficientAt < now,
    )
    .map(([k]) => k)
    .sort();
}

/**
 * Up to `count` tasks from ready lessons that practise a reviewable skill: one task per
 * lesson before any lesson gives a second, then ordered so no two neighbours share a lesson
 * or (when avoidable) a first skill.
 */
export function pickReview(
  lessons: readonly Lesson[],
  progress: Progress,
  opts: { now: number; count: number; seed: number },
): ReviewItem[] {
  const skills = new Set(reviewableSkills(progress, opts.now));
  const rnd = seededRandom(opts.seed);
  const lessonsToReview = shuffled(
    lessons.filter(
      (l) => l.status === 'ready' && l.tasks.length > 0 && l.skills.some((s) => skills.has(s)),
    ),
    rnd,
  );
  const pools = lessonsToReview.map((lesson) => {
    const skill = lesson.skills.find((s) => skills.has(s))!;
    return shuffled(
      lesson.tasks.map((_, taskIndex) => ({ lesson, skill, taskIndex })),
      rnd,
    );
  });
  const picked = roundRobin(pools, opts.count);
  const bySkill = interleave(picked, (x) => x.skill);
  return interleave(bySkill, (x) => x.lesson.id).map((x) => ({
    lessonId: x.lesson.id,
    taskIndex: x.taskIndex,
  }));
}
