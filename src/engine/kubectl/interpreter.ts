/**
 * The interpreter: finds the command in its table, parses flags (global ones anywhere on
 * the line, as cobra allows), resolves the namespace and identity, runs the command, and
 * guarantees that a failure — or a bug — leaves the cluster exactly as it was. The table is
 * a parameter: a lesson may offer a subset of kubectl, and the rest is an unknown command.
 */
import type { ClusterState } from '../cluster/index.ts';
import { parseCommandLine, splitWords } from './command-line.ts';
import { parseFlags } from './flags.ts';
import { requestUser } from './identity.ts';
import { useContext } from './kubeconfig.ts';
import { aliasBuiltin, expandAlias, LOGIN_ALIASES } from './shell-aliases.ts';
import type { Command, CommandIO, CommandResult, FlagSpec } from './types.ts';

/** Flags every command accepts (kubectl's persistent flags that the simulator honours). */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    description: 'If present, the namespace scope for this CLI request',
    valueKind: 'namespace',
  },
  {
    name: 'as',
    type: 'string',
    description:
      'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.',
  },
  {
    name: 'as-group',
    type: 'strings',
    description:
      'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.',
  },
  { name: 'help', short: 'h', type: 'bool', description: 'help for this command' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use' },
  {
    name: 'request-timeout',
    type: 'string',
    description: 'The length of time to wait before giving up on a single server request.',
  },
];

const globalWithValue = new Set([
  '-n',
  '--namespace',
  '--as',
  '--as-group',
  '--context',
  '--request-timeout',
]);

export function findCommand(table: readonly Command[], word: string): Command | undefined {
  return table.find((c) => c.name === word || c.aliases?.includes(word));
}

function helpText(table: readonly Command[], cmd: Command | undefined, path: string): string {
  if (!cmd) {
    const lines = table.map((c) => `  ${c.name.padEnd(14)}${c.short}`);
    return `kubectl controls the Kubernetes cluster manager (simulated by Namespace Lab).\n\nCommands:\n${lines.join('\n')}\n\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\n`;
  }
  const subs = cmd.subcommands?.map((c) => `  ${c.name.padEnd(22)}${c.short}`).join('\n');
  const flags = [...cmd.flags, ...GLOBAL_FLAGS]
    .map(
      (f) =>
        `    ${f.short ? `-${f.short}, ` : ''}--${f.name}${f.type === 'bool' ? '' : '=...'}:\n\t${f.description}`,
    )
    .join('\n\n');
  return `${cmd.short}\n\n${subs ? `Available Commands:\n${subs}\n\n` : ''}Options:\n${flags}\n\nUsage:\n  ${cmd.usage}\n\nUse "${path} --help" for more information.\n`;
}

function fail(state: ClusterState, stderr: string, exitCode = 1): CommandResult {
  return { state, stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode };
}

/** An interpreter over one command table. */
export interface Interpreter {
  commands: readonly Command[];
  /** Runs one kubectl command given as argv (a leading `kubectl` word is ignored). */
  runKubectl: (state: ClusterState, argv: readonly string[], io?: CommandIO) => CommandResult;
  /** Runs one typed line (quotes, heredoc and `cat <<EOF |` pipes understood). */
  runCommandLine: (state: ClusterState, text: string, io?: CommandIO) => CommandResult;
}

/** The interpreter over a command table (kubectl.ts makes the one over kubectl's whole table). */
export function createInterpreter(commands: readonly Command[]): Interpreter {
  const interpreter: Interpreter = {
    commands,
    runKubectl: (state, argv, io = {}) => runWith(interpreter, state, argv, io),
    runCommandLine: (state, text, io = {}) => {
      const line = parseCommandLine(text);
      if (!line.ok) return fail(state, `bash: ${line.error}`, 2);
      const aliases = io.aliases ?? LOGIN_ALIASES;
      const argv = expandAlias(line.argv, aliases, (t) => {
        const w = splitWords(t);
        return w.ok ? w.words : undefined;
      });
      if (argv.length === 0) return { state, stdout: '', stderr: '', exitCode: 0 };
      if (argv[0] === 'alias' || argv[0] === 'unalias') {
        const r = aliasBuiltin(argv[0], argv.slice(1), aliases);
        return {
          state,
          stdout: r.stdout,
          stderr: r.stderr,
          exitCode: r.exitCode,
          aliases: r.aliases,
        };
      }
      const { aliases: _shellOnly, ...kubectlIO } = io;
      return interpreter.runKubectl(
        state,
        argv,
        line.stdin === undefined ? kubectlIO : { ...kubectlIO, stdin: line.stdin },
      );
    },
  };
  return interpreter;
}

/** The commands of a table that `names` name (by name or alias), in the table's order. */
export function restrictTable(table: readonly Command[], names: readonly string[]): Command[] {
  return table.filter((c) => names.some((n) => c.name === n || c.aliases?.includes(n)));
}

function runWith(
  it: Interpreter,
  state: ClusterState,
  argv: readonly string[],
  io: CommandIO,
): CommandResult {
  const table = it.commands;
  const words = argv[0] === 'kubectl' ? argv.slice(1) : [...argv];
  // Locate the command word: the first word that is not a global flag or its value.
  let at = 0;
  while (at < words.length && words[at]!.startsWith('-'))
    at += globalWithValue.has(words[at]!) ? 2 : 1;
  if (at >= words.length) {
    if (words.length > 0 && !words.some((w) => w === '-h' || w === '--help')) {
      const parsed = parseFlags(words, GLOBAL_FLAGS, 'kubectl');
      if (!parsed.ok) return fail(state, parsed.error);
    }
    return { state, stdout: helpText(table, undefined, 'kubectl'), stderr: '', exitCode: 0 };
  }
  const cmd = findCommand(table, words[at]!);
  if (!cmd) {
    return fail(
      state,
      `error: unknown command "${words[at]}" for "kubectl"\nRun 'kubectl --help' for usage.`,
    );
  }
  let leaf: Command = cmd;
  let path = `kubectl ${cmd.name}`;
  let rest = [...words.slice(0, at), ...words.slice(at + 1)];
  if (cmd.subcommands) {
    const idx = rest.findIndex(
      (w, i) => !w.startsWith('-') && !(i > 0 && globalWithValue.has(rest[i - 1]!)),
    );
    const sub = idx >= 0 ? findCommand(cmd.subcommands, rest[idx]!) : undefined;
    if (sub) {
      leaf = sub;
      path = `${path} ${sub.name}`;
      rest = [...rest.slice(0, idx), ...rest.slice(idx + 1)];
    } else if (!cmd.run) {
      if (idx >= 0 && !rest.includes('--help') && !rest.includes('-h')) {
        return fail(
          state,
          `error: unknown command "${rest[idx]}" for "${path}"\nRun '${path} --help' for usage.`,
        );
      }
      return {
        state,
        stdout: helpText(table, cmd, path),
        stderr: '',
        exitCode: rest.includes('--help') || rest.includes('-h') ? 0 : 0,
      };
    }
  }
  const specs = [
    ...leaf.flags,
    ...GLOBAL_FLAGS.filter(
      (g) => !leaf.flags.some((f) => f.name === g.name || (g.short && f.short === g.short)),
    ),
  ];
  const parsed = parseFlags(rest, specs, path);
  if (!parsed.ok) return fail(state, parsed.error);
  const { flags, args } = parsed.parsed;
  if (flags.help === true || !leaf.run)
    return { state, stdout: helpText(table, leaf, path), stderr: '', exitCode: 0 };
  // --context runs this one command under another context of the kubeconfig.
  const contextFlag = typeof flags.context === 'string' ? flags.context : '';
  const other = contextFlag ? useContext(state.context, contextFlag) : state.context;
  if (!other)
    return fail(state, `error: context was not found for specified context: ${contextFlag}`);
  const under: ClusterState = other === state.context ? state : { ...state, context: other };
  const nsFlag = typeof flags.namespace === 'string' ? flags.namespace : undefined;
  if (nsFlag === '')
    return fail(state, 'error: a resource cannot be retrieved by name across all namespaces');
  const user = requestUser(under, flags);
  if (!user.ok) return fail(state, user.error);
  // Time passes: objects created by this command are one second younger than the last ones.
  const before: ClusterState = { ...under, clock: state.clock + 1000 };
  try {
    const out = leaf.run({
      state: before,
      path,
      args,
      rest: parsed.parsed.rest,
      dashDash: parsed.parsed.dashDash,
      flags,
      namespace: nsFlag ?? under.context.namespace,
      namespaceExplicit: nsFlag !== undefined,
      user: user.user,
      io,
      kubectl: it.runKubectl,
    });
    if (out.needs?.length) return { state, stdout: '', stderr: '', exitCode: 0, needs: out.needs };
    const stdout = out.stdout ?? '';
    const stderr = out.stderr ?? '';
    // Only a change to objects lets the clock move on; settings and context changes keep it.
    let next = !out.state
      ? state
      : out.state.objects === before.objects
        ? { ...out.state, clock: state.clock }
        : out.state;
    // The kubeconfig's current context stays what it was, unless the command itself changed it.
    if (under !== state && next.context === under.context)
      next = { ...next, context: state.context };
    return {
      state: next,
      stdout,
      stderr: stderr && !stderr.endsWith('\n') ? `${stderr}\n` : stderr,
      exitCode: out.exitCode ?? 0,
      ...(out.edit ? { edit: out.edit } : {}),
      ...(out.requests?.length ? { requests: out.requests } : {}),
    };
  } catch (e) {
    // A thrown exception is a simulator bug: report it, keep the cluster as it was.
    return fail(
      state,
      `error: internal simulator error in "${path}": ${(e as Error)?.message ?? String(e)}`,
    );
  }
}
