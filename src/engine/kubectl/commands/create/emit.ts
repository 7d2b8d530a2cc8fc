/**
 * The last step of every generator: print the generated object (`--dry-run=client`) in
 * kubectl's formats, or authorize it, create it through the API server and print what was
 * stored. Typed objects print `-o json` in Go struct order; errors keep each generator's
 * wording (`failed to create deployment: …`, or the API error as is).
 */
import { kindForApiVersion, kindInfo, type KindInfo } from '../../../api/index.ts';
import {
  ClusterDraft,
  getObject,
  LAST_APPLIED,
  writeObjects,
  type KubeObject,
} from '../../../cluster/index.ts';
import { checkAccess } from '../../authz.ts';
import { executeJsonPath } from '../../printers/jsonpath.ts';
import { toJson, toYaml } from '../../printers/serialize.ts';
import type { CommandContext, CommandOutput } from '../../types.ts';
import { type DryRun, dryRunMode, dryRunSuffix } from '../output-flags.ts';
import { failure, outputFormat } from './common.ts';

/** Go's json encoder escapes these, so kubectl's JSON output does too. */
function goJsonEscape(text: string): string {
  return text
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `-o json` of a typed object: fields in struct order, four-space indent. */
export function typedJson(obj: unknown): string {
  return goJsonEscape(JSON.stringify(obj, null, 4)) + '\n';
}

/** `util.CreateOrUpdateAnnotation` for --save-config: the object itself as compact JSON. */
export function withSaveConfig(obj: KubeObject, save: boolean): KubeObject {
  if (!save) return obj;
  const config = goJsonEscape(JSON.stringify(obj));
  const { metadata } = obj;
  const annotations = { ...(metadata.annotations ?? {}), [LAST_APPLIED]: `${config}\n` };
  // ObjectMeta keeps annotations after labels; rebuild so the JSON order matches.
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(metadata)) {
    if (k === 'annotations') continue;
    meta[k] = v;
    if (k === 'labels') meta.annotations = annotations;
  }
  if (!('annotations' in meta)) {
    const ordered: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(meta)) {
      if (k === 'ownerReferences' || k === 'finalizers') ordered.annotations = annotations;
      ordered[k] = v;
    }
    if (!('annotations' in ordered)) ordered.annotations = annotations;
    return { ...obj, metadata: ordered as unknown as KubeObject['metadata'] };
  }
  return { ...obj, metadata: meta as unknown as KubeObject['metadata'] };
}

/** How an API error reads when a generator wraps it (`failed to create deployment: …`). */
export function apiErrorText(message: string): { reason?: string; text: string } {
  const clean = message.replace(/\n {2}at [^\n]*$/, '');
  const server =
    /^Error from server \(([^)]+)\): (?:error when creating "[^"]*": )?([\s\S]*)$/.exec(clean);
  if (server) return { reason: server[1], text: server[2]! };
  const invalid = /^The (\S+) "(.*)" is invalid: ([\s\S]*)$/.exec(clean);
  if (invalid) {
    const info = kindInfo(invalid[1]!);
    const kind = info?.group ? `${invalid[1]}.${info.group}` : invalid[1];
    const causes = invalid[3]!.startsWith('\n')
      ? `[${invalid[3]!
          .trim()
          .split('\n')
          .map((l) => l.replace(/^\* /, ''))
          .join(', ')}]`
      : invalid[3]!;
    return { reason: 'Invalid', text: `${kind} "${invalid[2]}" is invalid: ${causes}` };
  }
  return { text: clean.replace(/^error: /, '') };
}

/** How a generator reports a failed create: wrapped (`error: failed to create …: `) or as is. */
export type ErrorWrap = { prefix: string } | 'raw';

function formatCreateError(message: string, wrap: ErrorWrap): string {
  const clean = message.replace(/\n {2}at [^\n]*$/, '');
  if (wrap === 'raw') {
    if (/^The \S+ ".*" is invalid/.test(clean)) return clean;
    const { reason, text } = apiErrorText(clean);
    return reason ? `Error from server (${reason}): ${text}` : `error: ${text}`;
  }
  return `error: ${wrap.prefix}${apiErrorText(clean).text}`;
}

/** Prints a generated or stored object in the chosen format (`created` as the verb). */
export function printObject(
  obj: KubeObject,
  info: KindInfo,
  format: string,
  mode: DryRun,
  typed: boolean,
  verb = 'created',
): string {
  const ref = `${info.singular}${info.group ? `.${info.group}` : ''}/${obj.metadata.name}`;
  if (format === 'yaml') return toYaml(obj);
  if (format === 'json') return typed ? typedJson(obj) : toJson(obj);
  if (format === 'name') return `${ref}\n`;
  if (format.startsWith('jsonpath=')) {
    const r = executeJsonPath(format.slice('jsonpath='.length), JSON.parse(JSON.stringify(obj)));
    return r.ok ? r.text : r.error;
  }
  return `${ref} ${verb}${dryRunSuffix(mode)}\n`;
}

/**
 * The common tail of every generator: dry-run client prints the object as built; otherwise
 * the request is authorized, written with create semantics, and the stored object printed.
 */
export function emit(
  ctx: CommandContext,
  obj: KubeObject,
  wrap: ErrorWrap,
  extraStderr = '',
  honourSaveConfig = true,
): CommandOutput {
  const dry = dryRunMode(ctx.flags);
  if (!dry.ok) return failure(dry.error);
  const out = outputFormat(ctx.flags);
  if (!out.ok) return out.out;
  const served = kindForApiVersion(obj.apiVersion, obj.kind);
  const body = withSaveConfig(obj, honourSaveConfig && ctx.flags['save-config'] === true);
  if (!served) {
    // A kind the simulated API server does not serve (CronJob): kubectl still prints it
    // offline; sending it gets what a server without that API answers.
    if (dry.mode !== 'client')
      return failure(formatCreateError('the server could not find the requested resource', wrap));
    const slash = obj.apiVersion.indexOf('/');
    const pseudo = {
      singular: obj.kind.toLowerCase(),
      group: slash < 0 ? '' : obj.apiVersion.slice(0, slash),
    } as KindInfo;
    return { stdout: printObject(body, pseudo, out.format, dry.mode, true) };
  }
  const info = served;
  if (dry.mode === 'client') {
    return {
      stdout: printObject(body, info, out.format, dry.mode, true),
      ...(extraStderr ? { stderr: extraStderr } : {}),
    };
  }
  const namespace = info.namespaced ? (body.metadata.namespace ?? ctx.namespace) : undefined;
  const denied = checkAccess(ctx, {
    verb: 'create',
    resource: info.resource,
    group: info.group,
    ...(namespace !== undefined ? { namespace } : {}),
    name: body.metadata.name,
    object: body,
  });
  if (denied) return failure(extraStderr + formatCreateError(denied, wrap));
  const draft = new ClusterDraft(ctx.state);
  const [outcome] = writeObjects(
    draft,
    [{ object: body, source: { file: '', line: 0, column: 0 } }],
    {
      mode: 'create',
      namespace: ctx.namespace,
      dryRun: dry.mode === 'server',
    },
  );
  if (!outcome || !outcome.ok)
    return failure(
      extraStderr + formatCreateError(outcome?.message ?? 'error: nothing created', wrap),
    );
  return {
    state: dry.mode === 'none' ? draft.commit() : undefined,
    stdout: printObject(outcome.object, info, out.format, dry.mode, false),
    ...(extraStderr ? { stderr: extraStderr } : {}),
  };
}

/**
 * Several generated objects created in order and printed in `printOrder` through one
 * printer (so YAML gets `---` before every object after the first). `run --expose` also
 * writes its own `---` after the Service: `extraSeparatorAfterFirst`.
 */
export function emitAll(
  ctx: CommandContext,
  objects: readonly KubeObject[],
  printOrder: readonly number[],
  wrap: ErrorWrap,
  extraSeparatorAfterFirst = true,
  verb = 'created',
): CommandOutput {
  const dry = dryRunMode(ctx.flags);
  if (!dry.ok) return failure(dry.error);
  const out = outputFormat(ctx.flags);
  if (!out.ok) return out.out;
  let state = ctx.state;
  const results: KubeObject[] = [];
  for (const obj of objects) {
    if (dry.mode === 'client') {
      // run and expose add the annotation only on the way to the server, never to a dry run.
      results.push(obj);
      continue;
    }
    const r = emit({ ...ctx, state }, obj, wrap);
    if (r.exitCode) {
      const printedSoFar = printOrder.filter((i) => i < results.length);
      return { ...r, state: state === ctx.state ? undefined : state, stdout: render(printedSoFar) };
    }
    if (r.state) state = r.state;
    const info = kindForApiVersion(obj.apiVersion, obj.kind)!;
    const ns = info.namespaced ? (obj.metadata.namespace ?? ctx.namespace) : undefined;
    results.push(
      (getObject(state, info.kind, ns, obj.metadata.name) as KubeObject | undefined) ?? obj,
    );
  }
  function render(order: readonly number[]): string {
    let text = '';
    order.forEach((i, n) => {
      const obj = results[i]!;
      const info = kindForApiVersion(obj.apiVersion, obj.kind)!;
      if (out.ok && out.format === 'yaml' && n > 0) text += '---\n';
      text += printObject(
        obj,
        info,
        out.ok ? out.format : '',
        dry.ok ? dry.mode : 'none',
        dry.ok && dry.mode === 'client',
        verb,
      );
      if (
        out.ok &&
        out.format === 'yaml' &&
        n === 0 &&
        extraSeparatorAfterFirst &&
        order.length > 1
      )
        text += '---\n';
    });
    return text;
  }
  return { state: state === ctx.state ? undefined : state, stdout: render(printOrder) };
}
