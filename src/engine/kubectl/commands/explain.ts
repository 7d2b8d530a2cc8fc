/**
 * `explain --from NS/POD --to NS/POD|URL [--port N] [--protocol P]` (nslab): the path of one
 * connection in words — every hop (DNS with the names tried and the DNS traffic's own policy
 * verdicts, Service, endpoint chosen after DNAT, egress and ingress NetworkPolicy, the backend
 * listening) with its verdict, then how curl would end.
 */
import { connect, podListens, sendPacket, type Hop } from '../../routing/index.ts';
import type { Protocol } from '../../netpol/index.ts';
import type { Pod, Stored } from '../../cluster/index.ts';
import { resolveResourceType } from '../../api/index.ts';
import type { Command, CommandContext, CommandOutput } from '../types.ts';
import { explainFields } from '../explain/field-docs.ts';
import { explainSpec } from './deferred-specs.ts';
import { podFromRef } from './exec/target.ts';

const LABELS: Record<Hop['kind'], string> = {
  url: 'URL',
  dns: 'DNS',
  service: 'Service',
  endpoint: 'Endpoint',
  egress: 'Egress',
  ingress: 'Ingress',
  listen: 'Backend',
  mesh: 'Mesh',
};

function renderHops(hops: readonly Hop[]): string[] {
  const lines: string[] = [];
  hops.forEach((h, i) => {
    lines.push(
      `${String(i + 1).padStart(2)}. ${LABELS[h.kind].padEnd(8)} ${h.ok ? 'ok  ' : 'FAIL'}  ${h.summary}`,
    );
    for (const d of h.detail ?? []) lines.push(`                   ${d}`);
  });
  return lines;
}

const ENDINGS: Record<string, string> = {
  ok: 'CONNECTED',
  nxdomain: 'NAME NOT RESOLVED',
  'dns-timeout': 'DNS TIMED OUT',
  refused: 'CONNECTION REFUSED',
  timeout: 'TIMED OUT (packets dropped or lost)',
};

/** The port a pod target defaults to: its first declared port of the protocol, else 80. */
function defaultPort(pod: Pod, protocol: Protocol): number {
  for (const c of pod.spec?.containers ?? [])
    for (const p of c.ports ?? []) if ((p.protocol ?? 'TCP') === protocol) return p.containerPort;
  return 80;
}

function podLabel(p: Stored<Pod>): string {
  return `${p.metadata.namespace}/${p.metadata.name} (${p.status?.podIP ?? 'no IP'})`;
}

/** `kubectl explain RESOURCE[.field…]`: the API's field documentation. */
function explainResource(ctx: CommandContext): CommandOutput {
  const fail = (stderr: string): CommandOutput => ({ stderr, exitCode: 1 });
  if (ctx.args.length === 0)
    return fail(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  if (ctx.args.length > 1) return fail('error: We accept only this format: explain RESOURCE');
  const output = ctx.flags.output ?? 'plaintext';
  if (output !== 'plaintext') return fail(`error: unsupported output format: ${String(output)}`);
  // kubectl splits at the first dot: the resource, then the field path.
  const [resource, ...path] = ctx.args[0]!.split('.');
  const info = resolveResourceType(resource!);
  if (!info || resource!.includes('/'))
    return fail(`error: the server doesn't have a resource type "${resource}"`);
  const apiVersion = ctx.flags['api-version'];
  if (typeof apiVersion === 'string' && apiVersion && apiVersion !== info.apiVersion) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    return fail(
      `error: couldn't find resource for "${group ? `${group}/` : ''}${version}, Resource=${info.resource}"`,
    );
  }
  const r = explainFields(info, path, ctx.flags.recursive === true);
  return r.ok ? { stdout: r.text } : fail(r.error);
}

export const explain: Command = {
  ...explainSpec,
  // With --from (or --to) the line asks for a connection's path (nslab); otherwise kubectl's.
  run: (ctx) =>
    ctx.flags.from !== undefined || ctx.flags.to !== undefined
      ? explainPath(ctx)
      : explainResource(ctx),
};

function explainPath(ctx: CommandContext): CommandOutput {
  {
    const from = ctx.flags.from;
    const to = ctx.flags.to;
    if (typeof from !== 'string' || !from)
      return { stderr: 'error: --from NS/POD is required', exitCode: 1 };
    if (typeof to !== 'string' || !to)
      return { stderr: 'error: --to NS/POD or URL is required', exitCode: 1 };
    const protocol = String(ctx.flags.protocol ?? 'TCP').toUpperCase();
    if (protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP')
      return {
        stderr: `error: --protocol must be TCP, UDP or SCTP, not "${String(ctx.flags.protocol)}"`,
        exitCode: 1,
      };
    const src = podFromRef(ctx.state, ctx.namespace, from);
    if (!src.ok) return { stderr: src.error, exitCode: 1 };
    const port = typeof ctx.flags.port === 'number' ? ctx.flags.port : undefined;
    const lines: string[] = [];
    const isPodRef = !to.includes('://') && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?\/[a-z0-9.-]+$/.test(to);
    if (isPodRef) {
      const dst = podFromRef(ctx.state, ctx.namespace, to);
      if (!dst.ok) return { stderr: dst.error, exitCode: 1 };
      const ip = dst.pod.status?.podIP;
      if (!ip) return { stderr: `error: pod ${to} has no IP address yet`, exitCode: 1 };
      const p = port ?? defaultPort(dst.pod, protocol);
      const d = sendPacket(ctx.state, src.pod, ip, p, protocol, {});
      lines.push(
        `From ${podLabel(src.pod)} to ${podLabel(dst.pod)} on ${p}/${protocol} (pod IP: no DNS, no Service)`,
      );
      lines.push(...renderHops(d.hops));
      const ending =
        d.outcome === 'delivered'
          ? `CONNECTED — ${to} answers`
          : d.outcome === 'refused'
            ? `REFUSED — ${podListens(dst.pod, p, protocol) ? 'rejected' : `${to} does not listen on ${p}/${protocol}`}`
            : 'DROPPED — the sender sees a timeout';
      lines.push(`Result: ${ending}`);
      return { stdout: `${lines.join('\n')}\n` };
    }
    let url = to.includes('://') ? to : `http://${to}`;
    if (port !== undefined) {
      const m = /^([a-z]+:\/\/)(\[[^\]]+\]|[^/:?#]+)(:\d+)?(.*)$/i.exec(url);
      if (m) url = `${m[1]}${m[2]}:${port}${m[4]}`;
    }
    if (protocol !== 'TCP') {
      // A datagram to a name: resolve it as the pod would, then send to the first address.
      const r = connect(ctx.state, src.pod, url, {});
      const dnsHops = r.hops.filter((h) => h.kind === 'dns');
      lines.push(`From ${podLabel(src.pod)} to ${url} over ${protocol}`);
      if (!r.address && r.outcome !== 'ok') {
        lines.push(...renderHops(dnsHops));
        lines.push(`Result: ${ENDINGS[r.outcome]}`);
        return { stdout: `${lines.join('\n')}\n` };
      }
      const d = sendPacket(ctx.state, src.pod, r.address ?? '', r.port ?? 80, protocol, {});
      lines.push(...renderHops([...dnsHops, ...d.hops]));
      lines.push(`Result: ${d.outcome === 'delivered' ? 'DELIVERED' : d.outcome.toUpperCase()}`);
      return { stdout: `${lines.join('\n')}\n` };
    }
    const r = connect(ctx.state, src.pod, url, {});
    lines.push(`From ${podLabel(src.pod)} to ${url}`);
    lines.push(...renderHops(r.hops));
    const curlExit =
      r.outcome === 'dns-timeout'
        ? '6 without -m, 28 with a -m shorter than the resolver timeout'
        : String(r.exitCode);
    lines.push(
      `Result: ${ENDINGS[r.outcome]}${r.answeredBy ? ` — answered by ${r.answeredBy}` : ''} (curl exit ${curlExit})`,
    );
    return { stdout: `${lines.join('\n')}\n` };
  }
}
