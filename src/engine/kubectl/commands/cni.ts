/**
 * `cni`: the cluster's network plugin, as far as NetworkPolicy is concerned (nslab
 * extension). Calico and Cilium enforce NetworkPolicy; Flannel does not, so policies are
 * stored but change nothing. Only the setting changes: the objects stay as they are.
 */
import type { NetworkPolicyMode } from '../../cluster/index.ts';
import type { Command } from '../types.ts';
import { cniSpec } from './deferred-specs.ts';

const PLUGINS: Record<string, NetworkPolicyMode> = {
  calico: 'enforcing',
  cilium: 'enforcing',
  enforcing: 'enforcing',
  flannel: 'not-enforcing',
  'not-enforcing': 'not-enforcing',
};

function describeMode(mode: NetworkPolicyMode): string {
  return mode === 'enforcing'
    ? 'the network plugin enforces NetworkPolicy (as Calico or Cilium do)'
    : 'the network plugin does not enforce NetworkPolicy (as Flannel): policies are stored but allow and deny nothing';
}

export const cni: Command = {
  ...cniSpec,
  run(ctx) {
    const current = ctx.state.settings.networkPolicy;
    if (ctx.args.length === 0) return { stdout: `${describeMode(current)}\n` };
    if (ctx.args.length > 1)
      return { stderr: `error: cni takes one plugin name\nUsage: ${cni.usage}`, exitCode: 1 };
    const word = ctx.args[0]!.toLowerCase();
    const mode = PLUGINS[word];
    if (!mode)
      return {
        stderr: `error: unknown network plugin "${ctx.args[0]}": supported values: "calico", "cilium", "flannel", "enforcing", "not-enforcing"`,
        exitCode: 1,
      };
    if (mode === current) return { stdout: `unchanged: ${describeMode(mode)}\n` };
    return {
      state: { ...ctx.state, settings: { ...ctx.state.settings, networkPolicy: mode } },
      stdout: `${describeMode(mode)}\n`,
    };
  },
};
