/**
 * `kubectl describe namespace` (describeNamespace): labels, annotations, status, then the
 * namespace's ResourceQuotas and LimitRanges. The simulator serves neither kind, so both
 * sections report none, as they do for a namespace without quotas or limits.
 */
import type { Namespace, Stored } from '../../cluster/index.ts';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  rfc1123z,
  tabbed,
  DEFAULT_SETTINGS,
  type DescribeSettings,
} from './writer.ts';

export function describeNamespace(
  ns: Stored<Namespace>,
  settings: DescribeSettings = DEFAULT_SETTINGS,
): string {
  return tabbed(settings, (w) => {
    w.write(0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length) {
      w.write(0, 'Conditions:\n');
      w.write(1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conditions)
        w.write(
          1,
          `${c.type}\t${c.status}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`,
        );
    }
    w.write(0, '\n');
    w.write(0, 'No resource quota.\n');
    w.write(0, '\n');
    w.write(0, 'No LimitRange resource.\n');
  });
}
