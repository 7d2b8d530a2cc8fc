/** `kubectl describe statefulset|daemonset|job` (describeStatefulSet, describeDaemonSet, describeJob). */
import type { ClusterState, DaemonSet, Job, StatefulSet, Stored } from '../../cluster/index.ts';
import { formatLabels, selectorString } from '../../labels/index.ts';
import { humanDuration } from '../printers/table.ts';
import {
  jobSelector,
  ownedPods,
  podPhaseCounts,
  withDerivedStatus,
} from '../printers/workload-status.ts';
import { describePodTemplate } from './containers.ts';
import {
  controllerOf,
  describeEvents,
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  tabbed,
  type DescribeWriter,
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

function podsStatus(
  w: DescribeWriter,
  state: ClusterState,
  owner: Stored<StatefulSet | DaemonSet>,
) {
  const c = podPhaseCounts(ownedPods(state, owner));
  w.write(
    0,
    `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`,
  );
}

export function describeStatefulSet(
  state: ClusterState,
  obj: Stored<StatefulSet>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const sts = withDerivedStatus(state, obj);
  const spec = sts.spec!;
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${sts.metadata.name}\n`);
    w.write(0, `Namespace:\t${sts.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(sts.metadata.creationTimestamp)}\n`);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', sts.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sts.metadata.annotations);
    w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${sts.status?.replicas ?? 0} total\n`);
    w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? 'RollingUpdate'}\n`);
    const partition =
      spec.updateStrategy?.rollingUpdate?.partition ??
      (spec.updateStrategy?.type === 'OnDelete' ? undefined : 0);
    if (partition !== undefined) w.write(1, `Partition:\t${partition}\n`);
    podsStatus(w, state, sts);
    describePodTemplate(w, spec.template);
    const claims = spec.volumeClaimTemplates ?? [];
    if (claims.length === 0) w.write(0, 'Volume Claims:\t<none>\n');
    else {
      w.write(0, 'Volume Claims:\n');
      for (const pvc of claims) {
        w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
        w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
        printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
        printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
        w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
        w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
      }
    }
    describeEvents(w);
  });
}

export function describeDaemonSet(
  state: ClusterState,
  obj: Stored<DaemonSet>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const ds = withDerivedStatus(state, obj);
  const st = ds.status;
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${ds.metadata.name}\n`);
    w.write(0, `Selector:\t${selectorString(ds.spec?.selector)}\n`);
    w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata.annotations);
    w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
    w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
    w.write(
      0,
      `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`,
    );
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
    w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
    podsStatus(w, state, ds);
    describePodTemplate(w, ds.spec?.template);
    describeEvents(w);
  });
}

export function describeJob(
  state: ClusterState,
  obj: Stored<Job>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const job = withDerivedStatus(state, obj);
  const spec = job.spec!;
  const st = job.status ?? {};
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${job.metadata.name}\n`);
    w.write(0, `Namespace:\t${job.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${selectorString(jobSelector(job))}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata.labels ?? jobPodLabels(job));
    printAnnotationsMultiline(w, 'Annotations', job.metadata.annotations);
    const controlledBy = controllerOf(job.metadata);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
    if (spec.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
    if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
    if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (spec.ttlSecondsAfterFinished !== undefined)
      w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime)
      w.write(
        0,
        `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`,
      );
    if (spec.activeDeadlineSeconds !== undefined)
      w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const ready = st.ready === undefined ? '' : ` (${st.ready} Ready)`;
    w.write(
      0,
      `Pods Statuses:\t${st.active ?? 0} Active${ready} / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`,
    );
    const template = spec.template;
    describePodTemplate(w, {
      ...template,
      metadata: {
        ...template.metadata,
        labels: { ...jobPodLabels(job), ...(template.metadata?.labels ?? {}) },
      },
    });
    describeEvents(w);
  });
}

/** Labels the API server adds to a Job's pod template (and to the Job when it has none). */
function jobPodLabels(job: Stored<Job>): Record<string, string> {
  const uid = job.metadata.uid ?? '';
  return {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': job.metadata.name,
    'controller-uid': uid,
    'job-name': job.metadata.name,
  };
}
