/**
 * The nslab `resolve` and `explain` commands (DESIGN.md, the `nslab` table): resolve's exact
 * JSON shape and its errors; explain lists every hop with its verdict, including the
 * NetworkPolicy explanation of the hop that failed.
 */
import { describe, expect, it } from 'vitest';
import { Driver } from '../cluster/driver.ts';
import { allowDns, denyEgress, ns, pod, svc } from '../dns/fixture.ts';

const d = new Driver().apply(
  ns('a', 'b') +
    pod({ ns: 'a', name: 'client', ip: '10.244.11.100' }) +
    pod({
      ns: 'b',
      name: 'web-1',
      ip: '10.244.11.11',
      labels: { app: 'web' },
      ports: [{ port: 8080 }],
    }) +
    svc({
      ns: 'b',
      name: 'web',
      ip: '10.96.11.10',
      selector: { app: 'web' },
      ports: [{ name: 'http', port: 80, targetPort: 8080 }],
    }),
);

describe('resolve', () => {
  it('prints the JSON DESIGN.md specifies', () => {
    const r = d.run('resolve --from a/client web.b -o json');
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      query: 'web.b',
      type: 'A',
      rcode: 'NOERROR',
      fqdn: 'web.b.svc.cluster.local',
      tried: ['web.b.a.svc.cluster.local', 'web.b.svc.cluster.local'],
      answers: [{ name: 'web.b.svc.cluster.local', type: 'A', ttl: 30, data: '10.96.11.10' }],
    });
  });

  it('gives NXDOMAIN with a null fqdn and every name tried', () => {
    const j = JSON.parse(d.run('resolve --from a/client web --type A -o json').stdout);
    expect([j.rcode, j.fqdn, j.answers, j.tried.length]).toEqual(['NXDOMAIN', null, [], 4]);
  });

  it('prints SRV data as "priority weight port target"', () => {
    const j = JSON.parse(
      d.run('resolve --from a/client _http._tcp.web.b --type SRV -o json').stdout,
    );
    expect(j.answers.map((a: { data: string }) => a.data)).toEqual([
      '0 100 80 web.b.svc.cluster.local',
    ]);
  });

  it('shows the names tried in the text form', () => {
    const out = d.run('resolve --from a/client web.b').stdout;
    expect(out).toContain('web.b.a.svc.cluster.local');
    expect(out).toContain('NXDOMAIN');
    expect(out).toContain('web.b.svc.cluster.local.\t30\tIN\tA\t10.96.11.10');
  });

  it.each([
    ['resolve web.b', 'error: --from NS/POD is required\n'],
    ['resolve --from a/ghost web.b', 'Error from server (NotFound): pods "ghost" not found\n'],
    [
      'resolve --from a/client web.b --type MX',
      'error: --type must be one of A, AAAA, SRV, CNAME, PTR\n',
    ],
  ])('%s fails', (line, err) => {
    const r = d.run(line);
    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(1);
  });

  it('reports a DNS timeout when the query is dropped (exit 1)', () => {
    const locked = new Driver(d.state).apply(denyEgress('a'));
    const r = locked.run('resolve --from a/client web.b -o json');
    expect(JSON.parse(r.stdout).rcode).toBe('TIMEOUT');
    expect(r.exitCode).toBe(1);
  });
});

describe('explain', () => {
  it('walks DNS, Service, endpoint, egress, ingress and the backend', () => {
    const out = d.run('explain --from a/client --to http://web.b').stdout;
    for (const hop of ['DNS', 'Service', 'Endpoint', 'Egress', 'Ingress', 'Backend'])
      expect(out).toMatch(new RegExp(`\\d\\. ${hop}\\s+ok`));
    expect(out).toContain('Result: CONNECTED — answered by b/web-1 (curl exit 0)');
  });

  it('names the policy that drops the request', () => {
    const locked = new Driver(d.state).apply(denyEgress('a') + allowDns('a'));
    const out = locked.run('explain --from a/client --to web.b').stdout;
    expect(out).toMatch(/Egress\s+FAIL/);
    expect(out).toContain('NetworkPolicy a/default-deny-egress: does not allow');
    expect(out).toContain('Result: TIMED OUT');
  });

  it('explains a pod-to-pod connection on a port without DNS or Service', () => {
    const out = d.run('explain --from a/client --to b/web-1 --port 9090').stdout;
    expect(out).toContain('on 9090/TCP (pod IP: no DNS, no Service)');
    expect(out).toMatch(/Backend\s+FAIL/);
  });
});
