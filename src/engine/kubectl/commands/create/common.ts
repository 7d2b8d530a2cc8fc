/**
 * What every `kubectl create <generator>` shares: the print flags, the NAME argument,
 * flag readers (StringSlice vs StringArray), the `-o` check and the metadata kubectl's
 * generators fill. Generated objects are built in the Go structs' field order, because
 * kubectl prints a typed object's `-o json` in that order (its YAML is sorted).
 */
import type { KubeObject } from '../../../cluster/index.ts';
import type { CommandContext, CommandOutput, FlagSpec, FlagValues } from '../../types.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG } from '../output-flags.ts';

/** Flags every create generator has (kubectl's PrintFlags, --dry-run, --save-config, …). */
export const GENERATOR_FLAGS: readonly FlagSpec[] = [
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
  {
    name: 'save-config',
    type: 'bool',
    description:
      'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged.',
  },
  {
    name: 'validate',
    type: 'string',
    description: 'Must be one of: strict (or true), warn, ignore (or false).',
  },
  {
    name: 'field-manager',
    type: 'string',
    description: 'Name of the manager used to track field ownership.',
  },
  {
    name: 'show-managed-fields',
    type: 'bool',
    description: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
  },
  {
    name: 'allow-missing-template-keys',
    type: 'bool',
    description:
      'If true, ignore any errors in templates when a field or map key is missing in the template.',
  },
];

const ALLOWED_OUTPUTS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** A failed step: kubectl's message (printed to stderr) and exit code 1. */
export function failure(message: string): CommandOutput {
  return { stderr: message, exitCode: 1 };
}

/** cmdutil.UsageErrorf: the message plus where to read the help. */
export function usageError(ctx: CommandContext, message: string): CommandOutput {
  return failure(`error: ${message}\nSee '${ctx.path} -h' for help and examples`);
}

/** NameFromCommandArgs: exactly one NAME before any `--`. */
export function nameFromArgs(
  ctx: CommandContext,
): { ok: true; name: string } | { ok: false; out: CommandOutput } {
  if (ctx.args.length !== 1)
    return {
      ok: false,
      out: usageError(ctx, `exactly one NAME is required, got ${ctx.args.length}`),
    };
  return { ok: true, name: ctx.args[0]! };
}

/** The `-o` value kubectl's printer accepts, or its error. */
export function outputFormat(
  flags: FlagValues,
): { ok: true; format: string } | { ok: false; out: CommandOutput } {
  const format = typeof flags.output === 'string' ? flags.output : '';
  if (['', 'json', 'yaml', 'name'].includes(format)) return { ok: true, format };
  if (format.startsWith('jsonpath=')) return { ok: true, format };
  if (format === 'jsonpath')
    return failure2('error: template format specified but no template given');
  if (/^(jsonpath|go-template|template|custom-columns)/.test(format))
    return failure2(
      `error: output format "${format.split('=')[0]}" is not supported by the simulator`,
    );
  return failure2(
    `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_OUTPUTS}`,
  );
}

function failure2(message: string): { ok: false; out: CommandOutput } {
  return { ok: false, out: failure(message) };
}

/** A StringSlice flag: every occurrence, split on commas (pflag reads them as CSV). */
export function sliceFlag(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  const all = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  return all.flatMap((s) => (s === '' ? [] : s.split(',')));
}

/** A StringArray flag: every occurrence as given. */
export function arrayFlag(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function stringFlag(flags: FlagValues, name: string): string {
  const v = flags[name];
  return typeof v === 'string' ? v : '';
}

/** Metadata as kubectl's generators fill it: name, the namespace only when `-n` was given. */
export function generatedMeta(
  ctx: CommandContext,
  name: string,
  namespaced: boolean,
): KubeObject['metadata'] {
  return ctx.namespaceExplicit && namespaced
    ? { name, namespace: ctx.namespace, creationTimestamp: null as unknown as string }
    : { name, creationTimestamp: null as unknown as string };
}
