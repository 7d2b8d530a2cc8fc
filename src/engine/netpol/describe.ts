/** A verdict as lines of plain English, for `explain`, the inspector and lessons. */
import type { ConnectionVerdict, DirectionVerdict } from './index.ts';

function directionLines(v: DirectionVerdict, where: string): string[] {
  const head = `${v.direction === 'egress' ? 'Egress' : 'Ingress'} at ${where}: ${v.allowed ? 'allowed' : 'denied'}: ${v.reason}.`;
  const lines = [head];
  for (const p of v.policies) {
    lines.push(`  - ${p.policy}: ${p.allows ? 'allows' : 'does not allow'}`);
    if (p.rules.length === 0)
      lines.push(`      no ${v.direction} rules (${v.direction}: []): allows nothing`);
    for (const r of p.rules) lines.push(`      ${r.reason}`);
  }
  return lines;
}

/** Renders a connection verdict: the overall answer, then egress and ingress with each policy's rules. */
export function describeVerdict(verdict: ConnectionVerdict): string[] {
  const target = verdict.to === verdict.toIP ? verdict.toIP : `${verdict.to} (${verdict.toIP})`;
  const lines = [
    `NetworkPolicy: ${verdict.allowed ? 'ALLOWED' : 'DENIED'}: ${verdict.protocol}/${verdict.port} from ${verdict.from} to ${target}`,
  ];
  if (!verdict.enforced) {
    lines.push(`  ${verdict.reason}.`);
    if (verdict.ifEnforced) {
      lines.push(
        `  With a plugin that enforces NetworkPolicy it would be ${verdict.ifEnforced.allowed ? 'allowed' : 'denied'}:`,
      );
      for (const l of describeVerdict(verdict.ifEnforced).slice(1)) lines.push(`  ${l}`);
    }
    return lines;
  }
  if (verdict.self) {
    lines.push(`  ${verdict.reason}.`);
    return lines;
  }
  lines.push(...directionLines(verdict.egress, verdict.from));
  lines.push(...directionLines(verdict.ingress, verdict.to));
  return lines;
}
