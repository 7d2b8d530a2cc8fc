/**
 * A pod's /etc/resolv.conf as the kubelet composes it (pkg/kubelet/network/dns): dnsPolicy
 * picks the base (cluster DNS, the node's resolv.conf, or nothing), then spec.dnsConfig
 * appends nameservers and searches (duplicates dropped) and overrides options by name; the
 * result is cut to 3 nameservers and 32 search domains. The runtime writes search, nameserver
 * and options lines in that order.
 */
import { KUBE_DNS_IP, NODE_IP, NODE_NAME, type ClusterState, type Pod } from '../cluster/index.ts';

/** The control-plane node's own /etc/resolv.conf (what dnsPolicy Default and CoreDNS's forward use). */
export const NODE_RESOLV_CONF = {
  nameservers: ['172.18.0.1'],
  searches: [] as string[],
  options: [],
};

const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_CHARS = 2048;

/** A parsed resolver configuration with the values the stub resolver uses. */
export interface ResolvConf {
  nameservers: string[];
  searches: string[];
  /** Option strings as written (`ndots:5`). */
  options: string[];
  ndots: number;
  timeout: number;
  attempts: number;
  /** The effective dnsPolicy and, for ClusterFirst on the host network, why it fell back. */
  policy: string;
  /** The file's text. */
  text: string;
}

function omitDuplicates(list: readonly string[]): string[] {
  return [...new Set(list)];
}

function optionValue(options: readonly string[], name: string, def: number, max: number): number {
  let v = def;
  for (const o of options) {
    const [k, val] = o.split(':');
    if (k === name && val !== undefined && /^\d+$/.test(val)) v = Math.min(Number(val), max);
  }
  return v;
}

/** The cluster DNS Service's IP (kube-system/kube-dns), which the kubelet's --cluster-dns names. */
export function clusterDNSIP(_state: ClusterState): string {
  return KUBE_DNS_IP;
}

/** Composes the pod's resolv.conf from dnsPolicy and dnsConfig. */
export function podResolvConf(state: ClusterState, pod: Pod): ResolvConf {
  const domain = state.settings.clusterDomain;
  const ns = pod.metadata?.namespace ?? 'default';
  const policy = pod.spec?.dnsPolicy ?? 'ClusterFirst';
  const hostNet = pod.spec?.hostNetwork === true;
  let nameservers: string[];
  let searches: string[];
  let options: string[];
  let effective = policy;
  if (policy === 'None') {
    nameservers = [];
    searches = [];
    options = [];
  } else if (policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !hostNet)) {
    nameservers = [clusterDNSIP(state)];
    searches = omitDuplicates([
      `${ns}.svc.${domain}`,
      `svc.${domain}`,
      domain,
      ...NODE_RESOLV_CONF.searches,
    ]);
    options = ['ndots:5'];
  } else {
    if (policy === 'ClusterFirst') effective = 'ClusterFirst (hostNetwork: falls back to Default)';
    nameservers = [...NODE_RESOLV_CONF.nameservers];
    searches = [...NODE_RESOLV_CONF.searches];
    options = [...NODE_RESOLV_CONF.options];
  }
  const cfg = pod.spec?.dnsConfig;
  if (cfg) {
    nameservers = omitDuplicates([...nameservers, ...(cfg.nameservers ?? [])]);
    searches = omitDuplicates([...searches, ...(cfg.searches ?? [])]);
    const merged = new Map<string, string>();
    for (const o of options) {
      const i = o.indexOf(':');
      merged.set(i < 0 ? o : o.slice(0, i), i < 0 ? '' : o.slice(i + 1));
    }
    for (const o of cfg.options ?? []) if (o.name) merged.set(o.name, o.value ?? '');
    options = [...merged].map(([k, v]) => (v ? `${k}:${v}` : k));
  }
  nameservers = nameservers.slice(0, MAX_NAMESERVERS);
  searches = searches.slice(0, MAX_SEARCHES).filter((s) => s.length <= 253);
  while (searches.length > 0 && searches.join(' ').length > MAX_SEARCH_CHARS) searches.pop();
  let text = '';
  if (searches.length) text += `search ${searches.join(' ')}\n`;
  for (const n of nameservers) text += `nameserver ${n}\n`;
  if (options.length) text += `options ${options.join(' ')}\n`;
  return {
    nameservers,
    searches,
    options,
    ndots: optionValue(options, 'ndots', 1, 15),
    timeout: optionValue(options, 'timeout', 5, 30),
    attempts: optionValue(options, 'attempts', 2, 5),
    policy: effective,
    text,
  };
}

/**
 * The pod's hostname and, with a subdomain, its FQDN (`<hostname>.<subdomain>.<ns>.svc.<domain>`).
 * A host-network pod shares its node's UTS namespace too: the kubelet sets no hostname for its
 * sandbox, so it has the node's.
 */
export function podHostnames(state: ClusterState, pod: Pod): { hostname: string; fqdn?: string } {
  if (pod.spec?.hostNetwork) return { hostname: pod.spec.nodeName ?? NODE_NAME };
  const hostname = (pod.spec?.hostname ?? pod.metadata?.name ?? '').slice(0, 63);
  const sub = pod.spec?.subdomain;
  return sub
    ? {
        hostname,
        fqdn: `${hostname}.${sub}.${pod.metadata?.namespace}.svc.${state.settings.clusterDomain}`,
      }
    : { hostname };
}

/** A node's own /etc/hosts, as the container runtime of a kind-style node writes it. */
function nodeHostsFile(nodeName: string, nodeIP: string): string {
  return `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n${nodeIP}\t${nodeName}\n`;
}

/**
 * The kubelet-managed /etc/hosts of a pod (localhost lines, the pod's own name, hostAliases).
 * A host-network pod gets a copy of its node's /etc/hosts instead, under its own header.
 */
export function podHostsFile(state: ClusterState, pod: Pod): string {
  const { hostname, fqdn } = podHostnames(state, pod);
  const ip = pod.status?.podIP ?? '';
  let text: string;
  if (pod.spec?.hostNetwork) {
    text = `# Kubernetes-managed hosts file (host network).\n${nodeHostsFile(hostname, pod.status?.hostIP ?? NODE_IP)}`;
  } else {
    text =
      '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
    if (ip) text += fqdn ? `${ip}\t${fqdn}\t${hostname}\n` : `${ip}\t${hostname}\n`;
  }
  const aliases = pod.spec?.hostAliases ?? [];
  if (aliases.length) {
    text += '\n# Entries added by HostAliases.\n';
    for (const a of aliases) text += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
  }
  return text;
}

/** Looks a name up in the pod's /etc/hosts (before DNS, as nsswitch `files dns` does). */
export function lookupHostsFile(state: ClusterState, pod: Pod, name: string): string[] {
  const want = name.replace(/\.$/, '').toLowerCase();
  const out: string[] = [];
  for (const line of podHostsFile(state, pod).split('\n')) {
    const fields = line.replace(/#.*/, '').trim().split(/\s+/);
    if (fields.length < 2) continue;
    if (fields.slice(1).some((n) => n.toLowerCase() === want) && fields[0]!.includes('.'))
      out.push(fields[0]!);
  }
  return [...new Set(out)];
}

/** The names the resolver asks, in order, for a name typed in the pod. */
export function searchCandidates(name: string, conf: ResolvConf): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = (name.match(/\./g) ?? []).length;
  const out: string[] = [];
  if (dots >= conf.ndots) out.push(name);
  for (const d of conf.searches) {
    const dom = d.replace(/\.$/, '');
    out.push(dom === '' ? name : `${name}.${dom}`);
  }
  if (dots < conf.ndots) out.push(name);
  return [...new Set(out)];
}
