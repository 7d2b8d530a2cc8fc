/** `kubectl describe deployment` and `describe replicaset` (describeDeployment, describeReplicaSet). */
import type {
  ClusterState,
  Deployment,
  KubeObject,
  ReplicaSet,
  Stored,
} from '../../cluster/index.ts';
import { formatLabelSelector, selectorString } from '../../labels/index.ts';
import {
  newReplicaSet,
  ownedPods,
  ownedReplicaSets,
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
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

function rsSummary(state: ClusterState, rss: readonly KubeObject[]): string {
  const list = rss.map((rs) => {
    const r = withDerivedStatus(state, rs as Stored<ReplicaSet>);
    return `${r.metadata.name} (${r.status?.replicas ?? 0}/${r.spec?.replicas ?? 1} replicas created)`;
  });
  return list.join(', ') || '<none>';
}

export function describeDeployment(
  state: ClusterState,
  obj: Stored<Deployment>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const d = withDerivedStatus(state, obj);
  const spec = d.spec!;
  const st = d.status ?? {};
  const newRs = newReplicaSet(state, d);
  // All old ReplicaSets, scaled down or not (GetAllReplicaSetsInChunks' allOldRSes).
  const oldRss = ownedReplicaSets(state, d).filter((rs) => rs !== newRs);
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${d.metadata.name}\n`);
    w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata.annotations);
    w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      0,
      `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru)
      w.write(
        0,
        `RollingUpdateStrategy:\t${ru.maxUnavailable ?? ''} max unavailable, ${ru.maxSurge ?? ''} max surge\n`,
      );
    describePodTemplate(w, spec.template);
    if (st.conditions?.length) {
      w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
      w.write(1, '----\t------\t------\n');
      for (const c of st.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
    }
    if (newRs || oldRss.length) {
      w.write(0, `OldReplicaSets:\t${rsSummary(state, oldRss)}\n`);
      w.write(0, `NewReplicaSet:\t${rsSummary(state, newRs ? [newRs] : [])}\n`);
    }
    describeEvents(w);
  });
}

export function describeReplicaSet(
  state: ClusterState,
  obj: Stored<ReplicaSet>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  const rs = withDerivedStatus(state, obj);
  const counts = podPhaseCounts(ownedPods(state, rs));
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${rs.metadata.name}\n`);
    w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
    w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata.annotations);
    const controlledBy = controllerOf(rs.metadata);
    if (controlledBy) w.write(0, `Controlled By:\t${controlledBy}\n`);
    w.write(
      0,
      `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 1} desired\n`,
    );
    w.write(0, 'Pods Status:\t');
    w.write(
      0,
      `${counts.running} Running / ${counts.waiting} Waiting / ${counts.succeeded} Succeeded / ${counts.failed} Failed\n`,
    );
    describePodTemplate(w, rs.spec?.template);
    describeEvents(w);
  });
}
