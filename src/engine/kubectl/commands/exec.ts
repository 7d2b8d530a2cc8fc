/** `exec`: Execute a command in a container. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const exec: Command = {
  name: 'exec',
  short: 'Execute a command in a container',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "exec" is not available in this simulator yet', exitCode: 1 }),
};
