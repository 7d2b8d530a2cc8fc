/**
 * Lesson credit, whether the panel is open or not: after every change to the cluster while a
 * lesson is active, its tasks are checked against the engine and those whose goals all hold
 * are credited (src/learn's creditTasks: once earned, credit stays). The goal checks and the
 * lessons load on demand, the first time a lesson is active, so the first screen stays light.
 */
import type { Lesson, TaskStatus } from '../learn/index.ts';
import type { ClusterState } from '../engine/model.ts';
import type { LabState, LabStore } from './lab-store.ts';
import { creditTasks } from '../learn/model.ts';

/** What crediting needs: the lessons and the goal check (both loaded with the learning panel). */
export interface LessonChecker {
  lessons: readonly Lesson[];
  checkTask: (
    state: ClusterState,
    task: Lesson['tasks'][number],
    start: ClusterState,
  ) => TaskStatus;
}

let checker: Promise<LessonChecker> | undefined;

function loadChecker(): Promise<LessonChecker> {
  checker ??= Promise.all([import('../content/index.ts'), import('../learn/index.ts')]).then(
    ([content, learn]) => ({ lessons: content.loadLessons().lessons, checkTask: learn.checkTask }),
  );
  return checker;
}

/** The progress after crediting the active lesson's tasks met in the current cluster. */
export function creditActiveLesson(
  s: LabState,
  c: LessonChecker,
  at: number,
): LabState['progress'] {
  const active = s.activeLesson;
  const lesson = active && c.lessons.find((l) => l.id === active.id);
  if (!active || !lesson) return s.progress;
  const done = lesson.tasks
    .filter((t) => c.checkTask(s.cluster, t, active.start).done)
    .map((t) => t.id);
  return creditTasks(s.progress, lesson, done, active.hints, at);
}

/** Re-checks the active lesson after every change to the cluster or to the lesson itself. */
export function startLessonCredit(store: LabStore): void {
  const check = (reloaded: boolean) => {
    if (!store.getState().activeLesson) return;
    void loadChecker().then((c) => {
      const s = store.getState();
      const progress = creditActiveLesson(s, c, Date.now());
      if (progress !== s.progress) store.setState({ progress });
      // A reload brings the lesson back, and its limit on the terminal's commands with it.
      const lesson = reloaded && c.lessons.find((l) => l.id === s.activeLesson?.id);
      if (lesson && lesson.allowedCommands && !s.commandLimit)
        store.setState({ commandLimit: { lesson: lesson.id, commands: lesson.allowedCommands } });
    });
  };
  store.subscribe((s, prev) => {
    if (s.cluster !== prev.cluster || s.activeLesson !== prev.activeLesson) check(false);
  });
  // Work saved before a reload is credited as soon as the lessons are at hand.
  check(true);
}
