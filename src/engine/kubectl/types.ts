/**
 * The kubectl interpreter's contract: one pure function from (cluster, argv) to the next
 * cluster plus what kubectl would print and its exit code. Commands form a table; each
 * command is one file exporting a `Command`.
 */
import type { ClusterState } from '../cluster/index.ts';
import type { RRType } from '../dns/index.ts';
import type { ConnectResult, ResolveResult } from '../routing/index.ts';
import type { ShellAliases } from './shell-aliases.ts';

/**
 * A request a command made from inside a pod, with the engine's verdict on it: curl or wget
 * (`connect`), a name lookup (`resolve`), kubectl dialing the API server (`apiCall`). Front
 * ends draw and explain these; they never parse the command line again.
 */
export type RequestRecord =
  | {
      kind: 'connect';
      /** `namespace/pod` the request left from. */
      from: string;
      url: string;
      /** curl -m / wget -T, when given. */
      timeoutSeconds?: number;
      result: ConnectResult;
    }
  | { kind: 'resolve'; from: string; name: string; type: RRType; result: ResolveResult }
  | {
      kind: 'apiCall';
      from: string;
      /** The API server URL dialed (the in-cluster address unless --server was given). */
      server: string;
      result: ConnectResult;
    };

/** The result of running one command line. */
export interface CommandResult {
  state: ClusterState;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** `kubectl edit`: the object to open in an editor, for a front end that has one. */
  edit?: EditTarget;
  /** The requests the command made from inside pods, in order (exec … curl, nslookup, kubectl). */
  requests?: RequestRecord[];
  /**
   * Commands the line reached that this table names but does not implement yet (deferred):
   * nothing was done; run the line again with the whole table.
   */
  needs?: readonly string[];
  /** The shell's aliases after an `alias`/`unalias` line changed them (keep them for the next line). */
  aliases?: ShellAliases;
}

/** An object by kind (`Service`), namespace (absent when cluster-scoped) and name. */
export interface EditTarget {
  kind: string;
  namespace?: string;
  name: string;
}

/** What the command can read besides argv: stdin (`-f -`, heredocs) and named files (`-f FILE`). */
export interface CommandIO {
  stdin?: string;
  files?: Readonly<Record<string, string>>;
  /** The terminal's aliases for a typed line; LOGIN_ALIASES (`k=kubectl`) when absent. */
  aliases?: ShellAliases;
}

export type FlagType = 'bool' | 'string' | 'strings' | 'int';

/** What a command's positional arguments name, for completion: `TYPE [NAME…]` or `TYPE/NAME`, or a pod. */
export type ArgKind = 'resource' | 'pod';

/** One flag, as cobra/pflag declares it. */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  description: string;
  default?: string | boolean | number;
  /** pflag's NoOptDefVal: the value when the flag is given bare (`--dry-run` means "unchanged"). */
  noOptDefVal?: string;
  /** The values the flag takes, when they are a fixed set (`-o json|yaml|…`), for completion. */
  values?: readonly string[];
  /** What the value names, when it names an object (`-n NAMESPACE`), for completion. */
  valueKind?: 'namespace';
}

/** Parsed flag values by long name; `strings` flags collect every occurrence. */
export type FlagValues = Record<string, string | boolean | number | string[] | undefined>;

/** The identity a request runs as: the context's user, or who `--as`/`--as-group` names. */
export interface RequestUser {
  username: string;
  groups: string[];
  /** True when the identity came from --as/--as-group (impersonation). */
  impersonated: boolean;
}

/** Everything a command's `run` gets. */
export interface CommandContext {
  state: ClusterState;
  /** The command path as typed (`create deployment`), for messages. */
  path: string;
  /** Positional arguments after the command (and subcommand) name, before `--`. */
  args: string[];
  /** Arguments after a literal `--` (exec's command). */
  rest: string[];
  /** True when argv contained a literal `--`. */
  dashDash: boolean;
  flags: FlagValues;
  /** `-n`, else the context's namespace. */
  namespace: string;
  namespaceExplicit: boolean;
  user: RequestUser;
  io: CommandIO;
  /** The interpreter running this command (its command table), for commands that run kubectl again. */
  kubectl: (state: ClusterState, argv: readonly string[], io?: CommandIO) => CommandResult;
}

/** What `run` returns: the next state (omitted when unchanged) and output. */
export interface CommandOutput {
  state?: ClusterState;
  stdout?: string;
  stderr?: string;
  exitCode?: number;
  edit?: EditTarget;
  requests?: RequestRecord[];
  needs?: readonly string[];
}

/** A command's name, usage and flags: what a table knows of it before its implementation is loaded. */
export type CommandSpec = Omit<Command, 'run'>;

/** One kubectl verb (or nslab extension). Subcommands (create deployment, auth can-i) nest. */
export interface Command {
  name: string;
  aliases?: readonly string[];
  /** One line shown in help. */
  short: string;
  usage: string;
  flags: readonly FlagSpec[];
  /** What the positional arguments name (completion offers types, names or pods). */
  args?: ArgKind;
  subcommands?: readonly Command[];
  /** Absent for a command that only groups subcommands. */
  run?: (ctx: CommandContext) => CommandOutput;
}
