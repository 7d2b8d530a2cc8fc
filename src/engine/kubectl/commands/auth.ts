/**
 * `kubectl auth can-i` and `kubectl auth whoami`. can-i parses its arguments exactly as
 * kubectl does (TYPE resolved through discovery, `TYPE/NAME`, a leading `/` for a
 * non-resource URL, `--subresource`, `-A` for all namespaces) and asks the authorizer as a
 * SelfSubjectAccessReview would: `yes` (exit 0) or `no` (exit 1, with the server's reason).
 */
import {
  accessList,
  authorize,
  resolveApiResource,
  type AuthzAttributes,
} from '../../rbac/index.ts';
import { checkAccess } from '../authz.ts';
import { formatTable } from '../printers/table.ts';
import { toJson, toYaml } from '../printers/serialize.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { OUTPUT_FLAG } from './output-flags.ts';

const RESOURCE_VERBS = new Set([
  'get',
  'list',
  'watch',
  'create',
  'update',
  'patch',
  'delete',
  'deletecollection',
  'use',
  'bind',
  'impersonate',
  '*',
  'approve',
  'sign',
  'escalate',
  'attest',
]);
const NON_RESOURCE_VERBS = new Set([
  'get',
  'put',
  'post',
  'head',
  'options',
  'delete',
  'patch',
  '*',
]);
// Resources the server authorizes that discovery does not list (impersonation targets).
const NON_STANDARD = new Set(['users', 'groups']);

function warn(message: string): string {
  return `Warning: ${message}\n`;
}

/** The resource part of a can-i request, resolved as kubectl's REST mapper resolves it. */
function resolveResource(arg: string): {
  group: string;
  resource: string;
  namespaced: boolean | undefined;
  warning: string;
} {
  if (arg === '*') return { group: '', resource: '*', namespaced: true, warning: '' };
  const found = resolveApiResource(arg);
  if (found)
    return {
      group: found.group,
      resource: found.resource,
      namespaced: found.namespaced,
      warning: '',
    };
  const lower = arg.toLowerCase();
  const dot = lower.indexOf('.');
  const resource = dot < 0 ? lower : lower.slice(0, dot);
  const group = dot < 0 ? '' : lower.slice(dot + 1);
  const asString = group ? `${resource}.${group}` : resource;
  const warning = NON_STANDARD.has(asString)
    ? ''
    : warn(
        group
          ? `the server doesn't have a resource type '${resource}' in group '${group}'`
          : `the server doesn't have a resource type '${resource}'`,
      );
  // kubectl then asks about the argument exactly as typed, in the core group.
  return { group: '', resource: arg, namespaced: undefined, warning };
}

function usageError(): CommandOutput {
  return {
    stderr:
      "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
    exitCode: 1,
  };
}

function runList(ctx: CommandContext): CommandOutput {
  const rows = accessList(ctx.state, ctx.user, ctx.namespace).map((r) => [
    r.resources,
    r.nonResourceURLs,
    r.resourceNames,
    r.verbs,
  ]);
  const header = ['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs'];
  return { stdout: formatTable(ctx.flags['no-headers'] === true ? rows : [header, ...rows]) };
}

function runCanI(ctx: CommandContext): CommandOutput {
  const all = ctx.flags['all-namespaces'] === true;
  const quiet = ctx.flags.quiet === true;
  const subresource = (ctx.flags.subresource as string | undefined) ?? '';
  if (ctx.flags.list === true) {
    if (ctx.args.length !== 0)
      return { stderr: 'error: list option must be specified with no arguments', exitCode: 1 };
    if (quiet || all || subresource)
      return {
        stderr:
          "error: list option can't be specified with neither quiet, all-namespaces nor subresource options",
        exitCode: 1,
      };
    return runList(ctx);
  }
  if (ctx.args.length !== 2) return usageError();
  const [verb, target] = ctx.args as [string, string];
  let stderr = '';
  let attrs: AuthzAttributes;
  const namespace = all ? '' : ctx.namespace;
  if (target.startsWith('/')) {
    if (subresource)
      return { stderr: 'error: --subresource can not be used with NonResourceURL', exitCode: 1 };
    if (!NON_RESOURCE_VERBS.has(verb)) stderr += warn(`verb '${verb}' is not a known verb`);
    attrs = { verb, resourceRequest: false, path: target };
  } else {
    const slash = target.indexOf('/');
    const typeArg = slash < 0 ? target : target.slice(0, slash);
    const name = slash < 0 ? '' : target.slice(slash + 1);
    const r = resolveResource(typeArg);
    stderr += r.warning;
    if (!all && r.namespaced === false) {
      stderr += warn(
        r.group
          ? `resource '${r.resource}' is not namespace scoped in group '${r.group}'`
          : `resource '${r.resource}' is not namespace scoped`,
      );
    }
    if (!all && !RESOURCE_VERBS.has(verb)) stderr += warn(`verb '${verb}' is not a known verb`);
    attrs = {
      verb,
      resourceRequest: true,
      apiGroup: r.group,
      resource: r.resource,
      subresource,
      name,
      namespace,
    };
  }
  if (ctx.flags['no-headers'] === true)
    return {
      stderr: stderr + 'error: --no-headers cannot be set without --list specified',
      exitCode: 1,
    };
  const decision = authorize(ctx.state, ctx.user, attrs);
  if (decision.allowed) return { stdout: quiet ? '' : 'yes\n', stderr, exitCode: 0 };
  const line = decision.apiReason ? `no - ${decision.apiReason}` : 'no';
  return { stdout: quiet ? '' : `${line}\n`, stderr, exitCode: 1 };
}

const canI: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  flags: [
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If true, check the specified action in all namespaces.',
    },
    {
      name: 'quiet',
      short: 'q',
      type: 'bool',
      description: 'If true, suppress output and just return the exit code.',
    },
    {
      name: 'subresource',
      type: 'string',
      description: 'SubResource such as pod/log or deployment/scale',
    },
    { name: 'list', type: 'bool', description: 'If true, prints all allowed actions.' },
    {
      name: 'no-headers',
      type: 'bool',
      description: 'If true, prints allowed actions without headers',
    },
  ],
  run: runCanI,
};

const whoami: Command = {
  name: 'whoami',
  short: 'Experimental: Check self subject attributes',
  usage: 'kubectl auth whoami [flags] [options]',
  flags: [OUTPUT_FLAG],
  run(ctx) {
    const denied = checkAccess(ctx, {
      verb: 'create',
      group: 'authentication.k8s.io',
      resource: 'selfsubjectreviews',
    });
    if (denied) return { stderr: denied, exitCode: 1 };
    const output = (ctx.flags.output as string | undefined) ?? '';
    if (output === 'yaml' || output === 'json') {
      const review = {
        apiVersion: 'authentication.k8s.io/v1',
        kind: 'SelfSubjectReview',
        metadata: { creationTimestamp: null },
        status: { userInfo: { groups: ctx.user.groups, username: ctx.user.username } },
      };
      return { stdout: output === 'yaml' ? toYaml(review) : toJson(review) };
    }
    if (output !== '')
      return {
        stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`,
        exitCode: 1,
      };
    const rows = [
      ['ATTRIBUTE', 'VALUE'],
      ['Username', ctx.user.username],
    ];
    if (ctx.user.groups.length > 0) rows.push(['Groups', `[${ctx.user.groups.join(' ')}]`]);
    return { stdout: formatTable(rows) };
  },
};

export const auth: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  subcommands: [canI, whoami],
};
