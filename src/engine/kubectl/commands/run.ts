/** `run`: Run a particular image on the cluster. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const run: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "run" is not available in this simulator yet', exitCode: 1 }),
};
