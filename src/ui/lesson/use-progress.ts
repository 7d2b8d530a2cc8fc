/** The learner's progress, kept in localStorage (or memory when storage is blocked or absent). */
import { useCallback, useState } from 'react';
import { emptyProgress, parseProgress, type Progress } from '../../learn/index.ts';

export const PROGRESS_KEY = 'nslab.lessons.progress';

export function useProgress(storage: Storage | null) {
  const [progress, setProgress] = useState<Progress>(() => {
    try {
      return parseProgress(storage?.getItem(PROGRESS_KEY)).progress;
    } catch {
      return emptyProgress();
    }
  });
  const update = useCallback(
    (f: (p: Progress) => Progress) =>
      setProgress((p) => {
        const next = f(p);
        try {
          storage?.setItem(PROGRESS_KEY, JSON.stringify(next));
        } catch {
          // Storage full or blocked: progress stays in memory for this visit.
        }
        return next;
      }),
    [storage],
  );
  return [progress, update] as const;
}
