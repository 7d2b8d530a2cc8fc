/** The kubectl interpreter: `(state, argv) → {state, stdout, stderr, exitCode}`. */
export { createInterpreter, restrictTable, GLOBAL_FLAGS, type Interpreter } from './interpreter.ts';
export { runKubectl, runCommandLine, commandsAllowed } from './kubectl.ts';
export { parseCommandLine, splitWords } from './command-line.ts';
export { COMMANDS } from './commands/index.ts';
export { CORE_COMMANDS } from './commands/core.ts';
export type * from './types.ts';
export { formatTable, humanDuration } from './printers/table.ts';
export { toYaml, toJson, sortKeysDeep } from './printers/serialize.ts';
export { LOGIN_ALIASES, type ShellAliases } from './shell-aliases.ts';
