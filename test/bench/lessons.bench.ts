/**
 * Lessons: how long re-checking a lesson's goals takes after each change (the runner does it
 * on every command, so it should stay well under a frame budget of ~16 ms), how long building
 * a starting cluster takes, and the whole `lessons verify` over lessons/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildStartCluster,
  checkTask,
  parseLesson,
  verifyLesson,
  type Lesson,
} from '../../src/learn/index.ts';
import { fmt, measure } from './measure.ts';

const lessons: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => {
    const r = parseLesson(readFileSync(join('lessons', f), 'utf8'), f);
    return r.ok && r.lesson.status === 'ready' && r.lesson.tasks.length ? [r.lesson] : [];
  });

let worst = { id: '', ms: 0, goals: 0 };
for (const l of lessons) {
  const b = buildStartCluster(l);
  if (!b.ok) continue;
  const goals = l.tasks.reduce((n, t) => n + t.goals.length, 0);
  const t = measure(() => l.tasks.map((task) => checkTask(b.state, task, b.state)));
  if (t.medianMs > worst.ms) worst = { id: l.id, ms: t.medianMs, goals };
  console.log(`check all goals of ${l.id} (${goals} goals): ${fmt(t)}`);
}
console.log(`slowest re-check: ${worst.id}, ${worst.ms.toFixed(1)} ms for ${worst.goals} goals`);
console.log(
  `build the starting cluster of lesson 4: ${fmt(measure(() => buildStartCluster(lessons[3]!)))}`,
);
console.log(
  `verify every lesson: ${fmt(measure(() => lessons.forEach((l) => verifyLesson(l)), 3, 1))}`,
);
