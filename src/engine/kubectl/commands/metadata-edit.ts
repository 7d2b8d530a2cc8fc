/**
 * What `kubectl label` and `kubectl annotate` share: splitting arguments into resources and
 * `KEY=VALUE` / `KEY-` pairs, finding the objects (`TYPE NAME…`, `TYPE/NAME`, `-l`, `--all`,
 * `-A`, `-f`), changing one metadata map on each, and sending the change as a patch — the
 * API server validates the new keys, and for a Namespace puts back the
 * `kubernetes.io/metadata.name` label. Errors are collected per object, as kubectl's
 * ContinueOnError visitor does, and printed the way cmdutil.CheckErr prints them.
 */
import { kindForApiVersion, type KindInfo } from '../../api/index.ts';
import { ClusterDraft, listObjects, writeObjects, type KubeObject } from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import { checkAccess } from '../authz.ts';
import { sortKeysDeep, toJson, toYaml } from '../printers/serialize.ts';
import { parseResourceArgs } from '../resources.ts';
import type { CommandContext, CommandOutput } from '../types.ts';
import { getAsUser } from './get-object.ts';
import { readManifests } from './manifests.ts';
import { dryRunMode, dryRunSuffix } from './output-flags.ts';

/** cmdutil.GetResourcesAndPairs: resources first, then `KEY=VALUE`/`KEY-` pairs. */
export function resourcesAndPairs(
  args: readonly string[],
  pairType: string,
): { ok: true; resources: string[]; pairs: string[] } | { ok: false; error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const pair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (pair) pairs.push(s);
    else if (pairs.length > 0)
      return {
        ok: false,
        error: `all resources must be specified before ${pairType} changes: ${s}`,
      };
    else resources.push(s);
  }
  return { ok: true, resources, pairs };
}

/** One error as kubectl's visitor collects it; `lines` > 1 is an aggregate (no `error:` prefix). */
/** The argument checks label.go and annotate.go share; kubectl's error text, or undefined. */
export function checkEditArgs(
  ctx: CommandContext,
  resources: readonly string[],
  parsed: { add: Record<string, string>; remove: readonly string[] },
  noun: 'label' | 'annotation',
): string | undefined {
  const list = ctx.flags.list === true;
  if (list && typeof ctx.flags.output === 'string')
    return 'error: --list and --output may not be specified together';
  if (ctx.flags.all === true && typeof ctx.flags.selector === 'string')
    return 'error: cannot set --all and --selector at the same time';
  if (ctx.flags.local === true) return 'error: --local is not available in the simulator';
  if (resources.length < 1 && ctx.flags.filename === undefined) {
    return 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>';
  }
  if (Object.keys(parsed.add).length < 1 && parsed.remove.length < 1 && !list)
    return `error: at least one ${noun} update is required`;
  return undefined;
}

export interface EditError {
  lines: string[];
}

/** How one verb edits one map. */
export interface MetadataEdit {
  field: 'labels' | 'annotations';
  /** The change, or the errors that stop this object (conflicts without --overwrite). */
  apply: (
    current: Record<string, string>,
  ) => { ok: true; next: Record<string, string> } | { ok: false; error: EditError };
  /** The verb printed after the object (`labeled`, `unlabeled`, `not labeled`, `annotated`). */
  message: (before: KubeObject, after: KubeObject) => string;
  /** Keys to remove (label prints `label "x" not found.` for absent ones). */
  removed: readonly string[];
  notFoundNotice?: (key: string) => string;
}

interface Target {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
}

function ref(info: KindInfo, name: string): string {
  return `${info.singular}${info.group ? `.${info.group}` : ''}/${name}`;
}

/** The objects the arguments name, with NotFound/Forbidden errors in argument order. */
function collectTargets(
  ctx: CommandContext,
  resources: readonly string[],
):
  | { ok: true; items: Array<{ target?: Target; object?: KubeObject; error?: string }> }
  | { ok: false; error: string } {
  const items: Array<{ target?: Target; object?: KubeObject; error?: string }> = [];
  const all = ctx.flags.all === true;
  const allNamespaces = ctx.flags['all-namespaces'] === true;
  const selectorText = typeof ctx.flags.selector === 'string' ? ctx.flags.selector : undefined;
  if (ctx.flags.filename !== undefined) {
    const read = readManifests(ctx);
    if (!read.ok) return { ok: false, error: read.error };
    for (const { object } of read.objects) {
      const info = kindForApiVersion(object.apiVersion, object.kind);
      if (!info) return { ok: false, error: `error: unable to recognize kind "${object.kind}"` };
      const namespace = info.namespaced ? (object.metadata.namespace ?? ctx.namespace) : undefined;
      items.push({ target: { info, namespace, name: object.metadata.name } });
    }
  }
  if (resources.length > 0) {
    const parsed = parseResourceArgs(resources);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const selector = parseSelectorString(selectorText ?? '');
    if (!selector.ok) return { ok: false, error: `error: ${selector.error}` };
    for (const req of parsed.requests) {
      const ns = req.info.namespaced ? ctx.namespace : undefined;
      if (req.names.length > 0) {
        for (const name of req.names)
          items.push({ target: { info: req.info, namespace: ns, name } });
        continue;
      }
      if (!all && selectorText === undefined)
        return { ok: false, error: 'error: resource(s) were provided, but no name was specified' };
      const listNs = req.info.namespaced && !allNamespaces ? ctx.namespace : undefined;
      const denied = checkAccess(ctx, {
        verb: 'list',
        resource: req.info.resource,
        group: req.info.group,
        ...(listNs !== undefined ? { namespace: listNs } : {}),
      });
      if (denied) {
        items.push({ error: denied });
        continue;
      }
      for (const o of listObjects(ctx.state, req.info.kind, listNs)) {
        if (selector.matches(o.metadata.labels))
          items.push({
            target: { info: req.info, namespace: o.metadata.namespace, name: o.metadata.name },
            object: o,
          });
      }
    }
  }
  for (const item of items) {
    if (!item.target || item.object) continue;
    const { info, namespace, name } = item.target;
    const got = getAsUser(ctx, info, namespace, name);
    if (got.ok) item.object = got.object;
    else item.error = got.error;
  }
  return { ok: true, items };
}

/** cmdutil.CheckErr for what the visitor collected: one error prefixed, several one per line. */
export function formatErrors(errors: readonly EditError[]): string {
  const plain = (line: string) =>
    line.startsWith('Error from server') || line.startsWith('The ') ? line : `error: ${line}`;
  if (errors.length === 1) {
    const only = errors[0]!;
    return only.lines.length === 1 ? plain(only.lines[0]!) : only.lines.join('\n');
  }
  return errors
    .map((e) => (e.lines.length === 1 ? e.lines[0]! : `[${e.lines.join(', ')}]`))
    .join('\n');
}

/** Runs label or annotate once the pairs are parsed and validated. */
export function runMetadataEdit(
  ctx: CommandContext,
  resources: readonly string[],
  edit: MetadataEdit,
): CommandOutput {
  const dry = dryRunMode(ctx.flags);
  if (!dry.ok) return { stderr: dry.error, exitCode: 1 };
  const output = typeof ctx.flags.output === 'string' ? ctx.flags.output : '';
  if (!['', 'yaml', 'json', 'name'].includes(output))
    return {
      stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
      exitCode: 1,
    };
  const collected = collectTargets(ctx, resources);
  if (!collected.ok) return { stderr: collected.error, exitCode: 1 };
  const local = dry.mode === 'client' || ctx.flags.list === true;
  const draft = new ClusterDraft(ctx.state);
  const out: string[] = [];
  const errors: EditError[] = [];
  const single = collected.items.length === 1;
  if (!single && typeof ctx.flags['resource-version'] === 'string')
    return {
      stderr: `error: --resource-version may only be used with a single resource`,
      exitCode: 1,
    };
  let yamlCount = 0;
  for (const item of collected.items) {
    if (item.error || !item.object || !item.target) {
      errors.push({ lines: [item.error ?? 'error: nothing to change'] });
      continue;
    }
    const { info, name } = item.target;
    const before = item.object;
    const current = {
      ...((before.metadata[edit.field] as Record<string, string> | undefined) ?? {}),
    };
    if (ctx.flags.list === true) {
      const indent = single ? '' : ' ';
      if (!single) out.push(`Listing ${edit.field} for ${before.kind}.${info.group}/${name}:`);
      for (const k of Object.keys(current).sort()) out.push(`${indent}${k}=${current[k]}`);
      continue;
    }
    if (!local) {
      for (const key of edit.removed)
        if (!(key in current) && edit.notFoundNotice) out.push(edit.notFoundNotice(key));
    }
    const changed = edit.apply(current);
    if (!changed.ok) {
      errors.push(changed.error);
      continue;
    }
    // kubectl always sets the map (possibly empty) before comparing; the server drops an empty one.
    const after: KubeObject = {
      ...before,
      metadata: { ...before.metadata, [edit.field]: changed.next },
    };
    const message = edit.message(before, after);
    const stored: KubeObject = { ...after, metadata: { ...after.metadata } };
    if (Object.keys(changed.next).length === 0) delete stored.metadata[edit.field];
    let printed: KubeObject = after;
    if (!local) {
      const denied = checkAccess(ctx, {
        verb: 'patch',
        resource: info.resource,
        group: info.group,
        ...(item.target.namespace !== undefined ? { namespace: item.target.namespace } : {}),
        name,
        object: stored,
      });
      if (denied) {
        errors.push({ lines: [denied] });
        continue;
      }
      // --resource-version makes the patch conditional: the API server refuses a stale one.
      const rv =
        typeof ctx.flags['resource-version'] === 'string' ? ctx.flags['resource-version'] : '';
      if (rv && rv !== before.metadata.resourceVersion) {
        errors.push({
          lines: [
            `Error from server (Conflict): Operation cannot be fulfilled on ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(name)}: the object has been modified; please apply your changes to the latest version and try again`,
          ],
        });
        continue;
      }
      const [outcome] = writeObjects(
        draft,
        [{ object: stored, source: { file: '', line: 0, column: 0 } }],
        {
          mode: 'replace',
          namespace: item.target.namespace ?? ctx.namespace,
        },
      );
      if (!outcome?.ok) {
        errors.push({
          lines: [(outcome?.message ?? 'error: patch failed').replace(/\n {2}at [^\n]*$/, '')],
        });
        continue;
      }
      if (edit.field === 'annotations') printed = outcome.object;
    }
    if (output === 'yaml') {
      // annotate prints through one printer (`---` between objects); label builds one per object.
      if (yamlCount++ > 0 && edit.field === 'annotations') out.push('---');
      out.push(toYaml(printed).trimEnd());
    } else if (output === 'json') out.push(toJson(printed).trimEnd());
    else if (output === 'name') out.push(ref(info, name));
    else out.push(`${ref(info, name)} ${message}${dryRunSuffix(dry.mode)}`);
  }
  return {
    state: dry.mode === 'none' && draft.dirty ? draft.commit() : undefined,
    stdout: out.length > 0 ? `${out.join('\n')}\n` : '',
    stderr: errors.length > 0 ? formatErrors(errors) : '',
    exitCode: errors.length > 0 ? 1 : 0,
  };
}

/** The object as kubectl marshals it (sorted keys): label compares these to pick its verb. */
export function marshalled(obj: KubeObject): string {
  return JSON.stringify(sortKeysDeep(obj));
}
