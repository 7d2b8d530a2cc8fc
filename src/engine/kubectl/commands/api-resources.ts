/**
 * `kubectl api-resources`: the kinds this simulated API server serves, from the discovery
 * data kubectl reads (KINDS) — plural name, short names, group/version, whether the kind lives
 * in a namespace, its verbs and categories. `--namespaced=true|false` is how a learner checks
 * which objects belong to a room and which belong to the whole building.
 */
import { KINDS, type KindInfo } from '../../api/index.ts';
import { formatTable } from '../printers/table.ts';
import type { Command } from '../types.ts';
import { failure } from './create/common.ts';

const strings = (v: unknown): string[] =>
  (Array.isArray(v) ? v : []).flatMap((s: string) => s.split(',')).filter((s) => s !== '');

export const apiResources: Command = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: [
    {
      name: 'api-group',
      type: 'string',
      description: 'Limit to resources in the specified API group.',
    },
    { name: 'cached', type: 'bool', description: 'Use the cached list of resources if available.' },
    {
      name: 'categories',
      type: 'strings',
      description: 'Limit to resources that belong to the specified categories.',
    },
    {
      name: 'namespaced',
      type: 'bool',
      description:
        'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.',
    },
    {
      name: 'no-headers',
      type: 'bool',
      description:
        "When using the default or custom-column output format, don't print headers (default print headers).",
    },
    {
      name: 'output',
      short: 'o',
      type: 'string',
      description: 'Output format. One of: (wide, name).',
    },
    {
      name: 'sort-by',
      type: 'string',
      description:
        "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'.",
    },
    {
      name: 'verbs',
      type: 'strings',
      description: 'Limit to resources that support the specified verbs.',
    },
  ],
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
