/**
 * `who-can VERB RESOURCE [-n NS | -A]` (nslab; the layout of the kubectl-who-can plugin):
 * the subjects of every RoleBinding and ClusterRoleBinding whose role allows the action,
 * with the binding that gives it. RESOURCE resolves as in `auth can-i` (`TYPE[.GROUP][/NAME]`,
 * `--subresource`, or a `/non-resource/url`).
 */
import {
  resolveApiResource,
  whoCan as whoCanQuery,
  type AuthzAttributes,
  type WhoCanEntry,
} from '../../rbac/index.ts';
import { formatTable } from '../printers/table.ts';
import type { Command } from '../types.ts';
import { whoCanSpec } from './deferred-specs.ts';

function subjectNamespace(e: WhoCanEntry): string {
  if (e.subject.kind !== 'ServiceAccount') return '';
  return e.subject.namespace || e.namespace || '';
}

export const whoCan: Command = {
  ...whoCanSpec,
  run(ctx) {
    if (ctx.args.length !== 2) {
      return {
        stderr:
          "error: you must specify two arguments: verb and resource (or verb and resource/name)\nSee 'who-can --help' for usage.",
        exitCode: 1,
      };
    }
    const [verb, target] = ctx.args as [string, string];
    const all = ctx.flags['all-namespaces'] === true;
    const subresource = (ctx.flags.subresource as string | undefined) ?? '';
    let attrs: AuthzAttributes;
    let action: string;
    let namespaced: boolean;
    if (target.startsWith('/')) {
      attrs = { verb, resourceRequest: false, path: target };
      action = `${verb} ${target}`;
      namespaced = false;
    } else {
      const slash = target.indexOf('/');
      const typeArg = slash < 0 ? target : target.slice(0, slash);
      const name = slash < 0 ? '' : target.slice(slash + 1);
      const info = typeArg === '*' ? undefined : resolveApiResource(typeArg);
      if (!info && typeArg !== '*')
        return {
          stderr: `error: the server doesn't have a resource type "${typeArg}"`,
          exitCode: 1,
        };
      namespaced = info ? info.namespaced : true;
      const resource = info ? info.resource : '*';
      const group = info ? info.group : '';
      attrs = {
        verb,
        resourceRequest: true,
        apiGroup: group,
        resource,
        subresource,
        name,
        namespace: all || !namespaced ? '' : ctx.namespace,
      };
      const qualified = `${resource}${group ? `.${group}` : ''}${subresource ? `/${subresource}` : ''}`;
      action = `${verb} ${qualified}${name ? `/${name}` : ''}`;
    }
    // Cluster-scoped resources and URLs can only be granted cluster-wide.
    const result = whoCanQuery(ctx.state, attrs, all && namespaced);
    const out: string[] = [];
    if (!namespaced) {
      // RoleBindings never grant a cluster-scoped request.
    } else if (result.roleBindings.length === 0) {
      out.push(`No subjects found with permissions to ${action} assigned through RoleBindings\n`);
    } else {
      out.push(
        formatTable([
          ['ROLEBINDING', 'NAMESPACE', 'SUBJECT', 'TYPE', 'SA-NAMESPACE', 'ROLE'],
          ...result.roleBindings.map((e) => [
            e.binding,
            e.namespace ?? '',
            e.subject.name,
            e.subject.kind,
            subjectNamespace(e),
            `${e.roleRef.kind}/${e.roleRef.name}`,
          ]),
        ]),
      );
    }
    if (result.clusterRoleBindings.length === 0) {
      out.push(
        `No subjects found with permissions to ${action} assigned through ClusterRoleBindings\n`,
      );
    } else {
      out.push(
        formatTable([
          ['CLUSTERROLEBINDING', 'SUBJECT', 'TYPE', 'SA-NAMESPACE', 'ROLE'],
          ...result.clusterRoleBindings.map((e) => [
            e.binding,
            e.subject.name,
            e.subject.kind,
            subjectNamespace(e),
            `ClusterRole/${e.roleRef.name}`,
          ]),
        ]),
      );
    }
    const warnings = result.errors
      .map((e) => `Warning: ${e} (this binding grants nothing)\n`)
      .join('');
    return { stdout: out.join('\n'), stderr: warnings };
  },
};
