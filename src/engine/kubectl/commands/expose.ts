/** `expose`: Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service. (Not built yet: prints so, exit 1.) */
import type { Command } from '../types.ts';

export const expose: Command = {
  name: 'expose',
  short:
    'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage:
    'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [],
  run: () => ({ stderr: 'error: "expose" is not available in this simulator yet', exitCode: 1 }),
};
