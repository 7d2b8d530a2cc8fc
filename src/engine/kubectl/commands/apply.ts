/** `kubectl apply -f`: create or update each object; `created`, `configured` or `unchanged`. */
import { ClusterDraft, getObject, writeObjects } from '../../cluster/index.ts';
import { checkAccess } from '../authz.ts';
import { toJson, toYaml, asList } from '../printers/serialize.ts';
import type { Command } from '../types.ts';
import { FILENAME_FLAG, readManifests } from './manifests.ts';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunMode, dryRunSuffix } from './output-flags.ts';
import { kindForApiVersion } from '../../api/index.ts';

export const apply: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    FILENAME_FLAG,
    OUTPUT_FLAG,
    DRY_RUN_FLAG,
    {
      name: 'recursive',
      short: 'R',
      type: 'bool',
      description: 'Process the directory used in -f, --filename recursively.',
    },
    {
      name: 'server-side',
      type: 'bool',
      description: 'If true, apply runs in the server instead of the client.',
    },
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    },
    {
      name: 'validate',
      type: 'string',
      description: 'Must be one of: strict (or true), warn, ignore (or false).',
    },
  ],
  run(ctx) {
    const dry = dryRunMode(ctx.flags);
    if (!dry.ok) return { stderr: dry.error, exitCode: 1 };
    const read = readManifests(ctx);
    if (!read.ok) return { stderr: read.error, exitCode: 1 };
    const denied: string[] = [];
    const allowed = read.objects.filter(({ object, source }) => {
      const info = kindForApiVersion(String(object.apiVersion), String(object.kind));
      if (!info) return true;
      const namespace = info.namespaced ? (object.metadata.namespace ?? ctx.namespace) : undefined;
      const exists = getObject(ctx.state, info.kind, namespace, object.metadata.name);
      const message = checkAccess(ctx, {
        verb: exists ? 'patch' : 'create',
        resource: info.resource,
        group: info.group,
        namespace,
        name: object.metadata.name,
        object,
        file: source.file,
      });
      if (message) denied.push(message);
      return !message;
    });
    const draft = new ClusterDraft(ctx.state);
    const outcomes = writeObjects(draft, allowed, {
      mode: 'apply',
      namespace: ctx.namespace,
      namespaceExplicit: ctx.namespaceExplicit,
      dryRun: dry.mode !== 'none',
    });
    const output = ctx.flags.output as string | undefined;
    const out: string[] = [];
    const err: string[] = [...denied];
    const printed: unknown[] = [];
    for (const o of outcomes) {
      if (!o.ok) {
        err.push(o.message);
        continue;
      }
      if (o.warning) err.push(o.warning);
      if (output === 'yaml' || output === 'json') printed.push(o.object);
      else if (output === 'name') out.push(o.ref);
      else out.push(`${o.ref} ${o.action}${dryRunSuffix(dry.mode)}`);
    }
    if (printed.length > 0) {
      const value = printed.length === 1 ? printed[0] : asList(printed);
      out.push((output === 'yaml' ? toYaml(value) : toJson(value)).trimEnd());
    }
    const failed = denied.length + outcomes.filter((o) => !o.ok).length;
    return {
      state: dry.mode === 'none' && draft.dirty ? draft.commit() : undefined,
      stdout: out.length ? `${out.join('\n')}\n` : '',
      stderr: err.join('\n'),
      exitCode: failed > 0 ? 1 : 0,
    };
  },
};
