/** `kubectl delete TYPE NAME…`, `TYPE/NAME`, `-f FILE`, `-l SELECTOR`, `--all`. */
import { kindForApiVersion, mustKind, type KindName } from '../../api/index.ts';
import { ClusterDraft, deleteObject, listObjects, settleAfterDelete } from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import { checkAccess } from '../authz.ts';
import { parseResourceArgs } from '../resources.ts';
import type { Command } from '../types.ts';
import { FILENAME_FLAG, readManifests } from './manifests.ts';

export const del: Command = {
  name: 'delete',
  args: 'resource',
  short:
    'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    FILENAME_FLAG,
    {
      name: 'selector',
      short: 'l',
      type: 'string',
      description: 'Selector (label query) to filter on.',
    },
    {
      name: 'all',
      type: 'bool',
      description: 'Delete all resources, in the namespace of the specified resource types.',
    },
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If present, list the requested object(s) across all namespaces.',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      description: 'Treat "resource not found" as a successful delete.',
    },
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    },
    {
      name: 'grace-period',
      type: 'int',
      description: 'Period of time in seconds given to the resource to terminate gracefully.',
    },
    {
      name: 'now',
      type: 'bool',
      description: 'If true, resources are signaled for immediate shutdown.',
    },
    {
      name: 'wait',
      type: 'bool',
      description: 'If true, wait for resources to be gone before returning.',
    },
  ],
  run(ctx) {
    const draft = new ClusterDraft(ctx.state);
    const out: string[] = [];
    const err: string[] = [];
    const targets: Array<{ kind: KindName; namespace: string | undefined; name: string }> = [];
    if (ctx.flags.filename !== undefined) {
      const read = readManifests(ctx);
      if (!read.ok) return { stderr: read.error, exitCode: 1 };
      for (const { object } of read.objects) {
        const info = kindForApiVersion(object.apiVersion, object.kind);
        if (!info) {
          err.push(
            `error: resource mapping not found for name: ${JSON.stringify(object.metadata.name)} namespace: ${JSON.stringify(object.metadata.namespace ?? '')}: no matches for kind ${JSON.stringify(object.kind)} in version ${JSON.stringify(object.apiVersion)}`,
          );
          continue;
        }
        targets.push({
          kind: info.kind,
          namespace: info.namespaced ? (object.metadata.namespace ?? ctx.namespace) : undefined,
          name: object.metadata.name,
        });
      }
    } else {
      const parsed = parseResourceArgs(ctx.args);
      if (!parsed.ok) {
        return {
          stderr:
            ctx.args.length === 0
              ? "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"
              : parsed.error,
          exitCode: 1,
        };
      }
      const selectorText = ctx.flags.selector as string | undefined;
      const selector = parseSelectorString(selectorText ?? '');
      if (!selector.ok) return { stderr: `error: ${selector.error}`, exitCode: 1 };
      for (const req of parsed.requests) {
        if (req.names.length > 0) {
          for (const name of req.names)
            targets.push({ kind: req.info.kind, namespace: ctx.namespace, name });
        } else if (ctx.flags.all === true || selectorText !== undefined) {
          const ns =
            req.info.namespaced && ctx.flags['all-namespaces'] !== true ? ctx.namespace : undefined;
          for (const o of listObjects(ctx.state, req.info.kind, ns).filter((o) =>
            selector.matches(o.metadata.labels),
          )) {
            targets.push({
              kind: req.info.kind,
              namespace: o.metadata.namespace,
              name: o.metadata.name,
            });
          }
        } else {
          return {
            stderr: 'error: resource(s) were provided, but no name was specified',
            exitCode: 1,
          };
        }
      }
      if (targets.length === 0 && err.length === 0) {
        return { stderr: 'No resources found', exitCode: 0 };
      }
    }
    for (const t of targets) {
      const info = mustKind(t.kind);
      const denied = checkAccess(ctx, {
        verb: 'delete',
        resource: info.resource,
        group: info.group,
        namespace: info.namespaced ? t.namespace : undefined,
        name: t.name,
      });
      if (denied) {
        err.push(denied);
        continue;
      }
      const result = deleteObject(draft, info, t.namespace, t.name);
      if (result.ok) out.push(result.message);
      else if (!(ctx.flags['ignore-not-found'] === true && result.message.includes('(NotFound)')))
        err.push(result.message);
    }
    settleAfterDelete(draft);
    return {
      state: draft.dirty ? draft.commit() : undefined,
      stdout: out.length ? `${out.join('\n')}\n` : '',
      stderr: err.join('\n'),
      exitCode: err.length > 0 ? 1 : 0,
    };
  },
};
