/**
 * `kubectl patch (-f FILENAME | TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json]`:
 * each object is fetched, patched and written back through the API server's update path
 * (validation, immutable fields, admission, then the controllers reconcile — a new pod
 * template rolls a ReplicaSet, a new selector moves Endpoints). kubectl says `patched`, or
 * `patched (no change)` when the server kept the object as it was; `--local` and
 * `--dry-run=client` patch on the client and send nothing. Errors are collected per
 * object, as kubectl's ContinueOnError visitor does.
 */
import { kindForApiVersion, type KindInfo } from '../../api/index.ts';
import { ClusterDraft, objectRef, writeObjects, type KubeObject } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import { type Json, jsonEqual } from '../patch/go-json.ts';
import {
  type PatchBody,
  type PatchType,
  clientPatch,
  patchBody,
  serverPatch,
} from '../patch/apply-patch.ts';
import { toJson, toYaml } from '../printers/serialize.ts';
import { parseResourceArgs } from '../resources.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { patchSpec } from './deferred-specs.ts';
import { getAsUser } from './get-object.ts';
import { readManifests } from './manifests.ts';
import { type EditError, formatErrors } from './metadata-edit.ts';
import { dryRunMode } from './output-flags.ts';

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

/** One object to patch: where it lives, and (for -f) the manifest it came from. */
interface Target {
  info: KindInfo;
  namespace: string | undefined;
  name: string;
  manifest?: KubeObject;
}

const fail = (message: string): CommandOutput => ({ stderr: `error: ${message}`, exitCode: 1 });

/** The objects named by -f and by the arguments, or the builder's error. */
function targets(ctx: CommandContext): { ok: true; list: Target[] } | { ok: false; error: string } {
  const list: Target[] = [];
  const files = (ctx.flags.filename as string[] | undefined) ?? [];
  if (files.length > 0) {
    const read = readManifests(ctx);
    if (!read.ok)
      return {
        ok: false,
        error: read.error.replace('objects passed to apply', 'objects passed to patch'),
      };
    for (const { object } of read.objects) {
      const info = kindForApiVersion(object.apiVersion, object.kind);
      if (!info)
        return {
          ok: false,
          error: `error: resource mapping not found for name: ${JSON.stringify(object.metadata?.name ?? '')} namespace: ${JSON.stringify(object.metadata?.namespace ?? '')} from ${JSON.stringify(files[0])}: no matches for kind ${JSON.stringify(object.kind)} in version ${JSON.stringify(object.apiVersion)}\nensure CRDs are installed first`,
        };
      const given = object.metadata.namespace;
      if (info.namespaced && ctx.namespaceExplicit && given && given !== ctx.namespace)
        return {
          ok: false,
          error: `error: the namespace from the provided object ${JSON.stringify(given)} does not match the namespace ${JSON.stringify(ctx.namespace)}. You must pass '--namespace=${given}' to perform this operation.`,
        };
      const namespace = info.namespaced ? given || ctx.namespace : undefined;
      list.push({ info, namespace, name: object.metadata.name, manifest: object });
    }
  }
  if (ctx.args.length > 0) {
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    for (const req of parsed.requests) {
      if (req.names.length === 0)
        return { ok: false, error: 'error: resource(s) were provided, but no name was specified' };
      const namespace = req.info.namespaced ? ctx.namespace : undefined;
      for (const name of req.names) list.push({ info: req.info, namespace, name });
    }
  }
  if (list.length === 0) return { ok: false, error: `error: ${NO_RESOURCES}` };
  return { ok: true, list };
}

/** Reads -p or --patch-file and turns it into what kubectl sends. */
function readPatch(
  ctx: CommandContext,
): { ok: true; body: PatchBody } | { ok: false; error: string } {
  const inline = typeof ctx.flags.patch === 'string' ? ctx.flags.patch : '';
  const file = typeof ctx.flags['patch-file'] === 'string' ? ctx.flags['patch-file'] : '';
  let raw = inline;
  if (file) {
    const text = ctx.io.files?.[file];
    if (text === undefined)
      return {
        ok: false,
        error: `unable to read patch file: open ${file}: no such file or directory`,
      };
    raw = text;
  }
  const body = patchBody(raw);
  // patch.go quotes the -p value even when the patch came from a file.
  if (!body.ok)
    return { ok: false, error: `unable to parse ${JSON.stringify(inline)}: ${body.error}` };
  return body;
}

/** The server-side checks after the patch: the object keeps its kind, name and namespace. */
function checkIdentity(
  target: Target,
  before: KubeObject,
  after: Record<string, Json>,
): string | undefined {
  const meta = (after.metadata ?? {}) as Record<string, Json>;
  if (meta.name !== target.name)
    return `Error from server (BadRequest): the name of the object (${typeof meta.name === 'string' ? meta.name : ''}) does not match the name on the URL (${target.name})`;
  if (
    target.namespace !== undefined &&
    meta.namespace !== undefined &&
    meta.namespace !== target.namespace
  )
    return 'Error from server (BadRequest): the namespace of the provided object does not match the namespace sent on the request';
  const rv = meta.resourceVersion;
  if (rv !== undefined && rv !== null && rv !== before.metadata.resourceVersion) {
    const { info } = target;
    return `Error from server (Conflict): Operation cannot be fulfilled on ${info.resource}${info.group ? `.${info.group}` : ''} ${JSON.stringify(target.name)}: the object has been modified; please apply your changes to the latest version and try again`;
  }
  return undefined;
}

function print(format: string, ref: string, object: unknown, changed: boolean): string {
  if (format === 'yaml') return toYaml(object);
  // Go's encoder escapes <, > and & in the JSON kubectl prints.
  if (format === 'json')
    return toJson(object).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);
  if (format === 'name') return `${ref}\n`;
  // patch.go sets the printer's operation itself, so no "(dry run)" suffix is ever added.
  return `${ref} ${changed ? 'patched' : 'patched (no change)'}\n`;
}

export const patch: Command = {
  ...patchSpec,
  run(ctx) {
    const format = typeof ctx.flags.output === 'string' ? ctx.flags.output : '';
    if (!['', 'yaml', 'json', 'name'].includes(format))
      return fail(
        `unable to match a printer suitable for the output format "${format}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
      );
    const dry = dryRunMode(ctx.flags);
    if (!dry.ok) return { stderr: dry.error, exitCode: 1 };
    const inline = typeof ctx.flags.patch === 'string' ? ctx.flags.patch : '';
    const file = typeof ctx.flags['patch-file'] === 'string' ? ctx.flags['patch-file'] : '';
    const local = ctx.flags.local === true;
    const typeFlag = typeof ctx.flags.type === 'string' ? ctx.flags.type : '';
    if (inline && file) return fail('cannot specify --patch and --patch-file together');
    if (!inline && !file)
      return fail('must specify --patch or --patch-file containing the contents of the patch');
    if (local && ctx.args.length > 0) return fail('cannot specify --local and server resources');
    if (local && dry.mode === 'server')
      return fail('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    const type = (typeFlag ? typeFlag.toLowerCase() : 'strategic') as PatchType;
    if (!PATCH_TYPES.includes(type))
      return fail(
        `--type must be one of [${PATCH_TYPES.join(' ')}], not ${JSON.stringify(typeFlag)}`,
      );
    if (typeof ctx.flags.subresource === 'string' && ctx.flags.subresource)
      return fail('--subresource is not available in the simulator');
    const body = readPatch(ctx);
    if (!body.ok) return fail(body.error);
    const found = targets(ctx);
    if (!found.ok) return { stderr: found.error, exitCode: 1 };

    const draft = new ClusterDraft(ctx.state);
    const out: string[] = [];
    const errors: EditError[] = [];
    const onClient = local || dry.mode === 'client';
    for (const target of found.list) {
      const { info, namespace, name } = target;
      const ref = objectRef(info, name);
      let current: KubeObject | undefined = target.manifest;
      if (!local) {
        const got = getAsUser(ctx, info, namespace, name);
        if (!got.ok) {
          errors.push({ lines: [got.error] });
          continue;
        }
        // A second target naming the same object patches what the first one left.
        current = draft.get(info.kind, namespace, name) ?? got.object;
      }
      const before = current as unknown as Record<string, Json>;
      if (onClient) {
        const r = clientPatch(info.kind, before, body.body, type);
        if (!r.ok) {
          errors.push({ lines: [r.error] });
          continue;
        }
        out.push(print(format, ref, r.object, !jsonEqual(before, r.object)));
        continue;
      }
      const r = serverPatch(info.kind, before, body.body, type);
      if (!r.ok) {
        errors.push({ lines: [r.error] });
        continue;
      }
      const wrong = checkIdentity(target, current!, r.object);
      if (wrong) {
        errors.push({ lines: [wrong] });
        continue;
      }
      // The main resource ignores status: every built-in strategy's PrepareForUpdate keeps the old one.
      const { status: _ignored, ...rest } = r.object;
      const patched = {
        ...rest,
        apiVersion: info.apiVersion,
        kind: info.kind,
        ...(current!.status !== undefined ? { status: current!.status } : {}),
      } as unknown as KubeObject;
      const denied = checkAccess(ctx, {
        verb: 'patch',
        resource: info.resource,
        group: info.group,
        ...(namespace !== undefined ? { namespace } : {}),
        name,
        object: patched,
      });
      if (denied) {
        errors.push({ lines: [denied] });
        continue;
      }
      // An identical result is not written at all: the object keeps its resourceVersion.
      if (jsonEqual(before, patched as unknown as Json)) {
        out.push(print(format, ref, current, false));
        continue;
      }
      const [outcome] = writeObjects(
        draft,
        [{ object: patched, source: { file: '', line: 0, column: 0 } }],
        { mode: 'replace', namespace: namespace ?? ctx.namespace },
      );
      if (!outcome?.ok) {
        errors.push({
          lines: [(outcome?.message ?? 'patch failed').replace(/\n {2}at [^\n]*$/, '')],
        });
        continue;
      }
      out.push(print(format, ref, outcome.object, outcome.action !== 'unchanged'));
    }
    return {
      state: dry.mode === 'none' && !local && draft.dirty ? draft.commit() : undefined,
      // A printer per object (patch.go calls ToPrinter in the visitor): no `---` between YAML ones.
      stdout: out.join(''),
      stderr: errors.length > 0 ? formatErrors(errors) : '',
      exitCode: errors.length > 0 ? 1 : 0,
    };
  },
};
