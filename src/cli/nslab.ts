/**
 * `nslab`: load `-f` files into a fresh simulated cluster, run one command (or a script of
 * commands), print what kubectl would print and exit with its code. DESIGN.md specifies the
 * contract exactly.
 */
import {
  applyToState,
  clusterOptionsFor,
  createCluster,
  loadManifests,
  parseCommandLine,
  runKubectl,
  type ClusterState,
  type CommandResult,
  type LoadedObject,
} from '../engine/index.ts';
import { filesFor, readManifestPath } from './files.ts';
import { lessonsCommand } from './lessons.ts';

export interface CliOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE = `Usage: nslab [-f FILE]... COMMAND...
       nslab [-f FILE]... script FILE [-o jsonl]

Loads every -f file (YAML, JSON or kind: List) into a fresh simulated cluster and runs one
kubectl-style command against it: get, describe, apply, create, delete, label, run, expose,
exec, auth can-i, probe, resolve, explain, who-can, ...
`;

/** Splits leading `-f FILE` options from the command. */
function splitLeadingFiles(
  argv: readonly string[],
): { files: string[]; command: string[] } | { error: string } {
  const files: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const a = argv[i]!;
    if (a === '-f' || a === '--filename') {
      if (i + 1 >= argv.length) return { error: 'error: flag needs an argument: -f' };
      files.push(argv[i + 1]!);
      i += 2;
    } else if (a.startsWith('--filename=')) {
      files.push(a.slice(11));
      i++;
    } else break;
  }
  return { files, command: argv.slice(i) };
}

/** A fresh cluster holding the given files, or the load error. */
export function clusterFromFiles(
  paths: readonly string[],
): { state: ClusterState } | { error: string } {
  const loaded: LoadedObject[] = [];
  for (const p of paths) {
    const files: Record<string, string> = {};
    if (!readManifestPath(p, files)) return { error: `error: the path "${p}" does not exist` };
    for (const [name, text] of Object.entries(files)) {
      const r = loadManifests(text, name);
      if (!r.ok) return { error: r.error };
      loaded.push(...r.objects);
    }
  }
  const state = createCluster(clusterOptionsFor(loaded.map((l) => l.object)));
  if (loaded.length === 0) return { state };
  const { state: next, outcomes } = applyToState(state, loaded, {
    mode: 'apply',
    namespace: 'default',
  });
  const failures = outcomes.filter((o) => !o.ok).map((o) => (o.ok ? '' : o.message));
  if (failures.length > 0) return { error: failures.join('\n') };
  return { state: next };
}

function runOne(state: ClusterState, argv: readonly string[], stdin?: string): CommandResult {
  return runKubectl(state, argv, {
    files: filesFor(argv),
    ...(stdin === undefined ? {} : { stdin }),
  });
}

/** Runs a script: each non-empty, non-comment line (a here-document may span lines). */
function runScript(state: ClusterState, text: string, jsonl: boolean): CliOutput {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let stdout = '';
  const stderr = '';
  let exitCode = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    let command = lines[i]!;
    if (command.trim() === '' || command.trim().startsWith('#')) continue;
    const here = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/.exec(command);
    if (here) {
      const end = lines.findIndex((l, j) => j > i && l.trim() === here[1]);
      const last = end < 0 ? lines.length - 1 : end;
      command = lines.slice(i, last + 1).join('\n');
      i = last;
    }
    const parsed = parseCommandLine(command.trim());
    const result: CommandResult = parsed.ok
      ? runOne(state, parsed.argv, parsed.stdin)
      : { state, stdout: '', stderr: `bash: ${parsed.error}\n`, exitCode: 2 };
    state = result.state;
    exitCode = result.exitCode;
    if (jsonl) {
      stdout +=
        JSON.stringify({
          line: lineNo,
          command: command.trim(),
          exit: result.exitCode,
          stdout: result.stdout,
          stderr: result.stderr,
        }) + '\n';
    } else {
      stdout += `$ ${command.trim()}\n${result.stdout}`;
      if (result.stderr) stdout += result.stderr;
    }
  }
  return { stdout, stderr, exitCode };
}

/** The whole CLI as a function of argv and a file reader, so tests can call it in-process. */
export function nslab(
  argv: readonly string[],
  readText: (path: string) => string | undefined,
): CliOutput {
  const split = splitLeadingFiles(argv);
  if ('error' in split) return { stdout: '', stderr: `${split.error}\n`, exitCode: 1 };
  const { files, command } = split;
  if (
    command.length === 0 ||
    command[0] === '--help' ||
    command[0] === '-h' ||
    command[0] === 'help'
  ) {
    return { stdout: USAGE, stderr: '', exitCode: command.length === 0 ? 1 : 0 };
  }
  if (command[0] === 'lessons' && files.length === 0) return lessonsCommand(command.slice(1));
  const cluster = clusterFromFiles(files);
  if ('error' in cluster) return { stdout: '', stderr: `${cluster.error}\n`, exitCode: 1 };
  if (command[0] === 'script') {
    const path = command[1];
    const rest = command.slice(2);
    const jsonl =
      rest.join(' ') === '-o jsonl' ||
      rest.join(' ') === '--output jsonl' ||
      rest.includes('-ojsonl') ||
      rest.includes('--output=jsonl');
    if (!path) return { stdout: '', stderr: 'error: script needs a FILE\n', exitCode: 1 };
    if (rest.length > 0 && !jsonl)
      return {
        stdout: '',
        stderr: `error: unknown script option: ${rest.join(' ')}\n`,
        exitCode: 1,
      };
    const text = readText(path);
    if (text === undefined)
      return { stdout: '', stderr: `error: the path "${path}" does not exist\n`, exitCode: 1 };
    return runScript(cluster.state, text, jsonl);
  }
  const result = runOne(cluster.state, command);
  return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
}
