/** `label`: Update the labels on a resource. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const label: Command = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "label" is not available in this simulator yet', exitCode: 1 }),
};
