/** `annotate`: Update the annotations on a resource. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const annotate: Command = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "annotate" is not available in this simulator yet', exitCode: 1 }),
};
