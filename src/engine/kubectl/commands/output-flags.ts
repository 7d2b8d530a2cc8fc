/** Flags several commands share: `-o`, `--dry-run`. */
import type { FlagSpec, FlagValues } from '../types.ts';

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  description: 'Output format. One of: (json, yaml, name, wide).',
  values: ['json', 'yaml', 'name', 'wide'],
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  description:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it.',
  noOptDefVal: 'unchanged',
};

export type DryRun = 'none' | 'client' | 'server';

/** The --dry-run mode, or kubectl's error for a bad value. `--dry-run` alone means client. */
export function dryRunMode(
  flags: FlagValues,
): { ok: true; mode: DryRun } | { ok: false; error: string } {
  const v = flags['dry-run'];
  if (v === undefined || v === 'none' || v === 'false') return { ok: true, mode: 'none' };
  if (v === 'client' || v === '' || v === 'true' || v === 'unchanged')
    return { ok: true, mode: 'client' };
  if (v === 'server') return { ok: true, mode: 'server' };
  return {
    ok: false,
    error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`,
  };
}

export function dryRunSuffix(mode: DryRun): string {
  return mode === 'client' ? ' (dry run)' : mode === 'server' ? ' (server dry run)' : '';
}
