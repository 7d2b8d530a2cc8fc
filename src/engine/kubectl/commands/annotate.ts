/**
 * `kubectl annotate TYPE NAME KEY=VAL… KEY-…`: like label, for annotations (values may hold
 * anything, `=` included); always says `annotated`.
 */
import type { Command } from '../types.ts';
import { annotateSpec } from './deferred-specs.ts';
import { resourcesAndPairs, runMetadataEdit, checkEditArgs } from './metadata-edit.ts';

/** cmdutil.ParsePairs with removal: `k=v` split at the first `=`, `k-`; the rest are invalid. */
export function parseAnnotationArgs(
  specs: readonly string[],
): { ok: true; add: Record<string, string>; remove: string[] } | { ok: false; error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  const invalid: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq > 0) add[spec.slice(0, eq)] = spec.slice(eq + 1);
    else if (spec.endsWith('-') && spec !== '-') remove.push(spec.slice(0, -1));
    else invalid.push(spec);
  }
  if (invalid.length > 0)
    return { ok: false, error: `invalid annotation format: ${invalid.join(', ')}` };
  return { ok: true, add, remove };
}

export const annotate: Command = {
  ...annotateSpec,
  run(ctx) {
    const split = resourcesAndPairs(ctx.args, 'annotation');
    if (!split.ok) return { stderr: `error: ${split.error}`, exitCode: 1 };
    const parsed = parseAnnotationArgs(split.pairs);
    if (!parsed.ok) return { stderr: `error: ${parsed.error}`, exitCode: 1 };
    const refused = checkEditArgs(ctx, split.resources, parsed, 'annotation');
    if (refused) return { stderr: refused, exitCode: 1 };
    const both = parsed.remove.filter((k) => k in parsed.add);
    if (both.length > 0)
      return {
        stderr: `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}`,
        exitCode: 1,
      };
    const overwrite = ctx.flags.overwrite === true;
    return runMetadataEdit(ctx, split.resources, {
      field: 'annotations',
      removed: parsed.remove,
      apply(current) {
        if (!overwrite) {
          const conflicts = Object.keys(parsed.add)
            .sort()
            .filter(
              (k) =>
                k !== 'kubernetes.io/change-cause' && k in current && current[k] !== parsed.add[k],
            )
            .map((k) => `'${k}' already has a value (${current[k]})`);
          if (conflicts.length > 0)
            return {
              ok: false,
              error: {
                lines: [
                  `--overwrite is false but found the following declared annotation(s): ${conflicts.join('; ')}`,
                ],
              },
            };
        }
        const next = { ...current, ...parsed.add };
        for (const k of parsed.remove) delete next[k];
        return { ok: true, next };
      },
      message: () => 'annotated',
    });
  },
};
