/**
 * The exam slice: the exam in progress as src/learn's state machine (examReducer), which the
 * Exam tab drives by dispatching actions. The slice adds what the reducer leaves out: the
 * cluster it asks to show is restored as one undoable step, a saved exam is checked against
 * the lessons when they are at hand, and the questions solved are credited to the progress.
 */
import type { StateCreator } from 'zustand/vanilla';
import {
  examReducer,
  initialExamState,
  recordSolved,
  type ExamAction,
  type ExamState,
  type Lesson,
} from '../learn/model.ts';
import type { ExamReport } from '../learn/index.ts';
import type { LabState } from './lab-store.ts';
import { withNotice } from './layout-slice.ts';
import { hydrateExam, type SavedExam } from './saved-records.ts';

/** The exam's clock; tests replace `now` to move time without waiting. */
export const examClock = { now: (): number => Date.now() };

export interface ExamSlice {
  exam: ExamState;
  /** An exam read from storage, not yet checked against the lessons (the Exam tab does that). */
  savedExam: SavedExam | null;
  /** Runs one transition; a cluster it asks to show replaces the live one (Undo brings it back). */
  dispatchExam: (action: ExamAction) => void;
  /** The Exam tab opened: bring back a saved exam, then the current question's work. */
  resumeExam: (lessons: readonly Lesson[]) => void;
  /** Records each question the report found solved as a mixed review, once per exam. */
  creditExam: (report: ExamReport) => void;
}

export function createExamSlice(init: {
  saved: SavedExam | undefined;
  /** Sets the saved exam aside when it does not fit the lessons; the message to show. */
  setAside: (reason: string) => string;
}): StateCreator<LabState, [], [], ExamSlice> {
  return (set, get) => {
    const dispatchExam = (action: ExamAction) => {
      const prev = get().exam;
      const next = examReducer(prev, action);
      if (next === prev) return;
      set({ exam: next });
      if (next.show && next.show !== prev.show)
        get().restore(next.show.cluster, next.show.label, next.show.note);
    };
    return {
      exam: initialExamState(),
      savedExam: init.saved ?? null,
      dispatchExam,

      resumeExam(lessons) {
        const saved = get().savedExam;
        if (saved) {
          set({ savedExam: null });
          const h = hydrateExam(saved, lessons);
          if (h.ok) dispatchExam({ type: 'restore', saved: h.record, now: examClock.now() });
          else set({ notices: withNotice(get().notices, 'warning', init.setAside(h.reason)) });
        }
        dispatchExam({ type: 'attach', live: get().cluster, now: examClock.now() });
      },

      creditExam(report) {
        const { exam } = get();
        const at = exam.session?.endedAt;
        if (at === undefined || exam.credited) return;
        let progress = get().progress;
        // A question fully solved under exam conditions is a mixed review of its lesson's skills.
        for (const g of report.questions)
          if (g.solved)
            progress = recordSolved(progress, {
              lessonId: g.question.lesson.id,
              taskId: g.question.task.id,
              skills: g.question.lesson.skills,
              hintsUsed: 0,
              at,
              review: true,
            });
        set({ progress, exam: examReducer(exam, { type: 'credit' }) });
      },
    };
  };
}
