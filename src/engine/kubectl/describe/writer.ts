/**
 * kubectl describe's PrefixWriter (two spaces per level) over a tabwriter, plus the helpers
 * every describer shares: multi-line labels and annotations, tolerations, timestamps, events.
 */
import { formatLabels } from '../../labels/index.ts';
import { tabwriterFormat } from './tabwriter.ts';

/** kubectl's DescriberSettings that the simulator honours. */
export interface DescribeSettings {
  /** `--show-events`: print the Events section (kubectl's default is true). */
  showEvents: boolean;
}

export const DEFAULT_SETTINGS: DescribeSettings = { showEvents: true };

/** Collects describe output; `flush()` closes the current alignment segment as Go's Flush does. */
export class DescribeWriter {
  private done = '';
  private pending = '';

  constructor(readonly settings: DescribeSettings = DEFAULT_SETTINGS) {}

  /** Writes text indented by `level` × two spaces (the indent goes before the text only). */
  write(level: number, text: string): void {
    this.pending += '  '.repeat(level) + text;
  }

  /** Writes a whole line (fmt.Sprintln). */
  line(text: string): void {
    this.pending += `${text}\n`;
  }

  flush(): void {
    this.done += tabwriterFormat(this.pending);
    this.pending = '';
  }

  toString(): string {
    this.flush();
    return this.done;
  }
}

/** Runs a describer body against a fresh writer and returns the aligned text (tabbedString). */
export function tabbed(settings: DescribeSettings, body: (w: DescribeWriter) => void): string {
  const w = new DescribeWriter(settings);
  body(w);
  return w.toString();
}

/** The block most describers open with: Name, Namespace, Labels and Annotations. */
export function printObjectHeader(
  w: DescribeWriter,
  meta: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  },
): void {
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
}

/** `Labels:  a=b` then one continuation line per further label, sorted (printLabelsMultiline). */
export function printLabelsMultiline(
  w: DescribeWriter,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Annotations minus kubectl's last-applied-configuration; long values wrap (printAnnotationsMultiline). */
export function printAnnotationsMultiline(
  w: DescribeWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort(compareStrings);
  if (keys.length === 0) {
    w.line('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n'))
        w.write(0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

/** `Tolerations:  key=value:Effect op=Exists for 300s`, sorted by key (printPodTolerationsMultiline). */
export function printTolerationsMultiline(
  w: DescribeWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
  initialIndent = '',
): void {
  w.write(0, `${initialIndent}${title}:\t`);
  if (!tolerations?.length) {
    w.line('<none>');
    return;
  }
  const sorted = [...tolerations].sort((a, b) => compareStrings(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}\t`);
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/**
 * The simulator records no events, so describers end with `Events: <none>` (DescribeEvents),
 * or with nothing under `--show-events=false`.
 */
export function describeEvents(w: DescribeWriter): void {
  if (!w.settings.showEvents) return;
  w.write(0, 'Events:\t<none>\n');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: `Mon, 02 Jan 2006 15:04:05 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  // Go's zero time.Time, which kubectl prints for a timestamp the object does not have.
  if (!timestamp) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(Date.parse(timestamp));
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** `Kind/name` of the controlling owner, or '' (printController). */
export function controllerOf(meta: {
  ownerReferences?: ReadonlyArray<{ kind: string; name: string; controller?: boolean }>;
}): string {
  const ref = meta.ownerReferences?.find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** Byte-wise string order, as Go's sort.Strings. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export { formatLabels };
