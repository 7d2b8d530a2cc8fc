/** `explain`: Explain in words every hop of a connection (nslab). (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const explain: Command = {
  name: 'explain',
  short: 'Explain in words every hop of a connection (nslab)',
  usage: 'explain --from NS/POD --to NS/POD|URL [--port N] [--protocol P]',
  flags: [],
  run: () => ({ stderr: 'error: "explain" is not available in this simulator yet', exitCode: 1 }),
};
