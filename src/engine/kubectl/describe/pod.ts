/** `kubectl describe pod` (describePod in kubectl pkg/describe/describe.go). */
import type { Pod, Stored } from '../../cluster/index.ts';
import { humanDuration } from '../printers/table.ts';
import {
  describeContainers,
  describeResources,
  describeVolumes,
  type EnvResolver,
} from './containers.ts';
import {
  controllerOf,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
  rfc1123z,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

/** The pod's QoS class computed from container requests and limits (qos.GetPodQOS). */
export function podQOS(pod: Pod): string {
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anySet = true;
      const request = req[r] ?? lim[r];
      if (lim[r] === undefined || String(request) !== String(lim[r])) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function envResolver(pod: Stored<Pod>): EnvResolver {
  return (path) => {
    const label = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (label) return pod.metadata[label[1] as 'labels' | 'annotations']?.[label[2]!] ?? '';
    const values: Record<string, string | undefined> = {
      'metadata.name': pod.metadata.name,
      'metadata.namespace': pod.metadata.namespace,
      'metadata.uid': pod.metadata.uid,
      'spec.nodeName': pod.spec?.nodeName,
      'spec.serviceAccountName': pod.spec?.serviceAccountName,
      'status.hostIP': pod.status?.hostIP,
      'status.podIP': pod.status?.podIP,
    };
    return values[path] ?? '';
  };
}

export function describePod(
  pod: Stored<Pod>,
  now: number,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    w.write(0, `Name:\t${pod.metadata.name}\n`);
    w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
    if (spec?.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(
      0,
      spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n',
    );
    if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', pod.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pod.metadata.annotations);
    if (
      pod.metadata.deletionTimestamp &&
      status.phase !== 'Failed' &&
      status.phase !== 'Succeeded'
    ) {
      w.write(
        0,
        `Status:\tTerminating (lasts ${humanDuration(now - Date.parse(pod.metadata.deletionTimestamp))})\n`,
      );
      w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(0, `Message:\t${status.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost')
        w.write(0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(0, `IP:\t${status.podIP ?? ''}\n`);
    if (status.podIPs?.length) {
      w.write(0, 'IPs:\n');
      for (const ip of status.podIPs) w.write(1, `IP:\t${ip.ip}\n`);
    } else {
      w.write(0, 'IPs:\t<none>\n');
    }
    const controlledBy = controllerOf(pod.metadata);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (
      spec as { resources?: Parameters<typeof describeResources>[1] } | undefined
    )?.resources;
    if (podResources) {
      w.write(0, 'Resources:\n');
      describeResources(w, podResources, 1);
    }
    const resolve = envResolver(pod);
    if (spec?.initContainers?.length)
      describeContainers(
        w,
        'Init Containers',
        spec.initContainers,
        status.initContainerStatuses,
        resolve,
      );
    describeContainers(w, 'Containers', spec?.containers ?? [], status.containerStatuses, resolve);
    if (spec?.readinessGates?.length) {
      w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec?.volumes);
    w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
    describeEvents(w);
  });
}
