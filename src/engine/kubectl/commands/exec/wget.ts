/**
 * BusyBox `wget` inside a pod (`wget -qO- -T 2 URL`): the same request path as curl, reported
 * in BusyBox's words — "bad address", "can't connect to remote host", "download timed out" —
 * with exit status 1 for every failure.
 */
import { connect } from '../../../routing/index.ts';
import { httpReply } from './http.ts';
import { parseOptions, podKey, type OptionSpec, type Tool, type ToolResult } from './tool.ts';

const SPECS: OptionSpec[] = [
  { short: 'q', long: 'quiet', key: 'quiet' },
  { short: 'O', long: 'output-document', value: true, key: 'output' },
  { short: 'T', long: 'timeout', value: true, key: 'timeout' },
  { short: 'S', long: 'server-response', key: 'server-response' },
  { long: 'spider', key: 'spider' },
  { short: 'c', long: 'continue', key: 'continue' },
  { long: 'no-check-certificate', key: 'insecure' },
  { short: 'U', long: 'user-agent', value: true, key: 'user-agent' },
  { long: 'header', value: true, key: 'header' },
  { short: 'Y', long: 'proxy', value: true, key: 'proxy' },
];

const USAGE =
  'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n';

export const wget: Tool = (ctx, args) => {
  const parsed = parseOptions(args, SPECS, { longEquals: true });
  if (!parsed.ok) {
    const opt = parsed.option;
    const msg =
      parsed.kind === 'unknown'
        ? opt.startsWith('--')
          ? `wget: unrecognized option '${opt}'`
          : `wget: invalid option -- '${opt.slice(1)}'`
        : `wget: option requires an argument -- '${opt.replace(/^-+/, '')}'`;
    return { stdout: '', stderr: `${msg}\n${USAGE}`, exitCode: 1 };
  }
  const url = parsed.positional[0];
  if (!url) return { stdout: '', stderr: USAGE, exitCode: 1 };
  const last = (k: string) => parsed.values.get(k)?.at(-1);
  const quiet = parsed.values.has('quiet');
  const t = last('timeout');
  if (t !== undefined && !/^\d+$/.test(t))
    return { stdout: '', stderr: `wget: invalid number '${t}'\n`, exitCode: 1 };
  const limit = t !== undefined && Number(t) > 0 ? Number(t) : undefined;
  // BusyBox's -T bounds network reads, not name resolution; it defaults to 900 s.
  const result = connect(ctx.state, ctx.pod, url, {});
  const state: Pick<ToolResult, 'state' | 'requests'> = {
    ...(result.nextState ? { state: result.nextState } : {}),
    requests: [
      {
        kind: 'connect',
        from: podKey(ctx),
        url,
        result,
      },
    ],
  };
  const failWith = (message: string): ToolResult => ({
    stdout: '',
    stderr: `${message}\n`,
    exitCode: 1,
    ...state,
  });
  const host = (result.host ?? url).replace(/\.$/, '');
  switch (result.outcome) {
    case 'nxdomain':
      if (result.exitCode !== 6) return failWith(`wget: bad address '${host}'`);
      return failWith(`wget: bad address '${host}'`);
    case 'dns-timeout':
      return failWith(`wget: bad address '${host}'`);
    case 'refused':
      return failWith(`wget: can't connect to remote host (${result.address}): Connection refused`);
    case 'timeout':
      return failWith(
        limit !== undefined
          ? 'wget: download timed out'
          : `wget: can't connect to remote host (${result.address}): Connection timed out`,
      );
    case 'ok':
      break;
  }
  const reply = httpReply(ctx.state, result.responder!, {
    scheme: result.scheme ?? 'http',
    path: result.path ?? '/',
    insecure: parsed.values.has('insecure'),
  });
  const connecting = quiet
    ? ''
    : `Connecting to ${result.host}${result.port === 80 || result.port === 443 ? '' : `:${result.port}`} (${result.address}:${result.port})\n`;
  if (!reply.ok)
    return { ...failWith(reply.wgetMessage), stderr: `${connecting}${reply.wgetMessage}\n` };
  if (reply.status >= 400)
    return {
      stdout: '',
      stderr: `${connecting}wget: server returned error: HTTP/1.1 ${reply.status} ${reply.reason}\n`,
      exitCode: 1,
      ...state,
    };
  if (parsed.values.has('spider'))
    return {
      stdout: '',
      stderr: `${connecting}${quiet ? '' : 'remote file exists\n'}`,
      exitCode: 0,
      ...state,
    };
  const output = last('output');
  if (output === '-')
    return {
      stdout: reply.body,
      stderr: quiet ? '' : `${connecting}writing to stdout\nwritten to stdout\n`,
      exitCode: 0,
      ...state,
    };
  const file = output ?? 'index.html';
  return {
    stdout: '',
    stderr: quiet ? '' : `${connecting}saving to '${file}'\n'${file}' saved\n`,
    exitCode: 0,
    ...state,
  };
};
