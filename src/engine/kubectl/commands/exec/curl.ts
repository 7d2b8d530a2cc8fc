/**
 * `curl` inside a pod: the request follows the routing engine's path (DNS through the pod's
 * resolver, Service DNAT, NetworkPolicy, the backend listening) and ends as curl 8 ends it —
 * exit 0 with the reply, 6 "Could not resolve host", 7 "Failed to connect", 28 timeouts
 * (while resolving, connecting with -m, or the kernel giving up on an unanswered SYN), 22 for
 * HTTP errors under -f. `-v` prints every hop of the path as curl's `*` lines.
 */
import { connect } from '../../../routing/index.ts';
import { httpReply } from './http.ts';
import { parseOptions, podKey, type OptionSpec, type Tool, type ToolResult } from './tool.ts';

const SPECS: OptionSpec[] = [
  { short: 's', long: 'silent', key: 'silent' },
  { short: 'S', long: 'show-error', key: 'show-error' },
  { short: 'v', long: 'verbose', key: 'verbose' },
  { short: 'f', long: 'fail', key: 'fail' },
  { long: 'fail-with-body', key: 'fail-with-body' },
  { short: 'I', long: 'head', key: 'head' },
  { short: 'i', long: 'include', key: 'include' },
  { short: 'k', long: 'insecure', key: 'insecure' },
  { short: 'L', long: 'location', key: 'location' },
  { short: '4', long: 'ipv4', key: 'ipv4' },
  { short: 'N', long: 'no-buffer', key: 'no-buffer' },
  { long: 'no-progress-meter', key: 'no-progress-meter' },
  { long: 'compressed', key: 'compressed' },
  { long: 'http1.1', key: 'http1.1' },
  { short: 'm', long: 'max-time', value: true, key: 'max-time' },
  { long: 'connect-timeout', value: true, key: 'connect-timeout' },
  { short: 'X', long: 'request', value: true, key: 'request' },
  { short: 'H', long: 'header', value: true, key: 'header' },
  { short: 'o', long: 'output', value: true, key: 'output' },
  { short: 'd', long: 'data', value: true, key: 'data' },
  { long: 'data-raw', value: true, key: 'data' },
  { short: 'w', long: 'write-out', value: true, key: 'write-out' },
  { short: 'u', long: 'user', value: true, key: 'user' },
  { short: 'A', long: 'user-agent', value: true, key: 'user-agent' },
  { long: 'cacert', value: true, key: 'cacert' },
  { long: 'retry', value: true, key: 'retry' },
];

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information";

function usageError(message: string): ToolResult {
  return { stdout: '', stderr: `curl: ${message}\n${TRY_HELP}\n`, exitCode: 2 };
}

function seconds(v: string | undefined): number | undefined | 'bad' {
  if (v === undefined) return undefined;
  return /^\d+(\.\d+)?$/.test(v) ? Number(v) : 'bad';
}

/** curl's progress meter (shown on stderr when the body does not go to a terminal and -s is off). */
function progressMeter(bytes: number, elapsedMs: number): string {
  const size = (n: number) => String(n).padStart(5);
  const pct = bytes > 0 ? 100 : 0;
  const speed = elapsedMs > 0 ? Math.round((bytes * 1000) / elapsedMs) : 0;
  const rate = speed >= 100_000 ? `${Math.round(speed / 1024)}k` : String(speed);
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${String(pct).padStart(3)} ${size(bytes)}  ${String(pct).padStart(3)} ${size(bytes)}    0     0  ${rate.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${rate.padStart(5)}\n`
  );
}

function writeOut(format: string, vars: Record<string, string>): string {
  return format
    .replace(/%\{([a-z_]+)\}/g, (_, k: string) => vars[k] ?? '')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

export const curl: Tool = (ctx, args) => {
  const parsed = parseOptions(args, SPECS);
  if (!parsed.ok)
    return usageError(
      parsed.kind === 'unknown'
        ? `option ${parsed.option}: is unknown`
        : `option ${parsed.option}: requires parameter`,
    );
  const has = (k: string) => parsed.values.has(k);
  const last = (k: string) => parsed.values.get(k)?.at(-1);
  const url = parsed.positional[0];
  if (!url) return usageError('no URL specified');
  const maxTime = seconds(last('max-time'));
  const connectTimeout = seconds(last('connect-timeout'));
  if (maxTime === 'bad') return usageError('option -m: expected a proper numerical parameter');
  if (connectTimeout === 'bad')
    return usageError('option --connect-timeout: expected a proper numerical parameter');
  const limits = [maxTime, connectTimeout].filter((x): x is number => x !== undefined && x > 0);
  const limit = limits.length ? Math.min(...limits) : undefined;
  const showErrors = !has('silent') || has('show-error');
  const verbose = has('verbose');
  const meter = !has('silent') && !has('no-progress-meter') && !verbose && !ctx.tty;
  const method = last('request') ?? (has('head') ? 'HEAD' : has('data') ? 'POST' : 'GET');

  const result = connect(
    ctx.state,
    ctx.pod,
    url,
    limit !== undefined ? { timeoutSeconds: limit } : {},
  );
  const extra: Pick<ToolResult, 'state' | 'requests'> = {
    ...(result.nextState ? { state: result.nextState } : {}),
    requests: [
      {
        kind: 'connect',
        from: podKey(ctx),
        url,
        ...(limit !== undefined ? { timeoutSeconds: limit } : {}),
        result,
      },
    ],
  };
  let stderr = '';
  if (verbose)
    for (const h of result.hops) stderr += `* [${h.kind}] ${h.ok ? '' : 'FAILED: '}${h.summary}\n`;
  const fail = (code: number, message: string): ToolResult => ({
    stdout: '',
    stderr: `${stderr}${meter ? progressMeter(0, 0) : ''}${showErrors ? `curl: (${code}) ${message}\n` : ''}`,
    exitCode: code,
    ...extra,
  });
  const host = result.host ?? url;
  const port = result.port ?? 80;
  switch (result.outcome) {
    case 'nxdomain': {
      const bad = result.hops[0];
      if (bad?.kind === 'url') return fail(bad.exitCode, bad.message);
      return fail(6, `Could not resolve host: ${host.replace(/\.$/, '')}`);
    }
    case 'dns-timeout':
      return result.exitCode === 28
        ? fail(28, `Resolving timed out after ${result.elapsedMs} milliseconds`)
        : fail(6, `Could not resolve host: ${host.replace(/\.$/, '')}`);
    case 'refused':
      return fail(
        7,
        `Failed to connect to ${host} port ${port} after ${result.elapsedMs} ms: Couldn't connect to server`,
      );
    case 'timeout':
      return limit !== undefined
        ? fail(28, `Connection timed out after ${Math.round(limit * 1000)} milliseconds`)
        : fail(
            28,
            `Failed to connect to ${host} port ${port} after ${result.elapsedMs} ms: Couldn't connect to server`,
          );
    case 'ok':
      break;
  }
  if (verbose) stderr += `* Connected to ${host} (${result.address}) port ${port}\n`;
  const reply = httpReply(ctx.state, result.responder!, {
    scheme: result.scheme ?? 'http',
    path: result.path ?? '/',
    insecure: has('insecure') || has('cacert'),
  });
  if (!reply.ok) return fail(reply.exitCode, reply.message);
  if (verbose) {
    stderr += `> ${method} ${result.path} HTTP/1.1\n> Host: ${host}${port === 80 || port === 443 ? '' : `:${port}`}\n> User-Agent: curl/8.11.1\n> Accept: */*\n${(parsed.values.get('header') ?? []).map((h) => `> ${h}\n`).join('')}>\n`;
    stderr += `< HTTP/1.1 ${reply.status} ${reply.reason}\n${reply.headers.map((h) => `< ${h}\n`).join('')}<\n`;
  }
  const headerBlock = `HTTP/1.1 ${reply.status} ${reply.reason}\r\n${reply.headers.map((h) => `${h}\r\n`).join('')}\r\n`;
  if (reply.status >= 400 && has('fail') && !has('fail-with-body'))
    return fail(22, `The requested URL returned error: ${reply.status}`);
  let body = method === 'HEAD' ? '' : reply.body;
  if (has('head')) body = headerBlock;
  else if (has('include')) body = headerBlock + body;
  const out = last('output');
  let stdout = out && out !== '-' ? '' : body;
  const w = last('write-out');
  if (w)
    stdout += writeOut(w, {
      http_code: String(reply.status),
      response_code: String(reply.status),
      remote_ip: result.address ?? '',
      remote_port: String(port),
      url_effective: url,
      time_total: ((result.elapsedMs ?? 0) / 1000).toFixed(6),
    });
  const failedWithBody = reply.status >= 400 && has('fail-with-body');
  if (meter) stderr += progressMeter(body.length, Math.max(result.elapsedMs ?? 1, 1));
  return {
    stdout,
    stderr:
      failedWithBody && showErrors
        ? `${stderr}curl: (22) The requested URL returned error: ${reply.status}\n`
        : stderr,
    exitCode: failedWithBody ? 22 : 0,
    ...extra,
  };
};
