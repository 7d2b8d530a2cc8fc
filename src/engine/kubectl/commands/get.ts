/**
 * `kubectl get` (kubectl pkg/cmd/get): tables per kind with a blank line between kinds, `kind/`
 * name prefixes when the objects found span several kinds, `-o wide|yaml|json|name`,
 * `-o jsonpath=…`, `-o custom-columns=…`, `-l`, `-n`, `-A`, `-L`, `--show-labels`,
 * `--no-headers`; NotFound errors per missing name; `No resources found in NS namespace.`
 */
import { getObject, listObjects, type KubeObject } from '../../cluster/index.ts';
import { formatLabels, parseSelectorString } from '../../labels/index.ts';
import { columnsFor } from '../registry.ts';
import { evaluateColumn, executeJsonPath, formatGoValue } from '../printers/jsonpath.ts';
import { compileFieldSelector } from '../printers/field-selector.ts';
import { asList, toJson, toYaml } from '../printers/serialize.ts';
import { formatTable } from '../printers/table.ts';
import { withDerivedStatus } from '../printers/workload-status.ts';
import { parseResourceArgs, type ResourceRequest } from '../resources.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { objectsFromFiles } from './file-objects.ts';
import { notFoundError, requestDenied } from './get-object.ts';
import { FILENAME_FLAG } from './manifests.ts';
import { OUTPUT_FLAG } from './output-flags.ts';

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

const EVENT_TYPES = ['events', 'event', 'ev', 'events.events.k8s.io', 'events.v1.events.k8s.io'];

/** The `-o` value split into format and template argument. */
interface OutputFormat {
  format: string;
  template?: string;
}

function parseOutput(value: string): OutputFormat {
  const eq = value.indexOf('=');
  if (eq < 0) return { format: value };
  return { format: value.slice(0, eq), template: value.slice(eq + 1) };
}

/** `resource.group "name"` as the API server names a missing object. */
/** `pod`, `deployment.apps`: the prefix `-o name` and multi-kind tables use. */
export function kindPrefix(o: KubeObject): string {
  const slash = o.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : `.${o.apiVersion.slice(0, slash)}`;
  return `${o.kind.toLowerCase()}${group}`;
}

interface Found {
  req: ResourceRequest;
  objects: KubeObject[];
}

function collect(
  ctx: CommandContext,
  requests: readonly ResourceRequest[],
  all: boolean,
  selector: (o: KubeObject) => boolean,
) {
  const errors: string[] = [];
  const found: Found[] = [];
  for (const req of requests) {
    const namespace = req.info.namespaced && !all ? ctx.namespace : undefined;
    const denied = requestDenied(ctx, req, namespace);
    if (denied) {
      errors.push(denied);
      continue;
    }
    const fieldSelector = compileFieldSelector(
      req.info,
      (ctx.flags['field-selector'] as string | undefined) ?? '',
      (ctx.flags.selector as string | undefined) ?? '',
    );
    if (!fieldSelector.ok) {
      errors.push(fieldSelector.error);
      continue;
    }
    const objects: KubeObject[] = [];
    if (req.names.length > 0) {
      for (const name of req.names) {
        const obj = getObject(ctx.state, req.info.kind, namespace, name);
        if (obj) objects.push(obj);
        else errors.push(notFoundError(req.info, name));
      }
    } else {
      objects.push(
        ...listObjects(ctx.state, req.info.kind, namespace).filter(
          (o) => selector(o) && fieldSelector.matches(o),
        ),
      );
    }
    found.push({ req, objects: objects.map((o) => withDerivedStatus(ctx.state, o)) });
  }
  return { found, errors };
}

/** `--sort-by=JSONPATH`: numbers numerically, everything else as strings; stable. */
function sortBy(objects: KubeObject[], expr: string): KubeObject[] {
  const key = (o: KubeObject) => {
    const r = evaluateColumn(expr, JSON.parse(JSON.stringify(o)) as unknown);
    return r.ok ? r.values[0] : undefined;
  };
  const keyed = objects.map((o, i) => ({ o, i, k: key(o) }));
  keyed.sort((a, b) => {
    if (typeof a.k === 'number' && typeof b.k === 'number') return a.k - b.k || a.i - b.i;
    const x = a.k === undefined ? '' : typeof a.k === 'string' ? a.k : JSON.stringify(a.k);
    const y = b.k === undefined ? '' : typeof b.k === 'string' ? b.k : JSON.stringify(b.k);
    return x < y ? -1 : x > y ? 1 : a.i - b.i;
  });
  return keyed.map((k) => k.o);
}

/** Human-readable tables (printers.go columns), one per kind in request order. */
function printTables(ctx: CommandContext, found: Found[], all: boolean, wide: boolean): string {
  const objects = found.flatMap((f) => f.objects);
  const withKind = new Set(objects.map((o) => `${o.apiVersion}/${o.kind}`)).size > 1;
  const noHeaders = ctx.flags['no-headers'] === true;
  const showLabels = ctx.flags['show-labels'] === true;
  const labelColumns = ((ctx.flags['label-columns'] as string[] | undefined) ?? []).flatMap((l) =>
    l.split(','),
  );
  let out = '';
  // kubectl's print flags keep the NAMESPACE column once a namespaced kind turned it on.
  let namespaceColumn = false;
  for (const { req, objects: objs } of found) {
    if (objs.length === 0) continue;
    namespaceColumn ||= all && req.info.namespaced;
    const cols = columnsFor(req.info.kind);
    const header = [
      ...(namespaceColumn ? ['NAMESPACE'] : []),
      ...cols.headers,
      ...(wide ? (cols.wideHeaders ?? []) : []),
      ...labelColumns.map((l) => l.slice(l.lastIndexOf('/') + 1).toUpperCase()),
      ...(showLabels ? ['LABELS'] : []),
    ];
    const rows = objs.map((o) => {
      const row = cols.row(o, ctx.state.clock);
      if (withKind) row[0] = `${kindPrefix(o)}/${row[0]}`;
      return [
        ...(namespaceColumn ? [o.metadata.namespace ?? ''] : []),
        ...row,
        ...(wide && cols.wideRow ? cols.wideRow(o, ctx.state.clock) : []),
        ...labelColumns.map((l) => o.metadata.labels?.[l] ?? ''),
        ...(showLabels ? [formatLabels(o.metadata.labels)] : []),
      ];
    });
    if (out && !noHeaders) out += '\n';
    out += formatTable(noHeaders ? rows : [header, ...rows]);
  }
  return out;
}

/** `-o custom-columns=HEADER:.path,...` (a missing value prints `<none>`). */
function printCustomColumns(
  spec: string,
  objects: KubeObject[],
  noHeaders: boolean,
): { ok: true; text: string } | { ok: false; error: string } {
  const columns: Array<{ header: string; expr: string }> = [];
  for (const part of spec.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 0)
      return {
        ok: false,
        error: `error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      };
    columns.push({ header: part.slice(0, colon), expr: part.slice(colon + 1) });
  }
  const rows: string[][] = [];
  for (const o of objects) {
    const row: string[] = [];
    for (const c of columns) {
      const r = evaluateColumn(c.expr, o);
      if (!r.ok) return r;
      row.push(r.values.length ? r.values.map(formatGoValue).join(',') : '<none>');
    }
    rows.push(row);
  }
  const header = columns.map((c) => c.header);
  return { ok: true, text: formatTable(noHeaders ? rows : [header, ...rows]) };
}

export const get: Command = {
  name: 'get',
  args: 'resource',
  short: 'Display one or many resources',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    OUTPUT_FLAG,
    {
      ...FILENAME_FLAG,
      description:
        'Filename, directory, or URL to files identifying the resource to get from a server.',
    },
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
      name: 'label-columns',
      short: 'L',
      type: 'strings',
      description:
        'Accepts a comma separated list of labels that are going to be presented as columns.',
    },
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default or custom-column output format, don't print headers.",
    },
    {
      name: 'field-selector',
      type: 'string',
      description:
        "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
    },
    {
      name: 'sort-by',
      type: 'string',
      description:
        "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}').",
    },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      description: 'After listing/getting the requested object, watch for changes.',
    },
  ],
  run(ctx): CommandOutput {
    if (ctx.args.length === 0 && ctx.flags.filename === undefined) {
      return {
        stderr:
          'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
        exitCode: 1,
      };
    }
    const { format, template } = parseOutput((ctx.flags.output as string | undefined) ?? '');
    const known = ['', 'wide', 'yaml', 'json', 'name', 'jsonpath', 'custom-columns'];
    if (ALLOWED.split(',').includes(format) && !known.includes(format)) {
      return {
        stderr: `error: output format "${format}" is not available in this simulator`,
        exitCode: 1,
      };
    }
    if (!known.includes(format)) {
      return {
        stderr: `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED}`,
        exitCode: 1,
      };
    }
    if (format === 'jsonpath' && !template) {
      return { stderr: 'error: template format specified but no template given', exitCode: 1 };
    }
    if (format === 'custom-columns' && !template) {
      return {
        stderr: 'error: custom-columns format specified but no custom columns given',
        exitCode: 1,
      };
    }
    if (ctx.flags['show-labels'] === true && format !== '' && format !== 'wide') {
      return {
        stderr: `error: --show-labels option cannot be used with ${format} printer`,
        exitCode: 1,
      };
    }
    const all = ctx.flags['all-namespaces'] === true;
    const selector = parseSelectorString((ctx.flags.selector as string | undefined) ?? '');
    if (!selector.ok) return { stderr: `error: ${selector.error}`, exitCode: 1 };
    // The simulator records no Events (describe prints `Events: <none>` too), so listing them finds none.
    if (ctx.args.length === 1 && EVENT_TYPES.includes(ctx.args[0]!.toLowerCase())) {
      if (format === 'yaml' || format === 'json')
        return { stdout: format === 'yaml' ? toYaml(asList([])) : toJson(asList([])) };
      return {
        stderr: all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`,
      };
    }
    let requests: ResourceRequest[];
    let found: Found[];
    let errors: string[];
    if (ctx.flags.filename !== undefined) {
      const files = objectsFromFiles(ctx);
      if (!files.ok) return { stderr: files.error, exitCode: 1 };
      // Consecutive objects of one kind share a table, as kubectl's printer per mapping does.
      found = [];
      errors = [];
      for (const f of files.objects) {
        if ('error' in f) {
          errors.push(f.error);
          continue;
        }
        const last = found[found.length - 1];
        const obj = withDerivedStatus(ctx.state, f.object);
        if (last && last.req.info === f.info) last.objects.push(obj);
        else found.push({ req: { info: f.info, names: [f.object.metadata.name] }, objects: [obj] });
      }
      requests = files.objects.length === 1 ? [{ info: files.objects[0]!.info, names: ['-'] }] : [];
    } else {
      const parsed = parseResourceArgs(ctx.args);
      if (!parsed.ok) return { stderr: parsed.error, exitCode: 1 };
      requests = parsed.requests;
      if (all && requests.some((r) => r.names.length > 0)) {
        return {
          stderr: 'error: a resource cannot be retrieved by name across all namespaces',
          exitCode: 1,
        };
      }
      ({ found, errors } = collect(ctx, requests, all, (o) => selector.matches(o.metadata.labels)));
    }
    const sortExpr = ctx.flags['sort-by'] as string | undefined;
    if (sortExpr) for (const f of found) f.objects = sortBy(f.objects, sortExpr);
    const objects = found.flatMap((f) => f.objects);
    const singleNamed = requests.length === 1 && requests[0]!.names.length === 1;
    const fail = errors.length > 0 ? 1 : 0;
    const printed = (stdout: string): CommandOutput => ({
      stdout,
      stderr: errors.join('\n'),
      exitCode: fail,
    });

    if (format === 'yaml' || format === 'json' || format === 'jsonpath') {
      // A single requested object prints as itself; anything else as a List.
      if (singleNamed && objects.length === 0) return printed('');
      const value = singleNamed ? objects[0] : asList(objects);
      if (format === 'yaml') return printed(toYaml(value));
      if (format === 'json') return printed(toJson(value));
      const data = JSON.parse(JSON.stringify(value)) as unknown;
      const r = executeJsonPath(template!, data);
      if (!r.ok) return { stderr: r.error, exitCode: 1 };
      return printed(r.text);
    }
    if (format === 'name') {
      return printed(objects.map((o) => `${kindPrefix(o)}/${o.metadata.name}\n`).join(''));
    }
    if (format === 'custom-columns') {
      const r = printCustomColumns(template!, objects, ctx.flags['no-headers'] === true);
      if (!r.ok) return { stderr: r.error, exitCode: 1 };
      return printed(objects.length ? r.text : '');
    }
    const stdout = printTables(ctx, found, all, format === 'wide');
    if (stdout === '' && errors.length === 0) {
      const namespaced = !all;
      return {
        stderr: namespaced
          ? `No resources found in ${ctx.namespace} namespace.`
          : 'No resources found',
      };
    }
    return printed(stdout);
  },
};
