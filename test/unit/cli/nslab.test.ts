import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { nslab } from '../../../src/cli/nslab.ts';

const read = (p: string) => (existsSync(p) ? readFileSync(p, 'utf8') : undefined);
// Copies of ../shared/realworld (see SOURCES.md there), kept byte for byte.
const realworld = 'test/fixtures/realworld';

describe('nslab (DESIGN.md: the nslab command line)', () => {
  it('loads -f files into a fresh cluster and runs one command', () => {
    const r = nslab(['-f', `${realworld}/bookinfo.yaml`, 'get', 'deployments', '-o', 'name'], read);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toEqual([
      'deployment.apps/details-v1',
      'deployment.apps/productpage-v1',
      'deployment.apps/ratings-v1',
      'deployment.apps/reviews-v1',
      'deployment.apps/reviews-v2',
      'deployment.apps/reviews-v3',
    ]);
  });

  it("propagates the command's exit code and kubectl's NotFound message", () => {
    const r = nslab(['get', 'pod', 'nope'], read);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('fails with the path when a -f file is missing', () => {
    const r = nslab(['-f', 'missing.yaml', 'get', 'pods'], read);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('missing.yaml');
  });

  it('reads the file `patch --patch-file` names, as kubectl does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nslab-patch-'));
    const patch = join(dir, 'selector.json');
    writeFileSync(patch, '{"spec":{"selector":{"app":"postgres"}}}');
    const base = ['-f', `${realworld}/bookinfo.yaml`, 'patch', 'svc', 'details'];
    const r = nslab([...base, '--patch-file', patch, '-o', 'yaml'], read);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^ {2}selector:\n {4}app: postgres$/m);
    expect(nslab([...base, `--patch-file=${patch}`], read).stdout).toBe(
      'service/details patched\n',
    );
    const missing = nslab([...base, '--patch-file', join(dir, 'nope.json')], read);
    expect(missing.stderr).toBe(
      `error: unable to read patch file: open ${join(dir, 'nope.json')}: no such file or directory\n`,
    );
  });

  it('accepts a leading kubectl word', () => {
    expect(nslab(['kubectl', 'get', 'ns', '-o', 'name'], read).stdout).toContain(
      'namespace/kube-system',
    );
  });

  it('runs a script: state carries over, comments and blank lines are skipped, -o jsonl gives one object per line', () => {
    const files: Record<string, string> = {
      's.txt':
        '# set up\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-a}\nEOF\n\nget ns team-a -o name\nget pod missing -n team-a\n',
    };
    const r = nslab(['script', 's.txt', '-o', 'jsonl'], (p) => files[p] ?? read(p));
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.line, l.command.split('\n')[0], l.exit])).toEqual([
      [2, 'kubectl apply -f - <<EOF', 0],
      [8, 'get ns team-a -o name', 0],
      [9, 'get pod missing -n team-a', 1],
    ]);
    expect(lines[0].stdout).toBe('namespace/team-a created\n');
    expect(lines[1].stdout).toBe('namespace/team-a\n');
    expect(lines[2].stderr).toBe('Error from server (NotFound): pods "missing" not found\n');
  });

  it('loads the real-world applications as they are: every Deployment becomes a running pod with a Service endpoint', () => {
    const r = nslab(
      [
        '-f',
        `${realworld}/online-boutique.yaml`,
        '-f',
        `${realworld}/online-boutique-networkpolicies.yaml`,
        'get',
        'pods',
        '-o',
        'json',
      ],
      read,
    );
    expect(r.stderr).toBe('');
    const pods = JSON.parse(r.stdout).items as Array<{
      metadata: { name: string };
      status: { phase: string; podIP: string };
    }>;
    expect(pods).toHaveLength(12);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.status.podIP).toMatch(/^10\.244\./);
    }
    const ep = nslab(
      ['-f', `${realworld}/online-boutique.yaml`, 'get', 'endpoints', 'frontend', '-o', 'json'],
      read,
    );
    expect(JSON.parse(ep.stdout).subsets[0].ports[0].port).toBe(8080);
  });
});

describe('npm run -s nslab (the real entry point)', () => {
  it('prints and exits like the in-process call', () => {
    const r = spawnSync(
      'npx',
      ['tsx', 'src/cli/main.ts', 'get', 'pod', 'nope', '-n', 'kube-system'],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Error from server (NotFound): pods "nope" not found');
  });
});

describe('files that bring their own cluster DNS', () => {
  it('make their coredns pods the only kube-dns endpoints (the built-in CoreDNS scales to zero)', () => {
    const r = nslab(
      [
        '-f',
        'test/conformance/path/10-egress-post-dnat.yaml',
        'get',
        'endpoints',
        'kube-dns',
        '-n',
        'kube-system',
        '-o',
        'json',
      ],
      read,
    );
    const ips = JSON.parse(r.stdout).subsets.flatMap((s: { addresses: Array<{ ip: string }> }) =>
      s.addresses.map((a) => a.ip),
    );
    expect([...new Set(ips)].sort()).toEqual(['10.244.0.2', '10.244.0.3']);
  });
});

describe('Online Boutique with its NetworkPolicies (behaves as a cluster running it would)', () => {
  const files = [
    '-f',
    `${realworld}/online-boutique.yaml`,
    '-f',
    `${realworld}/online-boutique-networkpolicies.yaml`,
  ];
  it.each([
    // [from, url, curl exit] — the component's policies allow exactly the app's call graph
    ['deploy/loadgenerator', 'http://frontend:80/', 0],
    ['deploy/frontend', 'http://cartservice:7070/', 0],
    ['deploy/cartservice', 'http://redis-cart:6379/', 0],
    ['deploy/loadgenerator', 'http://cartservice:7070/', 28],
    ['deploy/frontend', 'http://redis-cart:6379/', 28],
  ])('%s → %s exits %i', (from, url, exit) => {
    const r = nslab([...files, 'exec', from, '--', 'curl', '-sS', '-m', '2', url], read);
    expect(r.exitCode).toBe(exit);
  });
  it('Bookinfo: productpage reaches reviews by its short name', () => {
    const r = nslab(
      [
        '-f',
        `${realworld}/bookinfo.yaml`,
        'exec',
        'deploy/productpage-v1',
        '--',
        'curl',
        '-sS',
        'http://reviews:9080/',
      ],
      read,
    );
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/reviews-v[123]-/);
  });
});

describe('host-network pods through nslab (hostnetwork.yaml)', () => {
  const f = ['-f', 'test/fixtures/hostnetwork.yaml'];
  // [command, exit code, what stdout or stderr holds, source]
  const rows: Array<[string[], number, string, string]> = [
    // Fails on the engine before host-network support: the curl timed out (28).
    [
      ['exec', 'client', '--', 'curl', '-sS', '-m', '2', 'http://172.18.0.2:9100'],
      0,
      'default/agent',
      'the pod answers on the node IP',
    ],
    [
      ['exec', 'client', '--', 'curl', '-sS', '-m', '2', 'http://agent'],
      0,
      'default/agent',
      'the Service DNATs to node IP:targetPort',
    ],
    [['get', 'endpoints', 'agent'], 0, '172.18.0.2:9100', 'the endpoint is the node IP'],
    [
      ['get', 'pods', '-o', 'wide'],
      0,
      'agent     1/1     Running   0          1s    172.18.0.2',
      'podIP = node IP',
    ],
    [
      ['exec', 'agent-2', '--', 'true'],
      1,
      'pod agent-2 does not have a host assigned',
      'NodePorts: Pending, unbound',
    ],
  ];
  it.each(rows)('nslab %j → exit %i', (argv, exit, text) => {
    const r = nslab([...f, ...argv], read);
    expect(r.exitCode, r.stderr).toBe(exit);
    expect(r.stdout + r.stderr).toContain(text);
  });
});
