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

/** The lesson whose starting cluster was loaded last, and that cluster (goals compare with it). */
export interface ActiveLesson {
  id: string;
  start: ClusterState;
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
    activeLesson: null,
    setMode: (mode) => set({ mode }),
    updateProgress: (f) => {
      const next = f(get().progress);
      if (next !== get().progress) set({ progress: next });
    },
    startLesson: (lesson, start) => {
      get().restore(start, `Lesson: ${lesson.title}`, lessonLoadedNote(lesson, start));
      set({
        activeLesson: { id: lesson.id, start },
        ...(lesson.allowedCommands
          ? { commandLimit: { lesson: lesson.id, commands: lesson.allowedCommands } }
          : {}),
      });
    },
  });
}
