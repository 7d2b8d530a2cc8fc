/** `create`: Create a resource from a file or from stdin. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const create: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [],
  run: () => ({ stderr: 'error: "create" is not available in this simulator yet', exitCode: 1 }),
};
