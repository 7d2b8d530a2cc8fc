/** `kubectl describe networkpolicy`. (Filled in by the NetworkPolicy work.) */
import type { KubeObject } from '../../cluster/index.ts';

export function describeNetworkPolicy(obj: KubeObject): string {
  return `Name:         ${obj.metadata.name}\nNamespace:    ${obj.metadata.namespace}\n`;
}
