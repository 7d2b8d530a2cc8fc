/**
 * `probe`: the NetworkPolicy truth table over all pods (nslab extension). Rows are sources,
 * columns destinations; a cell says whether NetworkPolicy lets the connection through
 * (egress at the source and ingress at the destination), whether or not anything listens.
 * The built-in pods every new cluster starts with (CoreDNS) are left out, as are pods
 * without an address.
 */
import { probeMatrix, type ProbeMatrix, type Protocol } from '../../netpol/index.ts';
import type { Command } from '../types.ts';
import { probeSpec } from './deferred-specs.ts';

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** Cyclonus-style grid: one row per source, `.` allowed, `X` denied, with a legend. */
function grid(m: ProbeMatrix): string {
  const header = `${m.protocol}/${m.port}`;
  const width = Math.max(header.length, ...m.pods.map((p) => p.length));
  const colWidth = Math.max(...m.pods.map((p) => p.length), 1);
  const lines = [
    `${header.padEnd(width)} | ${m.pods.map((p) => p.padEnd(colWidth)).join(' ')}`.trimEnd(),
    `${'-'.repeat(width)}-+-${m.pods.map(() => '-'.repeat(colWidth)).join('-')}`,
  ];
  m.pods.forEach((src, i) => {
    const cells = m.pods.map((_, j) => (m.allowed(i, j) ? '.' : 'X').padEnd(colWidth));
    lines.push(`${src.padEnd(width)} | ${cells.join(' ')}`.trimEnd());
  });
  lines.push('');
  lines.push('rows: source pod, columns: destination pod; .: allowed, X: denied by NetworkPolicy');
  if (!m.enforced)
    lines.push(
      'the network plugin does not enforce NetworkPolicy (see `cni`): every connection is allowed',
    );
  return `${lines.join('\n')}\n`;
}

export const probe: Command = {
  ...probeSpec,
  run(ctx) {
    const port = ctx.flags.port as number;
    const protocol = String(ctx.flags.protocol ?? 'TCP').toUpperCase();
    const output = (ctx.flags.output as string | undefined) ?? '';
    if (ctx.args.length > 0)
      return {
        stderr: `error: unexpected argument "${ctx.args[0]}"\nUsage: ${probe.usage}`,
        exitCode: 1,
      };
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      return {
        stderr: `error: invalid port ${port}: must be between 1 and 65535, inclusive`,
        exitCode: 1,
      };
    if (!PROTOCOLS.includes(protocol as Protocol))
      return {
        stderr: `error: unsupported protocol "${protocol}": supported values: "TCP", "UDP", "SCTP"`,
        exitCode: 1,
      };
    if (output !== '' && output !== 'json')
      return {
        stderr: `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json`,
        exitCode: 1,
      };
    const builtin = ctx.state.builtin;
    const m = probeMatrix(ctx.state, {
      port,
      protocol: protocol as Protocol,
      include: (p) => !builtin.has(`Pod/${p.namespace}/${p.name}`),
    });
    if (output === 'json') {
      return {
        stdout: `${JSON.stringify({ port, protocol, pods: m.pods, matrix: m.toBooleans() })}\n`,
      };
    }
    if (m.pods.length === 0) return { stdout: '', stderr: 'No pods with an address to probe.' };
    return { stdout: grid(m) };
  },
};
