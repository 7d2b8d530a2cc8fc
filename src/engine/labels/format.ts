/**
 * Label maps and label selectors as kubectl prints them: labels.FormatLabels (sorted `k=v`
 * pairs, `<none>` when empty) and labels.Selector.String() (requirements sorted by key,
 * `key in (a,b)` with sorted values, `!key` for DoesNotExist).
 */
import type { LabelSelector } from 'kubernetes-types/meta/v1';

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `a=1,b=2` sorted by key, `<none>` for an empty or missing map (labels.FormatLabels). */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => byteOrder(a, b));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** The selector as labels.Selector.String() renders it; '' selects everything. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: Array<[string, string]> = Object.entries(selector.matchLabels ?? {}).map(([k, v]) => [
    k,
    `${k}=${v}`,
  ]);
  for (const e of selector.matchExpressions ?? []) {
    const vals = [...new Set(e.values ?? [])].sort(byteOrder).join(',');
    if (e.operator === 'In') reqs.push([e.key, `${e.key} in (${vals})`]);
    else if (e.operator === 'NotIn') reqs.push([e.key, `${e.key} notin (${vals})`]);
    else if (e.operator === 'Exists') reqs.push([e.key, e.key]);
    else if (e.operator === 'DoesNotExist') reqs.push([e.key, `!${e.key}`]);
  }
  // Stable sort by key, as labels.internalSelector keeps requirements ordered by key.
  return reqs
    .map((r, i) => [r, i] as const)
    .sort(([a, i], [b, j]) => byteOrder(a[0], b[0]) || i - j)
    .map(([r]) => r[1])
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it is empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  return selectorString(selector) || '<none>';
}
