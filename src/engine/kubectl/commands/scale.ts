/**
 * `kubectl scale --replicas=N TYPE NAME`: sets spec.replicas through the scale subresource
 * of a Deployment, ReplicaSet or StatefulSet; the controllers then add or remove pods.
 * `--current-replicas` and `--resource-version` are preconditions, as in kubectl's scaler.
 */
import type { KindInfo } from '../../api/index.ts';
import {
  ClusterDraft,
  getObject,
  listObjects,
  writeObjects,
  type KubeObject,
} from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import { checkAccess } from '../authz.ts';
import { toJson, toYaml } from '../printers/serialize.ts';
import { parseResourceArgs } from '../resources.ts';
import type { Command } from '../types.ts';
import { scaleSpec } from './deferred-specs.ts';
import { failure } from './create/common.ts';
import { notFoundError } from './get-object.ts';
import { dryRunMode, dryRunSuffix } from './output-flags.ts';

const SCALABLE = ['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'];

export const scale: Command = {
  ...scaleSpec,
  run(ctx) {
    if (ctx.flags.replicas === undefined)
      return failure('error: required flag(s) "replicas" not set');
    const dry = dryRunMode(ctx.flags);
    if (!dry.ok) return failure(dry.error);
    const output = typeof ctx.flags.output === 'string' ? ctx.flags.output : '';
    const replicas = Number(ctx.flags.replicas);
    const current = Number(ctx.flags['current-replicas']);
    if (replicas < 0)
      return failure(
        'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
      );
    if (current < -1)
      return failure('error: The --current-replicas must specify an integer of -1 or greater');
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return failure(parsed.error);
    const selectorText = typeof ctx.flags.selector === 'string' ? ctx.flags.selector : undefined;
    const selector = parseSelectorString(selectorText ?? '');
    if (!selector.ok) return failure(`error: ${selector.error}`);
    const targets: Array<{ info: KindInfo; obj?: KubeObject; name: string }> = [];
    const errors: string[] = [];
    for (const req of parsed.requests) {
      const ns = req.info.namespaced ? ctx.namespace : undefined;
      if (req.names.length > 0) {
        for (const name of req.names) {
          const obj = getObject(ctx.state, req.info.kind, ns, name);
          if (!obj) errors.push(notFoundError(req.info, name));
          else targets.push({ info: req.info, obj, name });
        }
      } else if (ctx.flags.all === true || selectorText !== undefined) {
        for (const o of listObjects(ctx.state, req.info.kind, ns))
          if (selector.matches(o.metadata.labels))
            targets.push({ info: req.info, obj: o, name: o.metadata.name });
      } else return failure('error: resource(s) were provided, but no name was specified');
    }
    const rv =
      typeof ctx.flags['resource-version'] === 'string' ? ctx.flags['resource-version'] : '';
    if (rv && targets.length > 1)
      return failure('error: cannot use --resource-version with multiple resources');
    if (targets.length === 0) {
      // kubectl wraps the lookup error with %w, so its "Error from server" prefix is lost.
      if (errors.length > 0)
        return failure(
          `error: no objects passed to scale ${errors[0]!.replace(/^Error from server \([^)]*\): /, '')}`,
        );
      return failure('error: no objects passed to scale');
    }
    const draft = new ClusterDraft(ctx.state);
    const out: string[] = [];
    for (const { info, obj, name } of targets) {
      const ref = `${info.singular}${info.group ? `.${info.group}` : ''}/${name}`;
      const print = () =>
        output === 'yaml'
          ? toYaml(obj).trimEnd()
          : output === 'json'
            ? toJson(obj).trimEnd()
            : output === 'name'
              ? ref
              : `${ref} scaled${dryRunSuffix(dry.mode)}`;
      if (dry.mode === 'client') {
        out.push(print());
        continue;
      }
      const denied = checkAccess(ctx, {
        verb: 'patch',
        resource: info.resource,
        subresource: 'scale',
        group: info.group,
        ...(info.namespaced ? { namespace: obj!.metadata.namespace } : {}),
        name,
      });
      if (denied)
        return { stdout: out.length ? `${out.join('\n')}\n` : '', stderr: denied, exitCode: 1 };
      if (!SCALABLE.includes(info.kind))
        return {
          stdout: out.length ? `${out.join('\n')}\n` : '',
          stderr: 'Error from server (NotFound): the server could not find the requested resource',
          exitCode: 1,
        };
      const spec = (obj!.spec ?? {}) as Record<string, unknown>;
      const now = typeof spec.replicas === 'number' ? spec.replicas : 1;
      if (current !== -1 && now !== current)
        return failure(`error: Expected replicas to be ${current}, was ${now}`);
      if (rv && obj!.metadata.resourceVersion !== rv)
        return failure(
          `error: Expected resource version to be ${rv}, was ${obj!.metadata.resourceVersion}`,
        );
      const [outcome] = writeObjects(
        draft,
        [
          {
            object: { ...obj!, spec: { ...spec, replicas } },
            source: { file: '', line: 0, column: 0 },
          },
        ],
        { mode: 'replace', namespace: obj!.metadata.namespace ?? ctx.namespace },
      );
      if (!outcome?.ok)
        return failure((outcome?.message ?? 'error: scale failed').replace(/\n {2}at [^\n]*$/, ''));
      out.push(print());
    }
    return {
      state: dry.mode === 'none' && draft.dirty ? draft.commit() : undefined,
      stdout: `${out.join('\n')}\n`,
      stderr: errors.join('\n'),
      exitCode: errors.length > 0 ? 1 : 0,
    };
  },
};
