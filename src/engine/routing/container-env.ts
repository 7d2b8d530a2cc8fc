/**
 * The environment the kubelet gives a container: PATH, HOSTNAME, the container's own `env`
 * (in order), the Docker-style links of the Services it may discover (its namespace's, plus
 * `kubernetes` from `default`, unless `enableServiceLinks: false`), and HOME. What `env`
 * prints in the pod, what `sh -c` expands `$VAR`s from, and what a lesson goal's URL follows.
 */
import {
  getObject,
  listObjects,
  type ClusterState,
  type Pod,
  type Service,
  type Stored,
} from '../cluster/index.ts';
import { podHostnames } from '../dns/index.ts';

/** One `NAME=value` entry, in the order `env` prints it. */
export interface EnvVar {
  name: string;
  value: string;
}

/** The container's environment; `container` defaults to the pod's first container. */
export function containerEnvironment(
  state: ClusterState,
  pod: Stored<Pod>,
  container?: string,
): EnvVar[] {
  const vars: EnvVar[] = [
    { name: 'PATH', value: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    { name: 'HOSTNAME', value: podHostnames(state, pod).hostname },
  ];
  const containers = pod.spec?.containers ?? [];
  const own =
    container === undefined ? containers[0] : containers.find((c) => c.name === container);
  for (const e of own?.env ?? [])
    vars.push({ name: e.name, value: e.value ?? (e.valueFrom ? '(from a reference)' : '') });
  // Docker-style links exist only for Services in the pod's own namespace (plus `kubernetes`).
  const services = listObjects<Service>(state, 'Service', pod.metadata.namespace).filter(
    (s) => pod.spec?.enableServiceLinks !== false || s.metadata.name === 'kubernetes',
  );
  const kubernetes = getObject<Service>(state, 'Service', 'default', 'kubernetes');
  if (kubernetes && pod.metadata.namespace !== 'default') services.push(kubernetes);
  for (const s of services) {
    const ip = s.spec?.clusterIP;
    if (!ip || ip === 'None' || s.spec?.type === 'ExternalName') continue;
    const prefix = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const first = s.spec?.ports?.[0];
    vars.push({ name: `${prefix}_SERVICE_HOST`, value: ip });
    if (first) vars.push({ name: `${prefix}_SERVICE_PORT`, value: String(first.port) });
    for (const p of s.spec?.ports ?? []) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      if (p.name)
        vars.push({
          name: `${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}`,
          value: String(p.port),
        });
      vars.push({
        name: `${prefix}_PORT_${p.port}_${proto.toUpperCase()}`,
        value: `${proto}://${ip}:${p.port}`,
      });
    }
    if (first)
      vars.push({
        name: `${prefix}_PORT`,
        value: `${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`,
      });
  }
  vars.push({ name: 'HOME', value: '/root' });
  return vars;
}

/** A variable's value as the shell sees it: the first entry of that name, or undefined. */
export function envValue(vars: readonly EnvVar[], name: string): string | undefined {
  return vars.find((v) => v.name === name)?.value;
}
