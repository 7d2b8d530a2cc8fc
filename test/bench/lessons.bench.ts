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
  composeExam,
  dueQueue,
  emptyRecall,
  gradeExam,
  lessonCards,
  questionStart,
  requestStory,
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
  // A fresh state object each run, as after a command: nothing cached for the old state helps.
  const t = measure(() => {
    const state = { ...b.state };
    return l.tasks.map((task) => checkTask(state, task, b.state));
  });
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

// The modes: drawing and grading an exam, a request's story for Visual mode, the due queue.
const all: Lesson[] = readdirSync('lessons')
  .filter((f) => f.endsWith('.yaml'))
  .flatMap((f) => {
    const r = parseLesson(readFileSync(join('lessons', f), 'utf8'), f);
    return r.ok ? [r.lesson] : [];
  });
const full = composeExam(all, { preset: 'full', seed: 7 });
console.log(
  `compose a full exam (${full.questions.length} questions): ${fmt(measure(() => composeExam(all, { preset: 'full', seed: 7 })))}`,
);
const starts = full.questions.map((q) => {
  const s = questionStart(q);
  return s.ok ? s.state : undefined;
});
console.log(
  `build every question's starting cluster: ${fmt(measure(() => full.questions.map(questionStart), 3, 1))}`,
);
console.log(`grade the full exam: ${fmt(measure(() => gradeExam(full, starts), 5, 1))}`);
const l3 = buildStartCluster(lessons.find((l) => l.id === 'reaching-across-namespaces')!);
if (l3.ok)
  console.log(
    `story of shop/client → http://db.data:5432: ${fmt(measure(() => requestStory(l3.state, 'shop/client', 'http://db.data:5432')))}`,
  );
const cards = lessonCards(all);
console.log(
  `due queue of ${cards.length} lesson cards: ${fmt(measure(() => dueQueue(cards, emptyRecall(), { now: Date.now() })))}`,
);
