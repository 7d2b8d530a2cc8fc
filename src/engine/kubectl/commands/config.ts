/**
 * `kubectl config`: the simulated kubeconfig has one cluster, one user and one context
 * whose namespace `set-context --current --namespace` changes.
 */
import { toYaml } from '../printers/serialize.ts';
import type { Command } from '../types.ts';
import { OUTPUT_FLAG } from './output-flags.ts';

const CONTEXT = 'kubernetes-admin@kubernetes';

function kubeconfig(namespace: string, user: string, minify: boolean) {
  return {
    apiVersion: 'v1',
    clusters: [
      {
        cluster: {
          'certificate-authority-data': 'DATA+OMITTED',
          server: 'https://172.18.0.2:6443',
        },
        name: 'kubernetes',
      },
    ],
    contexts: [
      {
        context: {
          cluster: 'kubernetes',
          ...(namespace !== 'default' || !minify ? { namespace } : {}),
          user,
        },
        name: CONTEXT,
      },
    ],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [
      {
        name: user,
        user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
      },
    ],
  };
}

const setContext: Command = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage:
    'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', type: 'bool', description: 'Modify the current context' },
    { name: 'cluster', type: 'string', description: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', description: 'user for the context entry in kubeconfig' },
  ],
  run(ctx) {
    const name = ctx.flags.current === true ? CONTEXT : ctx.args[0];
    if (!name)
      return {
        stderr: 'error: you must specify a non-empty context name or --current',
        exitCode: 1,
      };
    if (name !== CONTEXT)
      return {
        stderr: `error: the simulated kubeconfig has only the context "${CONTEXT}"`,
        exitCode: 1,
      };
    const namespace = ctx.namespaceExplicit ? ctx.namespace : ctx.state.context.namespace;
    return {
      state: { ...ctx.state, context: { ...ctx.state.context, namespace } },
      stdout: `Context "${CONTEXT}" modified.\n`,
    };
  },
};

const view: Command = {
  name: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  usage: 'kubectl config view [flags] [options]',
  flags: [
    OUTPUT_FLAG,
    {
      name: 'minify',
      type: 'bool',
      description: 'Remove all information not used by current-context from the output',
    },
    { name: 'raw', type: 'bool', description: 'Display raw byte data and sensitive data' },
  ],
  run(ctx) {
    const cfg = kubeconfig(
      ctx.state.context.namespace,
      ctx.state.context.user,
      ctx.flags.minify === true,
    );
    const jsonpath =
      typeof ctx.flags.output === 'string' && ctx.flags.output.startsWith('jsonpath=')
        ? ctx.flags.output.slice(9)
        : undefined;
    if (
      jsonpath &&
      /\{\s*\.\.namespace\s*\}|\{\s*\.contexts\[0\]\.context\.namespace\s*\}/.test(jsonpath)
    ) {
      return { stdout: ctx.state.context.namespace };
    }
    if (ctx.flags.output === 'json') return { stdout: JSON.stringify(cfg, null, 4) + '\n' };
    return { stdout: toYaml(cfg) };
  },
};

const currentContext: Command = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
  run: () => ({ stdout: `${CONTEXT}\n` }),
};

const getContexts: Command = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [OUTPUT_FLAG],
  run(ctx) {
    if (ctx.flags.output === 'name') return { stdout: `${CONTEXT}\n` };
    const ns = ctx.state.context.namespace;
    const header = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
    const row = ['*', CONTEXT, 'kubernetes', ctx.state.context.user, ns === 'default' ? '' : ns];
    const w = header.map((h, i) => Math.max(h.length, row[i]!.length) + 3);
    const line = (r: string[]) =>
      r
        .map((c, i) => (i < r.length - 1 ? c.padEnd(w[i]!) : c))
        .join('')
        .trimEnd();
    return { stdout: `${line(header)}\n${line(row)}\n` };
  },
};

export const config: Command = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: [],
  subcommands: [setContext, view, currentContext, getContexts],
};
