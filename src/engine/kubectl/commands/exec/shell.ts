/**
 * The small programs every container is assumed to have (DESIGN.md: tools run whatever the
 * image): cat of the files the kubelet writes (/etc/resolv.conf, /etc/hosts, /etc/hostname,
 * the ServiceAccount token mount), hostname, env/printenv, echo, true/false, and `sh -c` for
 * one simple command line. Anything else is "executable file not found", as the runtime says.
 */
import { fnv32a, getObject, listObjects, type Service } from '../../../cluster/index.ts';
import { podHostnames, podHostsFile, podResolvConf } from '../../../dns/index.ts';
import { podServiceAccount, serviceAccountTokenMounted } from '../../../rbac/index.ts';
import { splitWords } from '../../command-line.ts';
import { execKubectl } from '../exec-kubectl.ts';
import { curl } from './curl.ts';
import { getent, nslookup } from './lookup.ts';
import type { Tool, ToolContext, ToolResult } from './tool.ts';
import { wget } from './wget.ts';

const SA_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

function fileContent(ctx: ToolContext, path: string): string | undefined {
  const { state, pod } = ctx;
  switch (path) {
    case '/etc/resolv.conf':
      return podResolvConf(state, pod).text;
    case '/etc/hosts':
      return podHostsFile(state, pod);
    case '/etc/hostname':
      return `${podHostnames(state, pod).hostname}\n`;
  }
  if (path.startsWith(`${SA_DIR}/`) && serviceAccountTokenMounted(state, pod)) {
    const file = path.slice(SA_DIR.length + 1);
    if (file === 'namespace') return pod.metadata.namespace ?? 'default';
    if (file === 'token') {
      // Not a real JWT: a recognisable stand-in that names the identity it carries.
      const sa = podServiceAccount(pod);
      return `eyJhbGciOiJSUzI1NiJ9.system:serviceaccount:${pod.metadata.namespace}:${sa}.${fnv32a(`${pod.metadata.uid}`).toString(16)}`;
    }
    if (file === 'ca.crt')
      return '-----BEGIN CERTIFICATE-----\n(simulated cluster CA certificate)\n-----END CERTIFICATE-----\n';
  }
  return undefined;
}

const cat: Tool = (ctx, args) => {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const f of args.filter((a) => !a.startsWith('-'))) {
    const text = fileContent(ctx, f);
    if (text === undefined) {
      stderr += `cat: ${f}: No such file or directory\n`;
      exitCode = 1;
    } else stdout += text;
  }
  return { stdout, stderr, exitCode };
};

/** Environment the kubelet gives a container: its env values, HOSTNAME, and Service links. */
function environment(ctx: ToolContext): string[] {
  const { state, pod } = ctx;
  const vars: string[] = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `HOSTNAME=${podHostnames(state, pod).hostname}`,
  ];
  const container = (pod.spec?.containers ?? []).find((c) => c.name === ctx.container);
  for (const e of container?.env ?? [])
    vars.push(`${e.name}=${e.value ?? (e.valueFrom ? '(from a reference)' : '')}`);
  // Docker-style links exist only for Services in the pod's own namespace (plus `kubernetes`).
  const services = listObjects<Service>(state, 'Service', pod.metadata.namespace).filter(
    (s) => pod.spec?.enableServiceLinks !== false || s.metadata.name === 'kubernetes',
  );
  const kubernetes = getObject<Service>(state, 'Service', 'default', 'kubernetes');
  if (kubernetes && pod.metadata.namespace !== 'default') services.push(kubernetes);
  for (const s of services) {
    const ip = s.spec?.clusterIP;
    if (!ip || ip === 'None' || s.spec?.type === 'ExternalName') continue;
    const prefix = s.metadata.name.toUpperCase().replace(/-/g, '_');
    const first = s.spec?.ports?.[0];
    vars.push(`${prefix}_SERVICE_HOST=${ip}`);
    if (first) vars.push(`${prefix}_SERVICE_PORT=${first.port}`);
    for (const p of s.spec?.ports ?? []) {
      const proto = (p.protocol ?? 'TCP').toLowerCase();
      if (p.name)
        vars.push(`${prefix}_SERVICE_PORT_${p.name.toUpperCase().replace(/-/g, '_')}=${p.port}`);
      vars.push(`${prefix}_PORT_${p.port}_${proto.toUpperCase()}=${proto}://${ip}:${p.port}`);
    }
    if (first)
      vars.push(`${prefix}_PORT=${(first.protocol ?? 'TCP').toLowerCase()}://${ip}:${first.port}`);
  }
  vars.push('HOME=/root');
  return vars;
}

const env: Tool = (ctx, args) => {
  const vars = environment(ctx);
  if (args.length === 0) return { stdout: `${vars.join('\n')}\n`, stderr: '', exitCode: 0 };
  const out: string[] = [];
  for (const name of args) {
    const v = vars.find((x) => x.startsWith(`${name}=`));
    if (v) out.push(v.slice(name.length + 1));
  }
  return {
    stdout: out.length ? `${out.join('\n')}\n` : '',
    stderr: '',
    exitCode: out.length === args.length ? 0 : 1,
  };
};

const TOOLS: Record<string, Tool> = {
  curl,
  wget,
  nslookup,
  getent,
  cat,
  env: (ctx, args) => {
    const rest = args.filter((a) => !a.includes('=') && !a.startsWith('-'));
    return rest.length ? runTool(ctx, rest) : env(ctx, []);
  },
  printenv: env,
  hostname: (ctx) => ({
    stdout: `${podHostnames(ctx.state, ctx.pod).hostname}\n`,
    stderr: '',
    exitCode: 0,
  }),
  echo: (_ctx, args) => ({ stdout: `${args.join(' ')}\n`, stderr: '', exitCode: 0 }),
  true: () => ({ stdout: '', stderr: '', exitCode: 0 }),
  false: () => ({ stdout: '', stderr: '', exitCode: 1 }),
  kubectl: (ctx, args) => {
    const r = execKubectl(ctx.kubectl, ctx.state, ctx.pod, args);
    if (r.needs) return { stdout: '', stderr: '', exitCode: 0, needs: r.needs };
    // Writes made from inside the pod (kubectl create/apply as its ServiceAccount) are kept.
    return {
      stdout: r.stdout ?? '',
      stderr: r.stderr ?? '',
      exitCode: r.exitCode ?? 0,
      ...(r.state ? { state: r.state } : {}),
      ...(r.requests ? { requests: r.requests } : {}),
    };
  },
};

function notFound(program: string): ToolResult {
  // What containerd/runc report through kubectl when the binary does not exist.
  return {
    stdout: '',
    stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${fnv32a(program).toString(16).padStart(8, '0').repeat(8)}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
    exitCode: -1,
  };
}

/** Runs argv in the container. exitCode -1 marks a failure to start (kubectl's own error, exit 1). */
export function runTool(ctx: ToolContext, argv: readonly string[]): ToolResult {
  const [program, ...args] = argv;
  const name = (program ?? '').split('/').pop() ?? '';
  if ((name === 'sh' || name === 'bash' || name === 'ash') && args[0] === '-c') {
    // The script's `$VAR`s expand from the same environment `env` prints.
    const vars = environment(ctx);
    const words = splitWords(args[1] ?? '', (name) => {
      const v = vars.find((x) => x.startsWith(`${name}=`));
      return v?.slice(name.length + 1);
    });
    if (!words.ok) return { stdout: '', stderr: `sh: syntax error: ${words.error}\n`, exitCode: 2 };
    if (words.words.length === 0) return { stdout: '', stderr: '', exitCode: 0 };
    const r = runTool(ctx, words.words);
    if (r.exitCode === -1)
      return { stdout: '', stderr: `sh: ${words.words[0]}: not found\n`, exitCode: 127 };
    return r;
  }
  if ((name === 'sh' || name === 'bash' || name === 'ash') && args.length === 0)
    return {
      stdout: '',
      stderr:
        'nslab: interactive shells are not simulated; run one command instead, e.g. kubectl exec POD -- curl -sS http://web\n',
      exitCode: 1,
    };
  const tool = TOOLS[name];
  return tool ? tool(ctx, args) : notFound(program ?? '');
}
