/** `kubectl get`: tables (normal, wide, with labels), `-o yaml|json|name`, `-l`, `-n`, `-A`. */
import { getObject, listObjects, type KubeObject } from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import { checkAccess } from '../authz.ts';
import { columnsFor } from '../printers/columns.ts';
import { asList, toJson, toYaml } from '../printers/serialize.ts';
import { formatTable } from '../printers/table.ts';
import { parseResourceArgs, type ResourceRequest } from '../resources.ts';
import type { Command, CommandContext } from '../types.ts';
import { OUTPUT_FLAG } from './output-flags.ts';

const OUTPUTS = ['', 'wide', 'yaml', 'json', 'name'];

/** The objects one request names, or the NotFound errors for missing names. */
function collect(
  ctx: CommandContext,
  req: ResourceRequest,
  all: boolean,
  matches: (o: KubeObject) => boolean,
) {
  const ns = req.info.namespaced && !all ? ctx.namespace : undefined;
  const found: KubeObject[] = [];
  const errors: string[] = [];
  if (req.names.length > 0) {
    for (const name of req.names) {
      const obj = getObject(ctx.state, req.info.kind, ns, name);
      if (obj) found.push(obj);
      else
        errors.push(
          `Error from server (NotFound): ${req.info.resource}${req.info.group ? `.${req.info.group}` : ''} ${JSON.stringify(name)} not found`,
        );
    }
  } else {
    found.push(...listObjects(ctx.state, req.info.kind, ns).filter(matches));
  }
  return { found, errors };
}

export const get: Command = {
  name: 'get',
  short: 'Display one or many resources',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    OUTPUT_FLAG,
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If present, list the requested object(s) across all namespaces.',
    },
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: 'Selector (label query) to filter on.',
    },
    {
      name: 'show-labels',
      type: 'bool',
      description: 'When printing, show all labels as the last column.',
    },
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default or custom-column output format, don't print headers.",
    },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      description: 'After listing/getting the requested object, watch for changes.',
    },
  ],
  run(ctx) {
    const output = (ctx.flags.output as string | undefined) ?? '';
    if (!OUTPUTS.includes(output)) {
      return {
        stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,wide,yaml`,
        exitCode: 1,
      };
    }
    const parsedArgs = parseResourceArgs(ctx.args);
    if (!parsedArgs.ok) return { stderr: parsedArgs.error, exitCode: 1 };
    const all = ctx.flags['all-namespaces'] === true;
    const selector = parseSelectorString((ctx.flags.selector as string | undefined) ?? '');
    if (!selector.ok) return { stderr: `error: ${selector.error}`, exitCode: 1 };
    if (all && parsedArgs.requests.some((r) => r.names.length > 0)) {
      return {
        stderr: 'error: a resource cannot be retrieved by name across all namespaces',
        exitCode: 1,
      };
    }
    const matches = (o: KubeObject) => selector.matches(o.metadata.labels);
    const errors: string[] = [];
    const groups: Array<{ req: ResourceRequest; objects: KubeObject[] }> = [];
    for (const req of parsedArgs.requests) {
      const namespace = req.info.namespaced && !all ? ctx.namespace : undefined;
      const denied = checkAccess(ctx, {
        verb: req.names.length === 1 ? 'get' : 'list',
        resource: req.info.resource,
        group: req.info.group,
        namespace,
        ...(req.names.length === 1 ? { name: req.names[0] } : {}),
      });
      if (denied) {
        errors.push(denied);
        continue;
      }
      const { found, errors: e } = collect(ctx, req, all, matches);
      errors.push(...e);
      groups.push({ req, objects: found });
    }
    const objects = groups.flatMap((g) => g.objects);
    const singleNamed =
      parsedArgs.requests.length === 1 && parsedArgs.requests[0]!.names.length === 1;
    let stdout = '';
    if (output === 'yaml' || output === 'json') {
      if (objects.length > 0 || !singleNamed) {
        const value = singleNamed && objects.length === 1 ? objects[0] : asList(objects);
        stdout = output === 'yaml' ? toYaml(value) : toJson(value);
      }
    } else if (output === 'name') {
      stdout = objects
        .map(
          (o) =>
            `${groups.find((g) => g.objects.includes(o))!.req.info.singular}${groupSuffix(o)}/${o.metadata.name}\n`,
        )
        .join('');
    } else {
      const multi =
        groups.filter((g) => g.objects.length > 0).length > 1 || parsedArgs.requests.length > 1;
      const tables: string[] = [];
      for (const { req, objects: objs } of groups) {
        if (objs.length === 0) continue;
        const cols = columnsFor(req.info.kind);
        const wide = output === 'wide';
        const showNs = all && req.info.namespaced;
        const showLabels = ctx.flags['show-labels'] === true;
        const header = [
          ...(showNs ? ['NAMESPACE'] : []),
          ...cols.headers,
          ...(wide ? (cols.wideHeaders ?? []) : []),
          ...(showLabels ? ['LABELS'] : []),
        ];
        const rows = objs.map((o) => {
          const row = cols.row(o, ctx.state.clock);
          if (multi)
            row[0] = `${req.info.singular}${req.info.group ? `.${req.info.group}` : ''}/${row[0]}`;
          return [
            ...(showNs ? [o.metadata.namespace ?? ''] : []),
            ...row,
            ...(wide && cols.wideRow ? cols.wideRow(o, ctx.state.clock) : []),
            ...(showLabels ? [formatLabels(o.metadata.labels)] : []),
          ];
        });
        tables.push(formatTable(ctx.flags['no-headers'] === true ? rows : [header, ...rows]));
      }
      stdout = tables.join('\n');
    }
    if (objects.length === 0 && errors.length === 0 && output !== 'yaml' && output !== 'json') {
      const namespaced = parsedArgs.requests.some((r) => r.info.namespaced);
      errors.push(
        all || !namespaced
          ? 'No resources found'
          : `No resources found in ${ctx.namespace} namespace.`,
      );
      return { stdout, stderr: errors.join('\n'), exitCode: 0 };
    }
    const notFound = errors.some((e) => e.startsWith('Error from server'));
    return { stdout, stderr: errors.join('\n'), exitCode: notFound ? 1 : 0 };
  },
};

function groupSuffix(o: KubeObject): string {
  const slash = o.apiVersion.indexOf('/');
  return slash < 0 ? '' : `.${o.apiVersion.slice(0, slash)}`;
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}
