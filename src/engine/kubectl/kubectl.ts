/**
 * kubectl itself: the interpreter over the whole command table, and the subsets a lesson may
 * offer. The interpreter (interpreter.ts) knows no table of its own.
 */
import { COMMANDS } from './commands/index.ts';
import { createInterpreter, findCommand, restrictTable } from './interpreter.ts';
import type { Command } from './types.ts';

/**
 * The top-level commands a lesson allows (by name or alias); `undefined` allows all. Words
 * that name no command are returned in `unknown`, for the lesson validator.
 */
export function commandsAllowed(names: readonly string[] | undefined): {
  commands: readonly Command[];
  unknown: string[];
} {
  if (!names) return { commands: COMMANDS, unknown: [] };
  const unknown = names.filter((n) => !findCommand(COMMANDS, n));
  return { commands: restrictTable(COMMANDS, names), unknown };
}

const kubectl = createInterpreter(COMMANDS);

/** Runs one kubectl command given as argv with kubectl's whole command table. */
export const runKubectl = kubectl.runKubectl;

/** Runs one typed line with kubectl's whole command table. */
export const runCommandLine = kubectl.runCommandLine;
