/**
 * A pod's row in `kubectl get pods` (printPod in pkg/printers/internalversion): READY counts
 * ready running containers, STATUS is the phase overridden by the pod's reason, init container
 * progress (`Init:0/1`), a waiting or terminated container's reason, `Terminating`; RESTARTS
 * adds `(5m ago)` after the last restart.
 */
import type { KubeObject, Pod, Stored } from '../../cluster/index.ts';
import type { ContainerStatus } from 'kubernetes-types/core/v1';
import { age, humanDuration } from './table.ts';

const none = '<none>';

function restartable(pod: Pod, name: string): boolean {
  return pod.spec?.initContainers?.find((c) => c.name === name)?.restartPolicy === 'Always';
}

function lastTermination(s: ContainerStatus): number {
  const at = s.lastState?.terminated?.finishedAt;
  return at ? Date.parse(at) : 0;
}

export function podRow(obj: KubeObject, now: number): string[] {
  const pod = obj as Stored<Pod>;
  const status = pod.status ?? {};
  const phase = status.phase ?? '';
  let reason: string = status.reason || phase;
  let total = pod.spec?.containers?.length ?? 0;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;
  if (status.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated'))
    reason = 'SchedulingGated';
  for (const c of pod.spec?.initContainers ?? []) if (c.restartPolicy === 'Always') total++;

  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    lastRestart = Math.max(lastRestart, lastTermination(c));
    const sidecar = restartable(pod, c.name);
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestart = Math.max(lastSidecarRestart, lastTermination(c));
    }
    const term = c.state?.terminated;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      reason = term.reason
        ? `Init:${term.reason}`
        : term.signal
          ? `Init:Signal:${term.signal}`
          : `Init:ExitCode:${term.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }

  const initialized = status.conditions?.some(
    (c) => c.type === 'Initialized' && c.status === 'True',
  );
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i]!;
      restarts += c.restartCount ?? 0;
      lastRestart = Math.max(lastRestart, lastTermination(c));
      const term = c.state?.terminated;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (term?.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';

  const restartCell =
    restarts !== 0 && lastRestart > 0
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return [
    pod.metadata.name,
    `${ready}/${total}`,
    reason,
    restartCell,
    age(pod.metadata.creationTimestamp, now),
  ];
}

export function podWideRow(obj: KubeObject): string[] {
  const pod = obj as Stored<Pod>;
  const gates = pod.spec?.readinessGates ?? [];
  let readinessGates = none;
  if (gates.length > 0) {
    const trueCount = gates.filter(
      (g) => pod.status?.conditions?.find((c) => c.type === g.conditionType)?.status === 'True',
    ).length;
    readinessGates = `${trueCount}/${gates.length}`;
  }
  return [
    pod.status?.podIPs?.[0]?.ip || none,
    pod.spec?.nodeName || none,
    pod.status?.nominatedNodeName || none,
    readinessGates,
  ];
}
