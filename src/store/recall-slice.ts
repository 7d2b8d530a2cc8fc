/**
 * The recall slice: the flashcard schedule (one FSRS record per card), saved with the recall
 * record. Rating a card is src/learn's `rateCard`, passed in as an update.
 */
import type { StateCreator } from 'zustand/vanilla';
import { emptyRecall, type RecallState } from '../learn/model.ts';
import type { LabState } from './lab-store.ts';

export interface RecallSlice {
  recall: RecallState;
  /** Applies one change to the schedule (a pure function of the schedule before it). */
  updateRecall: (f: (r: RecallState) => RecallState) => void;
}

export function createRecallSlice(
  saved: RecallState | undefined,
): StateCreator<LabState, [], [], RecallSlice> {
  return (set, get) => ({
    recall: saved ?? emptyRecall(),
    updateRecall: (f) => {
      const next = f(get().recall);
      if (next !== get().recall) set({ recall: next });
    },
  });
}
