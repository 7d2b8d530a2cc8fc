/**
 * A connection test's hops as the inspector lists them, with the engine's deciding hop marked:
 * the row of the stage where the request was decided, naming the object that decided it (for
 * a DNS lookup, the policy or nameserver that stopped its query).
 */
import { objectId, type Hop } from '../../engine/model.ts';
import type { ConnectionTestResult } from '../../store/index.ts';

export interface TestRow {
  kind: Hop['kind'];
  ok: boolean;
  summary: string;
  /** `Kind/ns/name` of the object that decided this row. */
  object?: string;
  detail: string[];
  /** True on the row of the engine's deciding hop. */
  deciding: boolean;
}

export function testRows(t: ConnectionTestResult): TestRow[] {
  const d = t.deciding;
  return (t.result?.hops ?? []).map((h) => {
    const deciding = d?.stage === h;
    const by = deciding ? d.hop.object : h.object;
    return {
      kind: h.kind,
      ok: h.ok,
      summary: h.summary,
      ...(by ? { object: objectId(by) } : {}),
      detail: h.detail ?? [],
      deciding,
    };
  });
}
