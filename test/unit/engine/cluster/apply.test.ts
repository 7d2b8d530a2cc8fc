import { describe, expect, it } from 'vitest';
import { type Pod, type Service } from '../../../../src/engine/cluster/index.ts';
import { Driver } from './driver.ts';

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

describe('kubectl apply -f', () => {
  it('reports created, then unchanged, then configured', () => {
    const d = new Driver();
    const files = { 'a.yaml': ns('team-a') };
    expect(d.run('kubectl apply -f a.yaml', files).stdout).toBe('namespace/team-a created\n');
    expect(d.run('kubectl apply -f a.yaml', files).stdout).toBe('namespace/team-a unchanged\n');
    const changed = { 'a.yaml': `${ns('team-a')}  labels:\n    team: a\n` };
    expect(d.run('kubectl apply -f a.yaml', changed).stdout).toBe('namespace/team-a configured\n');
    expect(d.get('Namespace', undefined, 'team-a')?.metadata.labels).toEqual({
      team: 'a',
      'kubernetes.io/metadata.name': 'team-a',
    });
  });

  it('applies the valid objects of a file, reports each invalid one, and exits 1', () => {
    const d = new Driver();
    const text = `${ns('ok')}---\napiVersion: v1\nkind: Pod\nmetadata: {name: Bad}\nspec: {containers: [{name: c, image: x}]}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm, namespace: missing}\n`;
    const r = d.run('kubectl apply -f f.yaml', { 'f.yaml': text });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('namespace/ok created\n');
    expect(r.stderr).toContain(
      'The Pod "Bad" is invalid: metadata.name: Invalid value: "Bad": a lowercase RFC 1123 subdomain',
    );
    expect(r.stderr).toContain('  at f.yaml:6:1');
    expect(r.stderr).toContain(
      'Error from server (NotFound): error when creating "f.yaml": namespaces "missing" not found\n  at f.yaml:11:1',
    );
    expect(d.get('Namespace', undefined, 'ok')).toBeDefined();
  });

  it('leaves the cluster exactly as it was when the file does not parse', () => {
    const d = new Driver();
    const before = d.state;
    const r = d.run('kubectl apply -f f.yaml', { 'f.yaml': `${ns('a')}---\nkind: [\n` });
    expect(r.exitCode).toBe(1);
    expect(d.state).toBe(before);
  });

  it("names unknown kinds with kubectl's resource-mapping error", () => {
    const r = new Driver().run('kubectl apply -f f.yaml', {
      'f.yaml': 'apiVersion: example.com/v1\nkind: Foo\nmetadata: {name: foo}\n',
    });
    expect(r.stderr).toContain(
      'error: resource mapping not found for name: "foo" namespace: "" from "f.yaml": no matches for kind "Foo" in version "example.com/v1"\nensure CRDs are installed first',
    );
  });

  it('refuses a namespace that differs from an explicit -n', () => {
    const r = new Driver().run('kubectl apply -n default -f f.yaml', {
      'f.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: kube-system}\n',
    });
    expect(r.stderr).toContain(
      'error: the namespace from the provided object "kube-system" does not match the namespace "default".',
    );
  });

  it('keeps the pod address and the ClusterIP across re-applies, and honours explicit addresses', () => {
    const d = new Driver();
    const yaml = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, labels: {app: p}}\nspec: {containers: [{name: c, image: nginx}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {selector: {app: p}, ports: [{port: 80}]}\n`;
    d.run('kubectl apply -f f.yaml', { 'f.yaml': yaml });
    const ip = d.get<Pod>('Pod', 'default', 'p')!.status!.podIP;
    const cip = d.get<Service>('Service', 'default', 's')!.spec!.clusterIP;
    d.run('kubectl apply -f f.yaml', { 'f.yaml': yaml.replace('app: p}}', 'app: p, v: "2"}}') });
    expect(d.get<Pod>('Pod', 'default', 'p')!.status!.podIP).toBe(ip);
    expect(d.get<Service>('Service', 'default', 's')!.spec!.clusterIP).toBe(cip);
    const fixed = new Driver();
    fixed.run('kubectl apply -f f.yaml', {
      'f.yaml': yaml.replace('ports: [{port: 80}]}', 'clusterIP: 10.96.7.7, ports: [{port: 80}]}'),
    });
    expect(fixed.get<Service>('Service', 'default', 's')!.spec!.clusterIP).toBe('10.96.7.7');
  });

  it('generated addresses skip addresses claimed explicitly in the same command', () => {
    const d = new Driver();
    const pods = ['a', 'b']
      .map(
        (n, i) =>
          `apiVersion: v1\nkind: Pod\nmetadata: {name: ${n}}\nspec: {containers: [{name: c, image: x}]}\n${i === 1 ? 'status: {podIP: 10.244.0.4}\n' : ''}`,
      )
      .join('---\n');
    d.run('kubectl apply -f f.yaml', { 'f.yaml': pods });
    expect(d.get<Pod>('Pod', 'default', 'a')!.status!.podIP).not.toBe('10.244.0.4');
    expect(d.get<Pod>('Pod', 'default', 'b')!.status!.podIP).toBe('10.244.0.4');
  });

  it('refuses pod spec changes other than images, as the API server does', () => {
    const d = new Driver();
    const pod = (image: string, port: number) =>
      `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c, image: ${image}, ports: [{containerPort: ${port}}]}]}\n`;
    d.run('kubectl apply -f f.yaml', { 'f.yaml': pod('nginx:1', 80) });
    expect(d.run('kubectl apply -f f.yaml', { 'f.yaml': pod('nginx:2', 80) }).stdout).toBe(
      'pod/p configured\n',
    );
    const r = d.run('kubectl apply -f f.yaml', { 'f.yaml': pod('nginx:2', 81) });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'The Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`',
    );
  });

  it('reads stdin for -f - (heredoc)', () => {
    const d = new Driver();
    const r = d.run(`kubectl apply -f - <<EOF\n${ns('from-stdin')}EOF`);
    expect(r.stdout).toBe('namespace/from-stdin created\n');
  });
});
