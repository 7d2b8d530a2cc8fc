/**
 * `create service <type>` and `create secret <type>` are a second level of subcommands.
 * The interpreter descends one level, so these leaves dispatch on their first argument
 * and reject flags that the chosen subcommand does not declare, as cobra would.
 */
import type { Command, CommandContext, CommandOutput, FlagSpec } from '../../types.ts';
import { failure } from './common.ts';

/** One second-level subcommand: its own flags (by name) and run. */
export interface NestedCommand {
  name: string;
  short: string;
  /** Long names of the flags this subcommand declares beyond the shared ones. */
  flags: readonly string[];
  run: (ctx: CommandContext) => CommandOutput;
}

function helpText(parent: string, subs: readonly NestedCommand[], path: string): string {
  const width = Math.max(...subs.map((s) => s.name.length)) + 3;
  const lines = subs.map((s) => `  ${s.name.padEnd(width)}${s.short}`).join('\n');
  return `${parent}\n\nAvailable Commands:\n${lines}\n\nUsage:\n  ${path} [flags] [options]\n\nUse "${path} <command> --help" for more information about a given command.\n`;
}

/** A leaf command whose run picks the nested subcommand named by the first argument. */
export function nestedCommand(
  base: Omit<Command, 'run' | 'flags'>,
  shared: readonly FlagSpec[],
  own: readonly FlagSpec[],
  subs: readonly NestedCommand[],
): Command {
  return {
    ...base,
    flags: [...shared, ...own],
    // Listed for `--help` only: the interpreter dispatches one level, this run does the rest.
    subcommands: subs.map((sub) => ({
      name: sub.name,
      short: sub.short,
      usage: `${base.usage.split(' (')[0]} ${sub.name} NAME [options]`,
      flags: [],
    })),
    run(ctx) {
      const word = ctx.args[0];
      if (word === undefined) return { stderr: helpText(base.short, subs, ctx.path), exitCode: 1 };
      const sub = subs.find((s) => s.name === word);
      if (!sub)
        return failure(
          `error: unknown command "${word}"\nSee '${ctx.path} -h' for help and examples`,
        );
      const path = `${ctx.path} ${sub.name}`;
      for (const f of own) {
        if (
          ctx.flags[f.name] !== undefined &&
          f.default === undefined &&
          !sub.flags.includes(f.name)
        )
          return failure(`error: unknown flag: --${f.name}\nSee '${path} --help' for usage.`);
        if (
          f.default !== undefined &&
          ctx.flags[f.name] !== f.default &&
          !sub.flags.includes(f.name)
        )
          return failure(`error: unknown flag: --${f.name}\nSee '${path} --help' for usage.`);
      }
      return sub.run({ ...ctx, path, args: ctx.args.slice(1) });
    },
  };
}
