/** `probe`: NetworkPolicy truth table over all pods (nslab). (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const probe: Command = {
  name: 'probe',
  short: 'NetworkPolicy truth table over all pods (nslab)',
  usage: 'probe [--port N] [--protocol TCP|UDP|SCTP] [-o json]',
  flags: [],
  run: () => ({ stderr: 'error: "probe" is not available in this simulator yet', exitCode: 1 }),
};
