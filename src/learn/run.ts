/**
 * Running a lesson against the engine: its starting cluster (manifests, then setup commands in
 * the learner's own kubectl syntax), its tasks' goals, its solution, and `verifyLesson`, the
 * proof every lesson must pass: goals not all met at the start, all met after the solution.
 */
import {
  applyToState,
  claimedAddresses,
  commandsAllowed,
  createCluster,
  createInterpreter,
  loadManifests,
  runCommandLine,
  type ClusterState,
  type Interpreter,
} from '../engine/index.ts';
import { checkGoal, type GoalResult } from './goals.ts';
import type { Lesson, LessonGoal, Task } from './types.ts';

export type BuildResult = { ok: true; state: ClusterState } | { ok: false; error: string };

/** The lesson's starting cluster, or why it cannot be built. */
export function buildStartCluster(lesson: Lesson): BuildResult {
  const { manifests, setup, networkPolicy } = lesson.cluster;
  const loaded = manifests.trim()
    ? loadManifests(manifests, `${lesson.file}#cluster.manifests`)
    : { ok: true as const, objects: [] };
  if (!loaded.ok) return { ok: false, error: `cluster.manifests: ${loaded.error}` };
  let state = createCluster({
    reservedAddresses: claimedAddresses(loaded.objects.map((l) => l.object)),
  });
  state = { ...state, settings: { ...state.settings, networkPolicy } };
  if (loaded.objects.length) {
    const r = applyToState(state, loaded.objects, { mode: 'apply', namespace: 'default' });
    const bad = r.outcomes.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.message));
    if (bad.length) return { ok: false, error: `cluster.manifests: ${bad.join('; ')}` };
    state = r.state;
  }
  const ran = runCommands(state, setup, 'cluster.setup');
  return ran;
}

/**
 * Where a task starts when it is taken on its own (a review, an exam question): the lesson's
 * starting cluster with the solutions of the tasks before it applied, since tasks build on
 * each other. Also returns the lesson's starting cluster, which `unchanged` goals compare with.
 */
export function taskStartState(
  lesson: Lesson,
  taskIndex: number,
): { ok: true; state: ClusterState; start: ClusterState } | { ok: false; error: string } {
  if (taskIndex < 0 || taskIndex >= lesson.tasks.length)
    return { ok: false, error: `${lesson.file}: no task ${taskIndex}` };
  const built = buildStartCluster(lesson);
  if (!built.ok) return built;
  let state = built.state;
  for (const [i, task] of lesson.tasks.slice(0, taskIndex).entries()) {
    const ran = runCommands(
      state,
      task.solution,
      `tasks[${i}].solution`,
      lessonInterpreter(lesson),
    );
    if (!ran.ok) return ran;
    state = ran.state;
  }
  return { ok: true, state, start: built.state };
}

const interpreters = new WeakMap<Lesson, Interpreter>();

/**
 * The interpreter the learner types into while the lesson runs: kubectl limited to the
 * lesson's `allowedCommands` (the whole of kubectl when it names none). Solutions and
 * demonstrations run in it too, so a lesson cannot need a command it does not offer.
 */
export function lessonInterpreter(lesson: Lesson): Interpreter {
  let it = interpreters.get(lesson);
  if (!it)
    interpreters.set(
      lesson,
      (it = createInterpreter(commandsAllowed(lesson.allowedCommands).commands)),
    );
  return it;
}

/** Runs commands in order; the first that fails (non-zero exit) stops the run. */
export function runCommands(
  state: ClusterState,
  commands: readonly string[],
  field: string,
  interpreter: Pick<Interpreter, 'runCommandLine'> = { runCommandLine },
): BuildResult {
  let cur = state;
  for (const [i, cmd] of commands.entries()) {
    const r = interpreter.runCommandLine(cur, cmd.trim());
    if (r.exitCode !== 0) {
      const first = cmd.trim().split('\n')[0];
      return {
        ok: false,
        error: `${field}[${i}]: \`${first}\` exited ${r.exitCode}: ${(r.stderr || r.stdout).trim()}`,
      };
    }
    cur = r.state;
  }
  return { ok: true, state: cur };
}

/** One goal's verdict, with the goal it is about. */
export interface CheckedGoal {
  goal: LessonGoal;
  result: GoalResult;
}

/** A task's goals checked against the cluster. */
export interface TaskStatus {
  task: Task;
  goals: CheckedGoal[];
  done: boolean;
}

/**
 * The copy a `given` list makes of a cluster, once per cluster state: goals of one task often
 * share the same given commands, and states are immutable, so the copy can be reused.
 */
const givenCopies = new WeakMap<ClusterState, Map<string, BuildResult>>();

function givenState(state: ClusterState, given: readonly string[]): BuildResult {
  const key = given.join('\u0000');
  let copies = givenCopies.get(state);
  if (!copies) givenCopies.set(state, (copies = new Map()));
  let ran = copies.get(key);
  if (!ran) copies.set(key, (ran = runCommands(state, given, 'given')));
  return ran;
}

/**
 * One goal against the cluster. A goal with `given` is checked on a copy changed by those
 * commands (states are immutable, so the learner's cluster stays as it was); a given command
 * that fails fails the goal with the command's own error.
 */
export function checkLessonGoal(
  state: ClusterState,
  goal: LessonGoal,
  start: ClusterState,
): GoalResult {
  if (!goal.given?.length) return checkGoal(state, goal.goal, { start });
  const ran = givenState(state, goal.given);
  if (!ran.ok)
    return {
      pass: false,
      observed: `could not set up the check: ${ran.error}`,
      detail: `could not set up the check: ${ran.error}`,
      decidedBy: { summary: 'a given command failed on a copy of the cluster' },
    };
  return checkGoal(ran.state, goal.goal, { start });
}

/** Checks every goal of a task. */
export function checkTask(state: ClusterState, task: Task, start: ClusterState): TaskStatus {
  const goals = task.goals.map((goal) => ({
    goal,
    result: checkLessonGoal(state, goal, start),
  }));
  return { task, goals, done: goals.every((g) => g.result.pass) };
}

/** Checks a list of goals (a predict question's proof). */
export function checkGoals(
  state: ClusterState,
  goals: readonly LessonGoal[],
  start: ClusterState,
): CheckedGoal[] {
  return goals.map((goal) => ({ goal, result: checkLessonGoal(state, goal, start) }));
}

/**
 * The proof of a lesson, as problems (empty when it holds): the cluster builds; the predict
 * question's proof holds and its demo exits as declared; each task's goals are not all met
 * before its solution and all met after it (tasks run in order, each on the previous one's end state).
 */
export function verifyLesson(lesson: Lesson): string[] {
  if (lesson.status === 'coming-soon') return [];
  const f = lesson.file;
  const built = buildStartCluster(lesson);
  if (!built.ok) return [`${f}: ${built.error}`];
  const start = built.state;
  const problems: string[] = [];
  const p = lesson.predict;
  if (p) {
    for (const [i, c] of checkGoals(start, p.proof, start).entries())
      if (!c.result.pass)
        problems.push(
          `${f}: predict.proof[${i}] (${c.goal.title}) does not hold on the starting cluster: ${c.result.detail}`,
        );
    if (p.demo !== undefined && p.demoExit !== undefined) {
      const r = lessonInterpreter(lesson).runCommandLine(start, p.demo);
      if (r.exitCode !== p.demoExit)
        problems.push(
          `${f}: predict.demo exited ${r.exitCode}, the lesson says ${p.demoExit}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`,
        );
    }
  }
  let state = start;
  for (const [i, task] of lesson.tasks.entries()) {
    const before = checkTask(state, task, start);
    if (before.done)
      problems.push(
        `${f}: tasks[${i}] (${task.id}): every goal is already met before the solution`,
      );
    const ran = runCommands(
      state,
      task.solution,
      `tasks[${i}].solution`,
      lessonInterpreter(lesson),
    );
    if (!ran.ok) {
      problems.push(`${f}: ${ran.error}`);
      break;
    }
    state = ran.state;
    const after = checkTask(state, task, start);
    for (const [j, g] of after.goals.entries())
      if (!g.result.pass)
        problems.push(
          `${f}: tasks[${i}].goals[${j}] (${g.goal.title}) is not met after the solution: ${g.result.detail}`,
        );
  }
  return problems;
}
