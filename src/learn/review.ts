/**
 * The mixed review that turns proficient into mastered (Khan Academy's ladder, pedagogy §2.1):
 * tasks drawn from lessons whose skills the learner has made proficient, at a later time,
 * interleaved so consecutive items come from different lessons and skills. The draw is
 * deterministic for a seed, so a session can be replayed and tested.
 */
import { interleave } from './recall.ts';
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

/** A small seeded generator (mulberry32): the same seed, the same review. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
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
  const rnd = random(opts.seed);
  const pools = shuffle(
    lessons
      .filter(
        (l) => l.status === 'ready' && l.tasks.length > 0 && l.skills.some((s) => skills.has(s)),
      )
      .map((l) => ({
        lesson: l,
        skill: l.skills.find((s) => skills.has(s))!,
        tasks: shuffle(
          l.tasks.map((_, i) => i),
          rnd,
        ),
      })),
    rnd,
  );
  const picked: { lesson: Lesson; skill: string; taskIndex: number }[] = [];
  // Round-robin over lessons, so a long lesson does not crowd out the others.
  for (let round = 0; picked.length < opts.count; round++) {
    const before = picked.length;
    for (const pool of pools) {
      if (picked.length >= opts.count) break;
      const t = pool.tasks[round];
      if (t !== undefined) picked.push({ lesson: pool.lesson, skill: pool.skill, taskIndex: t });
    }
    if (picked.length === before) break;
  }
  const bySkill = interleave(picked, (x) => x.skill);
  return interleave(bySkill, (x) => x.lesson.id).map((x) => ({
    lessonId: x.lesson.id,
    taskIndex: x.taskIndex,
  }));
}
