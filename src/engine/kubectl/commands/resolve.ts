/**
 * `resolve --from NS/POD NAME [--type T] [-o json]` (nslab): resolves a name exactly as the
 * pod's resolver would — its resolv.conf search list and ndots, DNS traffic subject to
 * NetworkPolicy — and shows every name tried with the answer it got.
 */
import { RR_TYPES, type RRType } from '../../dns/index.ts';
import { resolveFromPod, transportLines, type ResolveResult } from '../../routing/index.ts';
import type { Command, CommandOutput } from '../types.ts';
import { resolveSpec } from './deferred-specs.ts';
import { podFromRef } from './exec/target.ts';

/** The JSON DESIGN.md specifies for `resolve -o json`. */
export function resolveJson(r: ResolveResult): string {
  return JSON.stringify({
    query: r.query,
    type: r.type,
    rcode: r.rcode,
    fqdn: r.fqdn,
    tried: r.tried,
    answers: r.answers.map((a) => ({ name: a.name, type: a.type, ttl: a.ttl, data: a.data })),
  });
}

/** The text form: resolver settings, the DNS traffic's path, every name tried, the answer. */
export function resolveText(r: ResolveResult, from: string): string {
  const conf = r.resolvConf;
  const lines = [
    `;; ${r.type} ${r.query} from ${from} (dnsPolicy ${conf.policy})`,
    `;; resolv.conf: ${conf.text.trim().replace(/\n/g, '; ') || '(empty)'}`,
  ];
  for (const h of transportLines(r.transport.hops))
    lines.push(`;; ${h.ok ? 'ok  ' : 'FAIL'} ${h.text}`);
  lines.push(';; tried:');
  const width = Math.max(...r.attempts.map((a) => a.name.length));
  for (const a of r.attempts)
    lines.push(`;;   ${a.name.padEnd(width)}  ${a.rcode.padEnd(8)}  ${a.reason}`);
  if (r.rcode === 'TIMEOUT') lines.push(';; connection timed out; no servers could be reached');
  else if (r.rcode === 'REFUSED') lines.push(';; communications error: connection refused');
  else if (r.answers.length === 0)
    lines.push(
      r.rcode === 'NXDOMAIN'
        ? `** server can't find ${r.query}: NXDOMAIN`
        : `*** ${r.fqdn} has no ${r.type} record (NODATA)`,
    );
  else
    for (const a of r.answers)
      lines.push(
        `${a.name}.\t${a.ttl}\tIN\t${a.type}\t${a.data}${a.type === 'A' || a.type === 'AAAA' ? '' : '.'}`,
      );
  return `${lines.join('\n')}\n`;
}

export const resolve: Command = {
  ...resolveSpec,
  run: (ctx): CommandOutput => {
    const from = ctx.flags.from;
    if (typeof from !== 'string' || from === '')
      return { stderr: 'error: --from NS/POD is required', exitCode: 1 };
    if (ctx.args.length !== 1)
      return {
        stderr: `error: resolve takes exactly one NAME (got ${ctx.args.length})\nSee 'resolve --help' for usage.`,
        exitCode: 1,
      };
    const type = String(ctx.flags.type ?? 'A').toUpperCase();
    if (!RR_TYPES.includes(type as RRType))
      return { stderr: `error: --type must be one of ${RR_TYPES.join(', ')}`, exitCode: 1 };
    const output = ctx.flags.output;
    if (output !== undefined && output !== 'json')
      return {
        stderr: `error: unable to match a printer suitable for the output format "${String(output)}", allowed formats are: json`,
        exitCode: 1,
      };
    const found = podFromRef(ctx.state, ctx.namespace, from);
    if (!found.ok) return { stderr: found.error, exitCode: 1 };
    const r = resolveFromPod(ctx.state, found.pod, ctx.args[0]!, type as RRType);
    const exitCode = r.rcode === 'TIMEOUT' || r.rcode === 'REFUSED' ? 1 : 0;
    const label = `${found.pod.metadata.namespace}/${found.pod.metadata.name}`;
    return {
      stdout: output === 'json' ? `${resolveJson(r)}\n` : resolveText(r, label),
      exitCode,
    };
  },
};
