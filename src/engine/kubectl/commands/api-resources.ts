/**
 * `kubectl api-resources`: the kinds this simulated API server serves, from the discovery
 * data kubectl reads (KINDS) — plural name, short names, group/version, whether the kind lives
 * in a namespace, its verbs and categories. `--namespaced=true|false` is how a learner checks
 * which objects belong to a room and which belong to the whole building.
 */
import { KINDS, type KindInfo } from '../../api/index.ts';
import { formatTable } from '../printers/table.ts';
import type { Command } from '../types.ts';
import { apiResourcesSpec } from './deferred-specs.ts';
import { failure } from './create/common.ts';

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : []).flatMap((s: string) => s.split(',')).filter((s) => s !== '');

export const apiResources: Command = {
  ...apiResourcesSpec,
  run(ctx) {
    if (ctx.args.length)
      return failure(
        `error: unexpected arguments: [${ctx.args.join(' ')}]\nSee 'kubectl api-resources -h' for help and examples`,
      );
    const output = typeof ctx.flags.output === 'string' ? ctx.flags.output : '';
    if (!['', 'wide', 'name'].includes(output))
      return failure(`error: --output ${output} is not available`);
    const sortBy = typeof ctx.flags['sort-by'] === 'string' ? ctx.flags['sort-by'] : '';
    if (!['', 'name', 'kind'].includes(sortBy))
      return failure('error: --sort-by accepts only name or kind');
    const group = ctx.flags['api-group'];
    const namespaced = ctx.flags.namespaced;
    const wantVerbs = strings(ctx.flags.verbs);
    const wantCategories = strings(ctx.flags.categories);
    const kinds = KINDS.filter(
      (k) =>
        (typeof group !== 'string' || k.group === group) &&
        (typeof namespaced !== 'boolean' || k.namespaced === namespaced) &&
        wantVerbs.every((v) => k.verbs.includes(v)) &&
        wantCategories.every((c) => k.categories.includes(c)),
    );
    // Sorted by group (or the --sort-by field), then by name, as kubectl sorts.
    const key = (k: KindInfo) =>
      sortBy === 'name' ? k.resource : sortBy === 'kind' ? k.kind : k.group;
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    kinds.sort((a, b) => cmp(key(a), key(b)) || cmp(a.resource, b.resource));
    if (output === 'name')
      return {
        stdout: kinds
          .map((k) => (k.group ? `${k.resource}.${k.group}` : k.resource) + '\n')
          .join(''),
      };
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    if (output === 'wide') header.push('VERBS', 'CATEGORIES');
    const rows = kinds.map((k) => {
      const row = [k.resource, k.shortNames.join(','), k.apiVersion, String(k.namespaced), k.kind];
      if (output === 'wide') row.push(`[${k.verbs.join(' ')}]`, k.categories.join(','));
      return row;
    });
    return { stdout: formatTable(ctx.flags['no-headers'] === true ? rows : [header, ...rows]) };
  },
};
