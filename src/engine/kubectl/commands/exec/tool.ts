/** The contract of a simulated program run inside a container by `kubectl exec`. */
import type { ClusterState, Pod, Stored } from '../../../cluster/index.ts';
import type { CommandIO, CommandResult, RequestRecord } from '../../types.ts';

/** Runs kubectl (argv) against a cluster: the interpreter the exec command itself runs in. */
export type KubectlRunner = (
  state: ClusterState,
  argv: readonly string[],
  io?: CommandIO,
) => CommandResult;

/** Where a tool runs: the cluster, the pod and the container. */
export interface ToolContext {
  state: ClusterState;
  pod: Stored<Pod>;
  container: string;
  /** True with `exec -it`: the program's output goes to a terminal (curl shows no progress meter). */
  tty?: boolean;
  /** The kubectl binary in the container: the same interpreter (and command table). */
  kubectl: KubectlRunner;
}

/** What the program printed, its exit status, and the cluster if running it changed it. */
export interface ToolResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  state?: ClusterState;
  /** The requests the program made, with their verdicts. */
  requests?: RequestRecord[];
  /** Commands the program reached (kubectl in the pod) that the table does not carry yet. */
  needs?: readonly string[];
}

/** `namespace/name` of the pod a tool runs in. */
export function podKey(ctx: ToolContext): string {
  return `${ctx.pod.metadata.namespace ?? 'default'}/${ctx.pod.metadata.name}`;
}

export type Tool = (ctx: ToolContext, args: readonly string[]) => ToolResult;

/** Short and long options of a getopt-style tool; `value` options take an argument. */
export interface OptionSpec {
  short?: string;
  long?: string;
  value?: boolean;
  key: string;
}

export type ParsedOptions =
  | { ok: true; values: Map<string, string[]>; positional: string[] }
  | { ok: false; kind: 'unknown' | 'missing'; option: string };

/** Parses getopt-style options: combined shorts (`-sSm2`), `--long value`, `--long=value` when allowed. */
export function parseOptions(
  args: readonly string[],
  specs: readonly OptionSpec[],
  opts: { longEquals?: boolean } = {},
): ParsedOptions {
  const values = new Map<string, string[]>();
  const positional: string[] = [];
  const set = (key: string, v: string) => values.set(key, [...(values.get(key) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && a.length > 2) {
      let name = a.slice(2);
      let inline: string | undefined;
      const eq = name.indexOf('=');
      if (opts.longEquals && eq >= 0) {
        inline = name.slice(eq + 1);
        name = name.slice(0, eq);
      }
      const spec = specs.find((s) => s.long === name);
      if (!spec) return { ok: false, kind: 'unknown', option: `--${name}` };
      if (!spec.value) set(spec.key, 'true');
      else if (inline !== undefined) set(spec.key, inline);
      else if (i + 1 < args.length) set(spec.key, args[++i]!);
      else return { ok: false, kind: 'missing', option: `--${name}` };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = specs.find((s) => s.short === a[j]);
        if (!spec) return { ok: false, kind: 'unknown', option: `-${a[j]}` };
        if (!spec.value) {
          set(spec.key, 'true');
          continue;
        }
        const restOf = a.slice(j + 1).replace(/^=/, '');
        if (restOf) set(spec.key, restOf);
        else if (i + 1 < args.length) set(spec.key, args[++i]!);
        else return { ok: false, kind: 'missing', option: `-${a[j]}` };
        break;
      }
      continue;
    }
    positional.push(a);
  }
  return { ok: true, values, positional };
}
