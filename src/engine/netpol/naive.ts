/**
 * The truth table evaluated pair by pair with the explaining evaluator: the reference the
 * bit-set matrix is tested against, and the baseline of the benchmark.
 */
import type { ClusterState } from '../cluster/index.ts';
import { evaluatePair } from './evaluate.ts';
import type { ProbeOptions } from './matrix.ts';
import { netpolModel } from './model.ts';

/** `{pods, matrix}` with matrix[source][destination], computed one pair at a time. */
export function naiveMatrix(
  state: ClusterState,
  options: ProbeOptions & { rows?: number },
): { pods: string[]; matrix: boolean[][] } {
  const model = netpolModel(state);
  const include = options.include ?? (() => true);
  const pods = model.pods.filter((p) => p.ip !== undefined && include(p));
  const enforcing = state.settings.networkPolicy !== 'not-enforcing';
  const rows = Math.min(options.rows ?? pods.length, pods.length);
  const matrix: boolean[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: boolean[] = [];
    for (const d of pods) {
      row.push(
        evaluatePair(model, enforcing, pods[i]!, d, options.port, options.protocol, false).allowed,
      );
    }
    matrix.push(row);
  }
  return { pods: pods.map((p) => p.key), matrix };
}
