/**
 * Matching a connection's port and protocol against a rule's `ports`. A named port is
 * resolved against the DESTINATION pod's declared container ports with the entry's protocol,
 * in ingress and egress rules alike; a name the destination does not declare (or a
 * destination that is not a pod) matches nothing. `endPort` makes an inclusive range.
 */
import type { Pod } from '../cluster/index.ts';
import type { PortSpec, Protocol } from './model.ts';

/** The container port number a pod declares under `name` for `protocol`, if any. */
export function namedPortNumber(
  pod: Pod | undefined,
  name: string,
  protocol: Protocol,
): number | undefined {
  if (!pod) return undefined;
  for (const list of [pod.spec?.containers ?? [], pod.spec?.initContainers ?? []]) {
    for (const c of list) {
      for (const p of c.ports ?? []) {
        if (p.name === name && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
      }
    }
  }
  return undefined;
}

/** How one ports entry met the connection, for explanations. */
export type PortOutcome =
  | { match: true; how: 'any-port' | 'number' | 'range' | 'named'; resolved?: number }
  | {
      match: false;
      why: 'protocol' | 'number' | 'range' | 'named-missing' | 'named-other-port' | 'named-no-pod';
      resolved?: number;
    };

/** Whether one ports entry admits `port`/`protocol` to the destination pod (if any). */
export function portEntryMatches(
  entry: PortSpec,
  port: number,
  protocol: Protocol,
  destination: Pod | undefined,
): PortOutcome {
  if (entry.protocol !== protocol) return { match: false, why: 'protocol' };
  if (entry.port === undefined) return { match: true, how: 'any-port' };
  if (typeof entry.port === 'number') {
    if (entry.endPort !== undefined) {
      return port >= entry.port && port <= entry.endPort
        ? { match: true, how: 'range' }
        : { match: false, why: 'range' };
    }
    return port === entry.port ? { match: true, how: 'number' } : { match: false, why: 'number' };
  }
  if (!destination) return { match: false, why: 'named-no-pod' };
  const resolved = namedPortNumber(destination, entry.port, protocol);
  if (resolved === undefined) return { match: false, why: 'named-missing' };
  return resolved === port
    ? { match: true, how: 'named', resolved }
    : { match: false, why: 'named-other-port', resolved };
}

/** `TCP/80`, `TCP/53-80`, `TCP/http`, `TCP (any port)`: a ports entry in words. */
export function formatPortEntry(entry: PortSpec): string {
  if (entry.port === undefined) return `${entry.protocol} (any port)`;
  if (entry.endPort !== undefined) return `${entry.protocol}/${entry.port}-${entry.endPort}`;
  return `${entry.protocol}/${entry.port}`;
}
