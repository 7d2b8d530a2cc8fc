/**
 * Name-lookup tools inside a pod: BusyBox `nslookup` (queries the resolv.conf nameserver with
 * the search list, prints Server/Address then each answer) and `getent hosts` (the C
 * library's path: /etc/hosts first, then DNS; exit 2 when the key is not found).
 */
import {
  isIPv4,
  isIPv6,
  lookupHostsFile,
  podHostsFile,
  podResolvConf,
  RR_TYPES,
  type RRType,
} from '../../../dns/index.ts';
import { resolveFromPod } from '../../../routing/index.ts';
import type { RequestRecord } from '../../types.ts';
import { podKey, type Tool } from './tool.ts';

export const nslookup: Tool = (ctx, args) => {
  let type: RRType = 'A';
  const positional: string[] = [];
  for (const a of args) {
    const m = /^-(?:type|query|q|t)=(.+)$/i.exec(a);
    if (m) {
      const t = m[1]!.toUpperCase();
      if (!RR_TYPES.includes(t as RRType))
        return { stdout: '', stderr: `nslookup: invalid query type '${m[1]}'\n`, exitCode: 1 };
      type = t as RRType;
    } else if (a.startsWith('-')) continue;
    else positional.push(a);
  }
  const name = positional[0];
  if (!name)
    return {
      stdout: '',
      stderr:
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n',
      exitCode: 1,
    };
  if (isIPv4(name) || isIPv6(name)) type = 'PTR';
  const conf = podResolvConf(ctx.state, ctx.pod);
  const server = conf.nameservers[0] ?? '127.0.0.1';
  const r = resolveFromPod(ctx.state, ctx.pod, name, type);
  const requests: RequestRecord[] = [{ kind: 'resolve', from: podKey(ctx), name, type, result: r }];
  if (r.rcode === 'TIMEOUT' || r.rcode === 'REFUSED')
    return {
      stdout: ';; connection timed out; no servers could be reached\n\n',
      stderr: '',
      exitCode: 1,
      requests,
    };
  let out = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
  if (r.answers.length === 0) {
    out +=
      r.rcode === 'NXDOMAIN'
        ? `** server can't find ${name.replace(/\.$/, '')}: NXDOMAIN\n\n`
        : `*** Can't find ${name.replace(/\.$/, '')}: No answer\n\n`;
    return { stdout: out, stderr: '', exitCode: 1, requests };
  }
  for (const a of r.answers) {
    if (a.type === 'A' || a.type === 'AAAA') out += `Name:\t${a.name}\nAddress: ${a.data}\n`;
    else if (a.type === 'CNAME') out += `${a.name}\tcanonical name = ${a.data}\n`;
    else if (a.type === 'PTR') out += `${a.name}\tname = ${a.data}\n`;
    else out += `${a.name}\tservice = ${a.data}\n`;
  }
  return { stdout: `${out}\n`, stderr: '', exitCode: 0, requests };
};

export const getent: Tool = (ctx, args) => {
  const [db, ...keys] = args;
  if (!db)
    return {
      stdout: '',
      stderr:
        "getent: wrong number of arguments\nTry `getent --help' or `getent --usage' for more information.\n",
      exitCode: 1,
    };
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4')
    return { stdout: '', stderr: `Unknown database: ${db}\n`, exitCode: 1 };
  if (keys.length === 0) {
    // Without keys getent enumerates the database: the pod's /etc/hosts.
    const lines = podHostsFile(ctx.state, ctx.pod)
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l)
      .map((l) => {
        const [ip, ...names] = l.split(/\s+/);
        return `${ip!.padEnd(15)} ${names.join(' ')}`;
      });
    return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: 0 };
  }
  let stdout = '';
  let missing = false;
  const requests: RequestRecord[] = [];
  const resolve = (key: string, type: RRType) => {
    const r = resolveFromPod(ctx.state, ctx.pod, key, type);
    requests.push({ kind: 'resolve', from: podKey(ctx), name: key, type, result: r });
    return r;
  };
  for (const key of keys) {
    const fromFile = lookupHostsFile(ctx.state, ctx.pod, key);
    if (fromFile.length) {
      for (const ip of fromFile) stdout += `${ip.padEnd(15)} ${key}\n`;
      continue;
    }
    if (isIPv4(key)) {
      const r = resolve(key, 'PTR');
      const ptr = r.answers.find((a) => a.type === 'PTR');
      if (ptr) stdout += `${key.padEnd(15)} ${ptr.data}\n`;
      else missing = true;
      continue;
    }
    const r = resolve(key, 'A');
    const addrs = r.answers.filter((a) => a.type === 'A').map((a) => a.data);
    if (addrs.length === 0) {
      missing = true;
      continue;
    }
    const canonical = r.answers.filter((a) => a.type === 'A').at(-1)?.name ?? r.fqdn ?? key;
    const alias = r.answers.some((a) => a.type === 'CNAME') ? ` ${r.fqdn}` : '';
    for (const ip of addrs) stdout += `${ip.padEnd(15)} ${canonical}${alias}\n`;
  }
  return { stdout, stderr: '', exitCode: missing ? 2 : 0, requests };
};
