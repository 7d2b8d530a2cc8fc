/**
 * The simulated programs inside a pod, compared with what the real ones print: curl 8.11
 * (error texts "(6) Could not resolve host", "(7) Failed to connect … Couldn't connect to
 * server", "(28) Resolving timed out after N milliseconds", "(22) The requested URL returned
 * error"; exit 2 for usage errors), BusyBox 1.36 wget and nslookup, glibc getent, and the files
 * the kubelet writes (resolv.conf, hosts) — pkg/kubelet/network/dns, kubelet_pods.go.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';
import { denyEgress, ns, pod, svc } from '../dns/fixture.ts';

const d = new Driver().apply(
  ns('a', 'b', 'locked') +
    pod({ ns: 'a', name: 'client', ip: '10.244.10.100' }) +
    pod({ ns: 'locked', name: 'client', ip: '10.244.10.101' }) +
    denyEgress('locked') +
    `apiVersion: v1
kind: Pod
metadata: { name: web-1, namespace: b, labels: { app: web } }
spec:
  containers:
    - name: porter
      image: registry.k8s.io/e2e-test-images/agnhost:2.53
      args: [porter]
      ports: [{ name: http, containerPort: 8080 }]
      env: [{ name: SERVE_PORT_8080, value: web-1 }]
status: { phase: Running, podIP: 10.244.10.11 }
---
` +
    svc({
      ns: 'b',
      name: 'web',
      ip: '10.96.10.10',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
    }) +
    svc({
      ns: 'b',
      name: 'empty',
      ip: '10.96.10.11',
      selector: { app: 'none' },
      ports: [{ port: 80 }],
    }),
);

const run = (line: string) => d.run(line);

describe('curl', () => {
  it.each([
    ['curl -s http://web.b/', 0, 'web-1', ''],
    ['curl -sS http://web/', 6, '', 'curl: (6) Could not resolve host: web\n'],
    ['curl -s http://web/', 6, '', ''],
    [
      'curl -sS http://empty.b/',
      7,
      '',
      "curl: (7) Failed to connect to empty.b port 80 after 1 ms: Couldn't connect to server\n",
    ],
    [
      'curl -sS -m 2 http://10.244.10.11:9999/',
      7,
      '',
      "curl: (7) Failed to connect to 10.244.10.11 port 9999 after 1 ms: Couldn't connect to server\n",
    ],
    [
      'curl -sS -m 3 http://web.b:8080/',
      28,
      '',
      'curl: (28) Connection timed out after 3000 milliseconds\n',
    ],
    ['curl -s -o /dev/null -w %{http_code} http://web.b/', 0, '200', ''],
    ['curl -sSI http://web.b/', 0, 'HTTP/1.1 200 OK\r\n', ''],
    ['curl -sSk https://kubernetes.default/api', 0, '"code": 403', ''],
    [
      'curl -sSfk https://kubernetes.default/api',
      22,
      '',
      'curl: (22) The requested URL returned error: 403\n',
    ],
    ['curl -sSk https://kubernetes.default.svc/version', 0, '"gitVersion": "v1.32.4"', ''],
    [
      'curl -sS https://kubernetes.default/',
      60,
      '',
      'curl: (60) SSL certificate problem: unable to get local issuer certificate',
    ],
    [
      'curl -sS -m 2 https://web.b/',
      28,
      '',
      'curl: (28) Connection timed out after 2000 milliseconds',
    ],
    [
      'curl -sS https://web.b:80/',
      35,
      '',
      'curl: (35) OpenSSL/3.3.2: error:0A00010B:SSL routines::wrong version number',
    ],
    ['curl -sS ftp://web.b/', 1, '', 'curl: (1) Protocol "ftp" not supported'],
    ['curl', 2, '', 'curl: no URL specified\n'],
    ['curl --bogus http://web.b/', 2, '', 'curl: option --bogus: is unknown\n'],
  ])('%s → exit %i', (cmd, exit, out, err) => {
    const r = run(`exec -n a client -- ${cmd}`);
    expect(r.exitCode).toBe(exit);
    expect(r.stdout).toContain(out);
    expect(r.stderr).toContain(err);
  });

  it('fails name resolution under a default-deny egress policy: 6 without -m, 28 with -m 2', () => {
    const six = run('exec -n locked client -- curl -sS http://web.b/');
    expect(six.stderr).toContain('curl: (6) Could not resolve host: web.b\n');
    const tt = run('exec -n locked client -- curl -sS -m 2 http://web.b/');
    expect(tt.stderr).toContain('curl: (28) Resolving timed out after 2000 milliseconds\n');
    expect(tt.exitCode).toBe(28);
  });

  it('without -m reports the kernel giving up on the SYN (exit 28, ~127 s)', () => {
    const r = run('exec -n locked client -- curl -sS http://10.244.10.11:8080/');
    expect(r.stderr).toContain(
      "curl: (28) Failed to connect to 10.244.10.11 port 8080 after 127000 ms: Couldn't connect to server",
    );
  });

  it('-v shows the hops of the path', () => {
    const r = run('exec -n a client -- curl -v http://web.b/');
    expect(r.stderr).toContain('* [dns] web.b → web.b.svc.cluster.local = 10.96.10.10');
    expect(r.stderr).toContain('* [endpoint] DNAT 10.96.10.10:80 → b/web-1 10.244.10.11:8080');
    expect(r.stderr).toContain('< HTTP/1.1 200 OK');
  });
});

describe('wget (BusyBox)', () => {
  it.each([
    ['wget -qO- -T 2 http://web.b', 0, 'web-1', ''],
    ['wget -qO- -T 2 http://web', 1, '', "wget: bad address 'web'\n"],
    [
      'wget -qO- -T 2 http://empty.b',
      1,
      '',
      "wget: can't connect to remote host (10.96.10.11): Connection refused\n",
    ],
    ['wget -qO- -T 2 http://web.b:8080', 1, '', 'wget: download timed out\n'],
    [
      'wget -qO- https://kubernetes.default/api --no-check-certificate',
      1,
      '',
      'wget: server returned error: HTTP/1.1 403 Forbidden\n',
    ],
  ])('%s → exit %i', (cmd, exit, out, err) => {
    const r = run(`exec -n a client -- ${cmd}`);
    expect(r.exitCode).toBe(exit);
    expect(r.stdout).toContain(out);
    expect(r.stderr).toContain(err);
  });
});

describe('name lookup tools', () => {
  it('nslookup prints the server and the canonical name', () => {
    const r = run('exec -n a client -- nslookup web.b');
    expect(r.stdout).toBe(
      'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\nName:\tweb.b.svc.cluster.local\nAddress: 10.96.10.10\n\n',
    );
    expect(r.exitCode).toBe(0);
  });

  it('nslookup of a missing name exits 1 with NXDOMAIN', () => {
    const r = run('exec -n a client -- nslookup web');
    expect(r.stdout).toContain("** server can't find web: NXDOMAIN");
    expect(r.exitCode).toBe(1);
  });

  it('nslookup with DNS blocked reports no servers reached', () => {
    const r = run('exec -n locked client -- nslookup web.b');
    expect(r.stdout).toContain(';; connection timed out; no servers could be reached');
    expect(r.exitCode).toBe(1);
  });

  it('getent hosts prints the address and canonical name, exit 2 when not found', () => {
    expect(run('exec -n a client -- getent hosts web.b').stdout).toBe(
      '10.96.10.10     web.b.svc.cluster.local\n',
    );
    expect(run('exec -n a client -- getent hosts nothing').exitCode).toBe(2);
  });

  it('cat /etc/resolv.conf shows the kubelet-written file', () => {
    expect(run('exec -n a client -- cat /etc/resolv.conf').stdout).toBe(
      'search a.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
  });

  it('sh -c runs one command line', () => {
    expect(run("exec -n a client -- sh -c 'curl -s web.b'").stdout).toBe('web-1');
  });

  it("env lists Service links only for Services of the pod's own namespace", () => {
    const b = run('exec -n b web-1 -- env').stdout;
    expect(b).toContain('WEB_SERVICE_HOST=10.96.10.10\n');
    expect(b).toContain('SERVE_PORT_8080=web-1\n');
    const a = run('exec -n a client -- env').stdout;
    expect(a).not.toContain('WEB_SERVICE_HOST');
    expect(a).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
  });
});

describe('terminal behaviour', () => {
  it('curl without -s shows its progress meter on stderr when the output is not a terminal', () => {
    const r = run('exec -n a client -- curl http://web.b/');
    expect(r.stdout).toBe('web-1');
    expect(r.stderr).toMatch(/^ {2}% Total {4}% Received % Xferd/);
    expect(r.stderr).toContain('100     5  100     5');
  });

  it('with -it the program writes to a terminal: no meter, its stderr arrives on stdout', () => {
    const r = run('exec -it -n a client -- curl -sS http://web');
    expect(r.stdout).toBe('curl: (6) Could not resolve host: web\n');
    expect(r.stderr).toBe('command terminated with exit code 6\n');
    expect(run('exec -it -n a client -- curl http://web.b/').stdout).toBe('web-1');
  });

  it('explains that interactive shells are not simulated', () => {
    const r = run('exec -it -n a client -- sh');
    expect(r.exitCode).toBe(1);
    expect(r.stdout + r.stderr).toContain('interactive shells are not simulated');
  });
});
