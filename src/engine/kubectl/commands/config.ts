/**
 * `kubectl config`: the simulated kubeconfig (kubeconfig.ts) — its contexts listed, switched,
 * changed and added — and views of it.
 */
import type { KubeContext } from '../../cluster/index.ts';
import {
  allContexts,
  currentContext,
  currentContextName,
  setContext as setContextEntry,
  useContext,
} from '../kubeconfig.ts';
import { toYaml } from '../printers/serialize.ts';
import type { Command } from '../types.ts';
import {
  configGroup,
  currentContextSpec,
  getContextsSpec,
  setContextSpec,
  useContextSpec,
  viewSpec,
} from './config-specs.ts';

function kubeconfig(ctx: KubeContext, minify: boolean) {
  const current = currentContext(ctx);
  const contexts = minify ? [current] : allContexts(ctx);
  const users = [...new Set(contexts.map((c) => c.user).filter(Boolean))].sort();
  const clusters = [...new Set(contexts.map((c) => c.cluster).filter(Boolean))].sort();
  return {
    apiVersion: 'v1',
    clusters: clusters.map((name) => ({
      cluster: {
        'certificate-authority-data': 'DATA+OMITTED',
        server: 'https://172.18.0.2:6443',
      },
      name,
    })),
    contexts: contexts.map((c) => ({
      context: {
        cluster: c.cluster,
        ...(c.name === current.name && !minify ? { namespace: ctx.namespace } : {}),
        ...(c.namespace !== undefined && (c.name !== current.name || minify)
          ? { namespace: c.namespace }
          : {}),
        user: c.user,
      },
      name: c.name,
    })),
    'current-context': current.name,
    kind: 'Config',
    preferences: {},
    users: users.map((name) => ({
      name,
      user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
    })),
  };
}

const setContext: Command = {
  ...setContextSpec,
  run(ctx) {
    const current = ctx.flags.current === true;
    if (current && ctx.args.length > 0)
      return { stderr: 'error: you cannot specify both a context name and --current', exitCode: 1 };
    const name = current ? currentContextName(ctx.state.context) : ctx.args[0];
    if (!name)
      return {
        stderr: 'error: you must specify a non-empty context name or --current',
        exitCode: 1,
      };
    const r = setContextEntry(ctx.state.context, name, {
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      ...(typeof ctx.flags.user === 'string' ? { user: ctx.flags.user } : {}),
      ...(typeof ctx.flags.cluster === 'string' ? { cluster: ctx.flags.cluster } : {}),
    });
    return {
      state: { ...ctx.state, context: r.context },
      stdout: `Context "${name}" ${r.created ? 'created' : 'modified'}.\n`,
    };
  },
};

const useContextCommand: Command = {
  ...useContextSpec,
  run(ctx) {
    const name = ctx.args[0];
    if (!name || ctx.args.length > 1)
      return {
        stderr: `error: Unexpected args: [${ctx.args.join(' ')}]\nSee '${ctx.path} -h' for help and examples`,
        exitCode: 1,
      };
    const next = useContext(ctx.state.context, name);
    if (!next) return { stderr: `error: no context exists with the name: "${name}"`, exitCode: 1 };
    return {
      state: { ...ctx.state, context: next },
      stdout: `Switched to context "${name}".\n`,
    };
  },
};

const view: Command = {
  ...viewSpec,
  run(ctx) {
    const cfg = kubeconfig(ctx.state.context, ctx.flags.minify === true);
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

const currentContextCommand: Command = {
  ...currentContextSpec,
  run: (ctx) => ({ stdout: `${currentContextName(ctx.state.context)}\n` }),
};

/** kubectl's tabwriter for these tables: cells at least 10 wide, 3 spaces of padding. */
function tabwriter(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(10, ...rows.map((r) => r[i]!.length + 3)));
  return rows
    .map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]!) : c)).join(''))
    .join('\n');
}

const getContexts: Command = {
  ...getContextsSpec,
  run(ctx) {
    const all = allContexts(ctx.state.context);
    const current = currentContextName(ctx.state.context);
    const missing = ctx.args.find((a) => !all.some((c) => c.name === a));
    if (missing) return { stderr: `error: context ${missing} not found`, exitCode: 1 };
    const shown = ctx.args.length ? all.filter((c) => ctx.args.includes(c.name)) : all;
    if (ctx.flags.output === 'name') return { stdout: shown.map((c) => `${c.name}\n`).join('') };
    if (ctx.flags.output !== undefined && ctx.flags.output !== '')
      return { stderr: `error: output must be one of '' or 'name'`, exitCode: 1 };
    const rows = shown.map((c) => [
      c.name === current ? '*' : '',
      c.name,
      c.cluster,
      c.user,
      c.namespace ?? '',
    ]);
    const header = ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'];
    const table = tabwriter(ctx.flags['no-headers'] === true ? rows : [header, ...rows]);
    return { stdout: rows.length || ctx.flags['no-headers'] !== true ? `${table}\n` : '' };
  },
};

/** `kubectl config` with its subcommands implemented. */
export const config: Command = configGroup([
  setContext,
  useContextCommand,
  view,
  currentContextCommand,
  getContexts,
]);
