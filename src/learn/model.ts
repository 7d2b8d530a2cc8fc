/**
 * The learning model without the engine's interpreter: lesson types, progress and mastery,
 * the modes, the flashcard schedule's saved form, and the exam's session and state machine.
 * The store reads and saves these on the first screen; goal checks and lesson runs (which
 * need the interpreter) are in index.ts.
 */
export type * from './types.ts';
export { LESSON_KINDS } from './types.ts';
export * from './progress.ts';
export {
  MODES,
  SUGGESTED_PATH,
  modePreset,
  modeForKind,
  type ModeId,
  type ModePreset,
} from './modes.ts';
export * from './recall-schedule.ts';
export * from './exam-model.ts';
export * from './exam-session.ts';
export * from './exam-reducer.ts';
