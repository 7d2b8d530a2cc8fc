/** `describe`: Show details of a specific resource or group of resources. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const describe: Command = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [],
  run: () => ({ stderr: 'error: "describe" is not available in this simulator yet', exitCode: 1 }),
};
