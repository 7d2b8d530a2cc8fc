/** `resolve`: Resolve a DNS name from a pod, showing the search list (nslab). (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const resolve: Command = {
  name: 'resolve',
  short: 'Resolve a DNS name from a pod, showing the search list (nslab)',
  usage: 'resolve --from NS/POD NAME [--type A|AAAA|SRV|CNAME|PTR] [-o json]',
  flags: [],
  run: () => ({ stderr: 'error: "resolve" is not available in this simulator yet', exitCode: 1 }),
};
