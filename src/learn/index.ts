/**
 * Lessons: the model, its validation, goal checks against the engine, verification and progress;
 * the learning modes, flashcards and their schedule, the mixed review, exams, request stories.
 */
export * from './model.ts';
export {
  parseLesson,
  readLesson,
  checkLessonSet,
  GOAL_KINDS,
  type ParseResult,
} from './validate.ts';
export {
  checkGoal,
  verdictDecider,
  type GoalResult,
  type DecidedBy,
  type CheckContext,
} from './goals.ts';
export {
  buildStartCluster,
  lessonInterpreter,
  taskStartState,
  runCommands,
  checkTask,
  checkGoals,
  verifyLesson,
  type BuildResult,
  type CheckedGoal,
  type TaskStatus,
} from './run.ts';
export { getPath, parsePath, subsetMatches } from './fields.ts';
export * from './recall.ts';
export * from './deck.ts';
export * from './review.ts';
export * from './exam.ts';
export * from './story.ts';
export * from './mixing.ts';
