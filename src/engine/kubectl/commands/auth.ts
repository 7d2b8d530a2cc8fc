/** `auth`: Inspect authorization. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const auth: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "auth" is not available in this simulator yet', exitCode: 1 }),
};
