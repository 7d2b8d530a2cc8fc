/**
 * Field paths into objects (`metadata.labels.team`, `subjects[0].name`,
 * `metadata.labels["kubernetes.io/metadata.name"]`) and the subset match goals use: a goal
 * names only the fields it cares about, and a list in a goal matches when each of its
 * entries matches some entry of the object's list.
 */

/** Splits a path into keys and indexes; quoted keys may hold dots and slashes. */
export function parsePath(path: string): Array<string | number> | undefined {
  const out: Array<string | number> = [];
  const re = /\s*(?:\.?([A-Za-z0-9_$-]+)|\[(\d+)\]|\["([^"]*)"\]|\['([^']*)'\])/y;
  let i = 0;
  while (i < path.length) {
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m || m[0] === '') return undefined;
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else out.push(m[3] ?? m[4] ?? '');
    i = re.lastIndex;
  }
  return out.length ? out : undefined;
}

/** The value at a path, or undefined when any step is missing. */
export function getPath(obj: unknown, path: string): unknown {
  const keys = parsePath(path);
  if (!keys) return undefined;
  let cur: unknown = obj;
  for (const k of keys) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

/** Whether `actual` holds everything `expected` says (see the file comment). */
export function subsetMatches(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    return expected.every((e) => actual.some((a) => subsetMatches(a, e)));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
    return Object.entries(expected).every(([k, v]) =>
      subsetMatches((actual as Record<string, unknown>)[k], v),
    );
  }
  // A scalar expected in a list: the list holds it (`spec.policyTypes: Egress`).
  if (Array.isArray(actual)) return actual.some((a) => subsetMatches(a, expected));
  if (expected === null) return actual === null || actual === undefined;
  // Manifests write ports as numbers or strings; `"5432"` and 5432 say the same thing here.
  if (typeof expected !== typeof actual && actual !== undefined)
    return String(actual) === String(expected);
  return actual === expected;
}

/** Canonical JSON (keys sorted) for comparing fields before and after. */
export function canonical(v: unknown): string {
  return (
    JSON.stringify(v, (_k, val: unknown) =>
      val && typeof val === 'object' && !Array.isArray(val)
        ? Object.fromEntries(Object.entries(val).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : val,
    ) ?? 'undefined'
  );
}

/** A value as the learner would read it in a message. */
export function show(v: unknown): string {
  if (v === undefined) return '(not set)';
  const s = JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}
