/**
 * The lesson slice: the learning mode the panel shows, the learner's progress (tasks, skills,
 * predictions) and the lesson whose cluster is loaded. Mode and progress are saved with the
 * lesson record; the reducers that change progress live in src/learn (recordSolved,
 * recordPrediction…), passed in as updates.
 */
import type { StateCreator } from 'zustand/vanilla';
import { globalKey, listObjects, type ClusterState, type KubeObject } from '../engine/model.ts';
// Deep import on purpose: the first screen needs only the cluster model, not the interpreter.
import { emptyProgress, type Lesson, type ModeId, type Progress } from '../learn/model.ts';
import type { LabState } from './lab-store.ts';
import { DEFAULT_MODE, type LessonRecord } from './saved-records.ts';

/**
 * The lesson whose starting cluster was loaded last, that cluster (goals compare with it) and
 * the learner's help so far. Saved with the lesson record, so closing the panel or reloading
 * resumes it; the lesson stays active until another is started.
 */
export interface ActiveLesson {
  id: string;
  start: ClusterState;
  /** Hint rungs opened, by task id. */
  hints: Readonly<Record<string, number>>;
  /** Tasks the learner has checked: from then on their unmet goals show what is expected. */
  checked: readonly string[];
}

/** A lesson just started: no hints opened, nothing checked. */
export function freshActiveLesson(id: string, start: ClusterState): ActiveLesson {
  return { id, start, hints: {}, checked: [] };
}

export interface LessonSlice {
  mode: ModeId;
  progress: Progress;
  activeLesson: ActiveLesson | null;
  setMode: (mode: ModeId) => void;
  /** Applies one change to the progress (a pure function of the progress before it). */
  updateProgress: (f: (p: Progress) => Progress) => void;
  /**
   * Replaces the cluster with a lesson's starting cluster (as `buildStartCluster` makes it, the
   * function the lesson tests prove) as one undoable step, and makes it the active lesson.
   */
  startLesson: (lesson: Lesson, start: ClusterState) => void;
  /** Opens the next hint rung of a task of the active lesson. */
  openHint: (taskId: string) => void;
  /** The learner checked a task of the active lesson: its goals now show what they expect. */
  markChecked: (taskId: string) => void;
}

/** The terminal's line for a loaded lesson: what it put in the cluster, and how to go back. */
export function lessonLoadedNote(lesson: Lesson, start: ClusterState): string {
  // What the lesson added: every new cluster already holds the built-in objects.
  const own = (objects: KubeObject[]) => objects.filter((o) => !start.builtin.has(globalKey(o)));
  const namespaces = own(listObjects(start, 'Namespace')).map((n) => n.metadata.name);
  const pods = own(listObjects(start, 'Pod')).length;
  const parts = [
    ...(namespaces.length ? [`namespaces ${namespaces.join(', ')}`] : []),
    ...(pods ? [`${pods} pod${pods === 1 ? '' : 's'}`] : []),
    ...(start.settings.networkPolicy === 'not-enforcing'
      ? ['a network plugin that does not enforce NetworkPolicy']
      : []),
  ];
  return (
    `Lesson "${lesson.title}": its starting cluster is loaded` +
    (parts.length ? ` (${parts.join('; ')})` : '') +
    '. Undo brings back the cluster you had.' +
    (lesson.allowedCommands
      ? `\nThis lesson's terminal offers only: kubectl ${lesson.allowedCommands.join(', ')}.`
      : '')
  );
}

export function createLessonSlice(
  saved: LessonRecord | undefined,
): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get) => ({
    mode: saved?.mode ?? DEFAULT_MODE,
    progress: saved?.progress ?? emptyProgress(),
    activeLesson: saved?.active ?? null,
    setMode: (mode) => set({ mode }),
    updateProgress: (f) => {
      const next = f(get().progress);
      if (next !== get().progress) set({ progress: next });
    },
    startLesson: (lesson, start) => {
      get().restore(start, `Lesson: ${lesson.title}`, lessonLoadedNote(lesson, start));
      set({
        activeLesson: freshActiveLesson(lesson.id, start),
        ...(lesson.allowedCommands
          ? { commandLimit: { lesson: lesson.id, commands: lesson.allowedCommands } }
          : {}),
      });
    },
    openHint: (taskId) => {
      const a = get().activeLesson;
      if (a)
        set({
          activeLesson: { ...a, hints: { ...a.hints, [taskId]: (a.hints[taskId] ?? 0) + 1 } },
        });
    },
    markChecked: (taskId) => {
      const a = get().activeLesson;
      if (a && !a.checked.includes(taskId))
        set({ activeLesson: { ...a, checked: [...a.checked, taskId] } });
    },
  });
}
