/**
 * `kubectl config`'s subcommands by name, usage and flags (their implementations are in
 * config.ts, which the app loads on demand), and the group that holds them.
 */
import type { Command, CommandSpec } from '../types.ts';
import { OUTPUT_FLAG } from './output-flags.ts';

export const setContextSpec: CommandSpec = {
  name: 'set-context',
  short: 'Set a context entry in kubeconfig',
  usage:
    'kubectl config set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace] [options]',
  flags: [
    { name: 'current', type: 'bool', description: 'Modify the current context' },
    { name: 'cluster', type: 'string', description: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', description: 'user for the context entry in kubeconfig' },
  ],
};

export const useContextSpec: CommandSpec = {
  name: 'use-context',
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  usage: 'kubectl config use-context CONTEXT_NAME [options]',
  flags: [],
};

export const viewSpec: CommandSpec = {
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
};

export const currentContextSpec: CommandSpec = {
  name: 'current-context',
  short: 'Display the current-context',
  usage: 'kubectl config current-context [options]',
  flags: [],
};

export const getContextsSpec: CommandSpec = {
  name: 'get-contexts',
  short: 'Describe one or many contexts',
  usage: 'kubectl config get-contexts [(-o|--output=)name)] [options]',
  flags: [
    OUTPUT_FLAG,
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default output format, don't print headers.",
    },
  ],
};

/** `kubectl config` over the given subcommands (implemented or deferred). */
export function configGroup(subcommands: readonly Command[]): Command {
  return {
    name: 'config',
    short: 'Modify kubeconfig files',
    usage: 'kubectl config SUBCOMMAND [options]',
    flags: [],
    subcommands,
  };
}
