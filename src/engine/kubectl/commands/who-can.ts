/** `who-can`: List the subjects that may perform an action, and the bindings that allow it (nslab). (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const whoCan: Command = {
  name: 'who-can',
  short: 'List the subjects that may perform an action, and the bindings that allow it (nslab)',
  usage: 'who-can VERB RESOURCE [-n NS]',
  flags: [],
  run: () => ({ stderr: 'error: "who-can" is not available in this simulator yet', exitCode: 1 }),
};
