/**
 * The lesson slice: the learning mode the panel shows and the learner's progress (tasks,
 * skills, predictions). Both are saved with the lesson record; the reducers that change
 * progress live in src/learn (recordSolved, recordPrediction…), passed in as updates.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { ModeId } from '../learn/modes.ts';
import { emptyProgress, type Progress } from '../learn/progress.ts';
import type { LabState } from './lab-store.ts';
import { DEFAULT_MODE, type LessonRecord } from './saved-records.ts';

export interface LessonSlice {
  mode: ModeId;
  progress: Progress;
  setMode: (mode: ModeId) => void;
  /** Applies one change to the progress (a pure function of the progress before it). */
  updateProgress: (f: (p: Progress) => Progress) => void;
}

export function createLessonSlice(
  saved: LessonRecord | undefined,
): StateCreator<LabState, [], [], LessonSlice> {
  return (set, get) => ({
    mode: saved?.mode ?? DEFAULT_MODE,
    progress: saved?.progress ?? emptyProgress(),
    setMode: (mode) => set({ mode }),
    updateProgress: (f) => {
      const next = f(get().progress);
      if (next !== get().progress) set({ progress: next });
    },
  });
}
