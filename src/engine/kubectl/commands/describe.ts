/**
 * `kubectl describe` (kubectl pkg/cmd/describe): `TYPE`, `TYPE NAME…`, `TYPE/NAME`, `-l`,
 * `-n`, `-A`. Objects print one after another separated by a blank line pair; `TYPE NAME`
 * where NAME matches no object describes every object whose name starts with NAME
 * (DescribeMatchingResources) and fails with the NotFound error only when none does.
 */
import { getObject, listObjects, type KubeObject } from '../../cluster/index.ts';
import { parseSelectorString } from '../../labels/index.ts';
import { describeObject } from '../describe/registry.ts';
import { parseResourceArgs, type ResourceRequest } from '../resources.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { describeSpec } from './deferred-specs.ts';
import { objectsFromFiles } from './file-objects.ts';
import { notFoundError, requestDenied } from './get-object.ts';

function describeOne(ctx: CommandContext, obj: KubeObject): string {
  return describeObject(ctx.state, obj, { showEvents: ctx.flags['show-events'] !== false });
}

export const describe: Command = {
  ...describeSpec,
  run(ctx): CommandOutput {
    if (ctx.flags.filename !== undefined) {
      const files = objectsFromFiles(ctx);
      if (!files.ok) return { stderr: files.error, exitCode: 1 };
      const texts = files.objects.flatMap((f) =>
        'object' in f ? [describeOne(ctx, f.object)] : [],
      );
      const errors = files.objects.flatMap((f) => ('error' in f ? [f.error] : []));
      return {
        stdout: texts.join('\n\n'),
        stderr: errors.join('\n'),
        exitCode: errors.length ? 1 : 0,
      };
    }
    if (ctx.args.length === 0) {
      return {
        stderr:
          'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
        exitCode: 1,
      };
    }
    const parsed = parseResourceArgs(ctx.args);
    if (!parsed.ok) return { stderr: parsed.error, exitCode: 1 };
    const all = ctx.flags['all-namespaces'] === true;
    if (all && parsed.requests.some((r) => r.names.length > 0)) {
      return {
        stderr: 'error: a resource cannot be retrieved by name across all namespaces',
        exitCode: 1,
      };
    }
    const selector = parseSelectorString((ctx.flags.selector as string | undefined) ?? '');
    if (!selector.ok) return { stderr: `error: ${selector.error}`, exitCode: 1 };

    const errors: string[] = [];
    const objects: KubeObject[] = [];
    const missing: Array<{ req: ResourceRequest; name: string }> = [];
    for (const req of parsed.requests) {
      const namespace = req.info.namespaced && !all ? ctx.namespace : undefined;
      const denied = requestDenied(ctx, req, namespace);
      if (denied) {
        errors.push(denied);
        continue;
      }
      if (req.names.length === 0) {
        objects.push(
          ...listObjects(ctx.state, req.info.kind, namespace).filter((o) =>
            selector.matches(o.metadata.labels),
          ),
        );
        continue;
      }
      for (const name of req.names) {
        const obj = getObject(ctx.state, req.info.kind, namespace, name);
        if (obj) objects.push(obj);
        else {
          missing.push({ req, name });
          errors.push(notFoundError(req.info, name));
        }
      }
    }

    // `describe TYPE PREFIX`: a name that matches nothing is read as a name prefix.
    if (missing.length === 1 && ctx.args.length === 2 && errors.length === 1) {
      const { req, name } = missing[0]!;
      const namespace = req.info.namespaced ? ctx.namespace : undefined;
      const matches = listObjects(ctx.state, req.info.kind, namespace).filter((o) =>
        o.metadata.name.startsWith(name),
      );
      if (matches.length === 0) return { stderr: errors[0], exitCode: 1 };
      return { stdout: matches.map((o) => `${describeOne(ctx, o)}\n`).join('') };
    }

    const stdout = objects.map((o) => describeOne(ctx, o)).join('\n\n');
    if (objects.length === 0 && errors.length === 0) {
      return {
        stderr: all ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`,
      };
    }
    return { stdout, stderr: errors.join('\n'), exitCode: errors.length ? 1 : 0 };
  },
};
