/**
 * `kubectl explain`'s layout, names and errors, as kubectl v1.30+ prints them
 * (k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl; explain.go for the argument errors).
 * Field sets and types are checked against the API in explain-schema.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';
import { FIELD_DOCS } from '../../../../src/engine/kubectl/explain/descriptions.ts';
import { FIELD_ENUMS } from '../../../../src/engine/kubectl/explain/enums.ts';
import { SCHEMA_TYPES } from '../../../../src/engine/kubectl/explain/schema.ts';

const state = createCluster();
const run = (line: string) => runCommandLine(state, line);

describe('kubectl explain RESOURCE[.field.path]', () => {
  it('prints a field of a list type: FIELD, DESCRIPTION (the field’s, then its type’s), FIELDS', () => {
    const out = run('kubectl explain svc.spec.ports --recursive').stdout;
    expect(out).toBe(
      [
        'KIND:       Service',
        'VERSION:    v1',
        '',
        'FIELD: ports <[]ServicePort>',
        '',
        'DESCRIPTION:',
        '    The ports this Service offers.',
        '    One port a Service offers, and the port on the selected pods it forwards to.',
        '    ',
        'FIELDS:',
        '  appProtocol\t<string>',
        '  name\t<string>',
        '  nodePort\t<integer>',
        '  port\t<integer> -required-',
        '  protocol\t<string>',
        '  enum: SCTP, TCP, UDP',
        '  targetPort\t<IntOrString>',
        '',
        '',
      ].join('\n'),
    );
  });

  it('gives each field its description, indented under it, wrapped at kubectl’s width', () => {
    const out = run('kubectl explain networkpolicy.spec.ingress.ports').stdout;
    expect(out).toContain('FIELD: ports <[]NetworkPolicyPort>\n');
    expect(out).toMatch(/\n {2}port\t<IntOrString>\n {4}\S.*\n\n/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('names the group for kinds outside the core group', () => {
    expect(run('kubectl explain deploy').stdout).toMatch(
      /^GROUP: {6}apps\nKIND: {7}Deployment\nVERSION: {4}v1\n\nDESCRIPTION:\n/,
    );
    expect(run('kubectl explain pods').stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\n/);
  });

  it('prints a scalar field without FIELDS', () => {
    const out = run('kubectl explain pod.status.podIP').stdout;
    expect(out).toMatch(/FIELD: podIP <string>\n\nDESCRIPTION:\n {4}\S/);
    expect(out).not.toContain('FIELDS:');
  });

  it('walks --recursive two spaces deeper per level, without descriptions', () => {
    const out = run('kubectl explain netpol.spec --recursive').stdout;
    expect(out).toContain(
      '  egress\t<[]NetworkPolicyEgressRule>\n' +
        '    ports\t<[]NetworkPolicyPort>\n' +
        '      endPort\t<integer>\n' +
        '      port\t<IntOrString>\n' +
        '      protocol\t<string>\n' +
        '      enum: SCTP, TCP, UDP\n' +
        '    to\t<[]NetworkPolicyPeer>\n' +
        '      ipBlock\t<IPBlock>\n' +
        '        cidr\t<string> -required-\n' +
        '        except\t<[]string>\n',
    );
    expect(out).toContain('  podSelector\t<LabelSelector>\n');
  });

  it.each([
    ['netpol', 'networkpolicies', 'networkpolicy', 'NetworkPolicy'],
    ['svc', 'services', 'service', 'Service'],
    ['sa', 'serviceaccounts', 'serviceaccount', 'ServiceAccount'],
    ['deploy', 'deployments', 'deployment', 'Deployment'],
  ])('accepts %s, %s, %s and %s alike', (...names) => {
    const outs = names.map((n) => run(`kubectl explain ${n}.metadata.labels`));
    for (const r of outs) expect(r).toMatchObject({ exitCode: 0, stdout: outs[0]!.stdout });
    expect(outs[0]!.stdout).toContain('FIELD: labels <map[string]string>');
  });

  it('honours --api-version when it names the kind’s own version', () => {
    expect(run('kubectl explain deploy --api-version=apps/v1').exitCode).toBe(0);
    expect(run('kubectl explain deploy --api-version=apps/v2')).toMatchObject({
      stderr: 'error: couldn\'t find resource for "apps/v2, Resource=deployments"\n',
      exitCode: 1,
    });
  });

  it.each([
    ['kubectl explain widgets', 'error: the server doesn\'t have a resource type "widgets"'],
    ['kubectl explain pod.spec.containerz', 'error: field "containerz" does not exist'],
    ['kubectl explain pod.spec.containers.nope', 'error: field "nope" does not exist'],
    // kubectl splits at the first dot: `deployments.apps` asks for a field `apps`.
    ['kubectl explain deployments.apps', 'error: field "apps" does not exist'],
    [
      'kubectl explain',
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    ],
    ['kubectl explain pods services', 'error: We accept only this format: explain RESOURCE'],
  ])('%s → %s', (line, stderr) => {
    expect(run(line)).toMatchObject({ stdout: '', stderr: `${stderr}\n`, exitCode: 1 });
  });

  it('prints enumerated values: four at most in the list, all of them for the field itself', () => {
    expect(run('kubectl explain svc.spec.ports').stdout).toContain(
      '  protocol\t<string>\n  enum: SCTP, TCP, UDP\n    TCP',
    );
    expect(run('kubectl explain pod.status').stdout).toContain(
      '  phase\t<string>\n  enum: Failed, Pending, Running, Succeeded, ....\n',
    );
    expect(run('kubectl explain svc.spec.type').stdout).toContain(
      'FIELD: type <string>\nENUM:\n    ClusterIP\n    ExternalName\n    LoadBalancer\n    NodePort\n\nDESCRIPTION:\n',
    );
  });

  it('describes and enumerates only fields the API has (string fields for enums)', () => {
    const fieldsOf = (type: string) =>
      Object.entries(SCHEMA_TYPES)
        .filter(([k]) => k.endsWith(`.${type}`))
        .flatMap(([, fs]) => fs);
    for (const key of [...Object.keys(FIELD_DOCS), ...Object.keys(FIELD_ENUMS)]) {
      const [type, field] = key.split('.') as [string, string];
      expect(
        fieldsOf(type).map((f) => f[0]),
        key,
      ).toContain(field);
    }
    for (const key of Object.keys(FIELD_ENUMS)) {
      const [type, field] = key.split('.') as [string, string];
      expect(fieldsOf(type).find((f) => f[0] === field)![1], key).toBe('string');
    }
  });

  it('keeps the nslab path explanation behind --from, exactly as before', () => {
    const [a, b] = run('kubectl get pods -n kube-system -o name')
      .stdout.trim()
      .split('\n')
      .map((n) => `kube-system/${n.slice(4)}`);
    const r = run(`explain --from ${a} --to ${b} --port 53`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^From ${a} \\(10\\.244\\.[0-9.]+\\) to ${b} `));
    expect(r.stdout).not.toContain('KIND:');
    expect(run('explain --to http://x').stderr).toBe('error: --from NS/POD is required\n');
  });
});
