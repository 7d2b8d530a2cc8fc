/**
 * `kubectl label TYPE NAME KEY=VAL… KEY-…`: adds, changes (`--overwrite`) or removes labels
 * and says `labeled`, `unlabeled` or `not labeled` as kubectl's label.go decides it: by
 * comparing the object before and after, and its marshalled length.
 */
import { isValidLabelValue } from '../../labels/index.ts';
import type { Command } from '../types.ts';
import { labelSpec } from './deferred-specs.ts';
import { marshalled, resourcesAndPairs, runMetadataEdit, checkEditArgs } from './metadata-edit.ts';

/** label.go parseLabels: `k=v` (exactly one `=`, value validated here), `k-`. */
export function parseLabelArgs(
  specs: readonly string[],
): { ok: true; add: Record<string, string>; remove: string[] } | { ok: false; error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { ok: false, error: `invalid label spec: ${spec}` };
      const errs = isValidLabelValue(parts[1]!);
      if (errs.length > 0)
        return {
          ok: false,
          error: `invalid label value: ${JSON.stringify(spec)}: ${errs.join(';')}`,
        };
      add[parts[0]!] = parts[1]!;
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { ok: false, error: `unknown label spec: ${spec}` };
  }
  if (remove.some((k) => k in add))
    return { ok: false, error: 'can not both modify and remove a label in the same command' };
  return { ok: true, add, remove };
}

export const label: Command = {
  ...labelSpec,
  run(ctx) {
    const split = resourcesAndPairs(ctx.args, 'label');
    if (!split.ok) return { stderr: `error: ${split.error}`, exitCode: 1 };
    const parsed = parseLabelArgs(split.pairs);
    if (!parsed.ok) return { stderr: `error: ${parsed.error}`, exitCode: 1 };
    const refused = checkEditArgs(ctx, split.resources, parsed, 'label');
    if (refused) return { stderr: refused, exitCode: 1 };
    const overwrite = ctx.flags.overwrite === true;
    return runMetadataEdit(ctx, split.resources, {
      field: 'labels',
      removed: parsed.remove,
      notFoundNotice: (key) => `label ${JSON.stringify(key)} not found.`,
      apply(current) {
        if (!overwrite) {
          const conflicts = Object.keys(parsed.add)
            .sort()
            .filter((k) => k in current && current[k] !== parsed.add[k])
            .map((k) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
          if (conflicts.length > 0) return { ok: false, error: { lines: conflicts } };
        }
        const next = { ...current, ...parsed.add };
        for (const k of parsed.remove) delete next[k];
        return { ok: true, next };
      },
      message(before, after) {
        const a = marshalled(before);
        const b = marshalled(after);
        if (a === b) return 'not labeled';
        return !overwrite && b.length < a.length ? 'unlabeled' : 'labeled';
      },
    });
  },
};
