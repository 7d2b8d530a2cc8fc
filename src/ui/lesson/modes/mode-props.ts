/**
 * What every learning mode is given: the lessons, the live cluster, the bridge to the
 * simulator, and the learner's progress (a mode's own saved state, such as the flashcard
 * schedule or an exam in progress, is in the store, which saves it). Modes differ only in what they disclose and how much
 * help they give (see src/learn/modes.ts); they share this one workspace.
 */
import type { ClusterState } from '../../../engine/index.ts';
import type { Lesson, ModePreset, Progress } from '../../../learn/index.ts';

/** How a mode reaches the simulator. */
export interface LessonBridge {
  /** The cluster now. */
  getCluster: () => ClusterState;
  /** Replaces the cluster with the lesson's starting cluster; false (with a reason) if it failed. */
  load: (lesson: Lesson) => { ok: true } | { ok: false; error: string };
  /** Runs one command line in the terminal (it shows there, as if typed). */
  run: (command: string) => void;
  /**
   * Replaces the cluster with one built elsewhere (a task's start, an exam question's saved
   * work) as one undoable step; `note` is printed in the terminal.
   */
  restore: (state: ClusterState, label: string, note?: string) => void;
  /** Shows a connection test on the diagram (`from` is `namespace/pod`), focused. */
  showConnection?: (from: string, url: string) => void;
}

export interface ModeProps {
  lessons: readonly Lesson[];
  /** The live cluster: a mode re-checks whatever it shows whenever this changes. */
  cluster: ClusterState;
  bridge: LessonBridge;
  progress: Progress;
  updateProgress: (f: (p: Progress) => Progress) => void;
  preset: ModePreset;
}
