/**
 * `kubectl label` and `kubectl annotate`: argument parsing (cmdutil.GetResourcesAndPairs,
 * label.go parseLabels, cmdutil.ParsePairs), conflicts without --overwrite, the verb
 * label.go picks (labeled / unlabeled / not labeled), selection by TYPE NAME, TYPE/NAME,
 * -l and --all, and the API server's own say (key validation, the namespace name label).
 */
import { describe, expect, it } from 'vitest';
import {
  createCluster,
  getObject,
  type ClusterState,
} from '../../../../src/engine/cluster/index.ts';
import { runCommandLine } from '../../../../src/engine/kubectl/index.ts';

function session(setup: string[] = []) {
  let state: ClusterState = createCluster();
  const s = {
    run(line: string) {
      const r = runCommandLine(state, line);
      state = r.state;
      return r;
    },
    get state() {
      return state;
    },
  };
  for (const line of setup) expect(s.run(line).exitCode).toBe(0);
  return s;
}

const nsLabels = (s: { state: ClusterState }, name: string) =>
  getObject(s.state, 'Namespace', undefined, name)?.metadata.labels;

describe('kubectl label', () => {
  // Each row: setup lines, the command, stdout, stderr (source: label.go and its tests).
  const rows: Array<[string, string[], string, string, string]> = [
    [
      'adds a label',
      ['kubectl create ns team'],
      'kubectl label ns team env=prod',
      'namespace/team labeled\n',
      '',
    ],
    [
      'refuses to change a value without --overwrite (validateNoOverwrites)',
      ['kubectl create ns team', 'kubectl label ns team env=prod'],
      'kubectl label ns team env=dev',
      '',
      "error: 'env' already has a value (prod), and --overwrite is false",
    ],
    [
      'changes it with --overwrite',
      ['kubectl create ns team', 'kubectl label ns team env=prod'],
      'kubectl label ns team env=dev --overwrite',
      'namespace/team labeled\n',
      '',
    ],
    [
      'says "not labeled" when nothing changes',
      ['kubectl create ns team', 'kubectl label ns team env=prod'],
      'kubectl label ns team env=prod',
      'namespace/team not labeled\n',
      '',
    ],
    [
      'says "unlabeled" when a removal shrinks the object',
      ['kubectl create ns team', 'kubectl label ns team env=prod'],
      'kubectl label ns team env-',
      'namespace/team unlabeled\n',
      '',
    ],
    [
      'notes a label to remove that is not there',
      ['kubectl create ns team'],
      'kubectl label ns team env-',
      'label "env" not found.\nnamespace/team not labeled\n',
      '',
    ],
    [
      'lists several conflicts one per line (an aggregate is printed without "error:")',
      ['kubectl create ns team', 'kubectl label ns team a=1 b=2'],
      'kubectl label ns team a=3 b=4',
      '',
      "'a' already has a value (1), and --overwrite is false\n'b' already has a value (2), and --overwrite is false",
    ],
    [
      'accepts TYPE/NAME',
      ['kubectl create deployment web --image=nginx'],
      'kubectl label deploy/web tier=front',
      'deployment.apps/web labeled\n',
      '',
    ],
    [
      'labels several named objects, reporting the missing one',
      ['kubectl create ns a'],
      'kubectl label ns a nope x=y',
      'namespace/a labeled\n',
      'Error from server (NotFound): namespaces "nope" not found',
    ],
    [
      'rejects a value with two =',
      ['kubectl create ns team'],
      'kubectl label ns team a=b=c',
      '',
      'error: invalid label spec: a=b=c',
    ],
    [
      'rejects an invalid value client-side',
      ['kubectl create ns team'],
      'kubectl label ns team a=-x',
      '',
      `error: invalid label value: "a=-x": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      'refuses to set and remove one key',
      ['kubectl create ns team'],
      'kubectl label ns team a=b a-',
      '',
      'error: can not both modify and remove a label in the same command',
    ],
    [
      'needs a change',
      ['kubectl create ns team'],
      'kubectl label ns team',
      '',
      'error: at least one label update is required',
    ],
    [
      'needs a resource',
      [],
      'kubectl label a=b',
      '',
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    ],
    [
      'needs names, -l or --all for a type',
      [],
      'kubectl label pods a=b',
      '',
      'error: resource(s) were provided, but no name was specified',
    ],
    [
      'wants resources before changes',
      ['kubectl create ns team'],
      'kubectl label ns a=b team',
      '',
      'error: all resources must be specified before label changes: team',
    ],
  ];
  it.each(rows)('%s', (_what, setup, line, stdout, stderr) => {
    const r = session(setup).run(line);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr.trim()).toBe(stderr);
    expect(r.exitCode).toBe(stderr ? 1 : 0);
  });

  it('selects with -l and with --all', () => {
    const s = session([
      'kubectl create ns a',
      'kubectl create ns b',
      'kubectl label ns a b team=x',
    ]);
    expect(s.run('kubectl label ns -l team=x env=dev').stdout).toBe(
      'namespace/a labeled\nnamespace/b labeled\n',
    );
    s.run('kubectl create deployment web --image=nginx --replicas=2');
    const r = s.run('kubectl label pods --all role=web');
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(/^pod\/web-\S+ labeled$/m);
  });

  it('lets the API server validate keys (the change is refused and nothing is stored)', () => {
    const s = session(['kubectl create ns team']);
    const before = s.state;
    const r = s.run("kubectl label ns team 'bad key=1'");
    expect(r.stderr).toMatch(
      /^The Namespace "team" is invalid: metadata\.labels: Invalid value: "bad key"/,
    );
    expect(r.state.objects).toBe(before.objects);
  });

  it('cannot remove or change kubernetes.io/metadata.name: the API server puts it back', () => {
    const s = session(['kubectl create ns team']);
    expect(s.run('kubectl label ns team kubernetes.io/metadata.name-').stdout).toBe(
      'namespace/team unlabeled\n',
    );
    expect(nsLabels(s, 'team')).toEqual({ 'kubernetes.io/metadata.name': 'team' });
    s.run('kubectl label ns team kubernetes.io/metadata.name=other --overwrite');
    expect(nsLabels(s, 'team')).toEqual({ 'kubernetes.io/metadata.name': 'team' });
  });

  it('--dry-run=client prints the changed object and stores nothing', () => {
    const s = session(['kubectl create ns team']);
    const r = s.run('kubectl label ns team zz=1 --dry-run=client -o yaml');
    expect(r.stdout).toContain('    zz: "1"\n');
    expect(nsLabels(s, 'team')).toEqual({ 'kubernetes.io/metadata.name': 'team' });
    expect(s.run('kubectl label ns team zz=1 --dry-run=client').stdout).toBe(
      'namespace/team labeled (dry run)\n',
    );
  });

  it('--resource-version makes the change conditional (Conflict when stale)', () => {
    const s = session(['kubectl create ns team']);
    const rv = getObject(s.state, 'Namespace', undefined, 'team')!.metadata.resourceVersion!;
    expect(s.run(`kubectl label ns team a=1 --resource-version=${rv}`).exitCode).toBe(0);
    expect(s.run(`kubectl label ns team b=1 --resource-version=${rv}`).stderr.trim()).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on namespaces "team": the object has been modified; please apply your changes to the latest version and try again',
    );
    expect(s.run('kubectl label ns team default c=1 --resource-version=1').stderr.trim()).toBe(
      'error: --resource-version may only be used with a single resource',
    );
  });

  it('--list prints the labels', () => {
    const s = session(['kubectl create ns team', 'kubectl label ns team a=1']);
    expect(s.run('kubectl label ns team --list').stdout).toBe(
      'a=1\nkubernetes.io/metadata.name=team\n',
    );
  });
});

describe('kubectl annotate', () => {
  const rows: Array<[string, string[], string, string, string]> = [
    [
      'adds an annotation (values may contain = and spaces)',
      ['kubectl create ns team'],
      "kubectl annotate ns team note='a = b'",
      'namespace/team annotated\n',
      '',
    ],
    [
      'refuses to change one without --overwrite (validateNoAnnotationOverwrites)',
      ['kubectl create ns team', 'kubectl annotate ns team note=x'],
      'kubectl annotate ns team note=y',
      '',
      "error: --overwrite is false but found the following declared annotation(s): 'note' already has a value (x)",
    ],
    [
      'changes it with --overwrite',
      ['kubectl create ns team', 'kubectl annotate ns team note=x'],
      'kubectl annotate ns team note=y --overwrite',
      'namespace/team annotated\n',
      '',
    ],
    [
      'removes one',
      ['kubectl create ns team', 'kubectl annotate ns team note=x'],
      'kubectl annotate ns team note-',
      'namespace/team annotated\n',
      '',
    ],
    [
      'refuses to set and remove one key',
      ['kubectl create ns team'],
      'kubectl annotate ns team a=1 a-',
      '',
      'error: can not both modify and remove the following annotation(s) in the same command: a',
    ],
    [
      'needs a change',
      ['kubectl create ns team'],
      'kubectl annotate ns team',
      '',
      'error: at least one annotation update is required',
    ],
  ];
  it.each(rows)('%s', (_what, setup, line, stdout, stderr) => {
    const r = session(setup).run(line);
    expect(r.stdout).toBe(stdout);
    expect(r.stderr.trim()).toBe(stderr);
  });

  it('stores the annotation', () => {
    const s = session(['kubectl create ns team', 'kubectl annotate ns team owner=alice']);
    expect(getObject(s.state, 'Namespace', undefined, 'team')?.metadata.annotations).toEqual({
      owner: 'alice',
    });
  });
});

describe('kubectl scale', () => {
  it('sets replicas and the controllers follow', () => {
    const s = session(['kubectl create deployment web --image=nginx']);
    expect(s.run('kubectl scale deployment web --replicas=3').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(s.run('kubectl get pods -l app=web -o name').stdout.trim().split('\n')).toHaveLength(3);
    s.run('kubectl scale deploy/web --replicas=0');
    expect(s.run('kubectl get pods -l app=web -o name').stdout).toBe('');
  });
  const errors: Array<[string, string]> = [
    ['kubectl scale deploy web', 'error: required flag(s) "replicas" not set'],
    [
      'kubectl scale deploy web --replicas=1 --current-replicas=5',
      'error: Expected replicas to be 5, was 1',
    ],
    [
      'kubectl scale deploy nope --replicas=2',
      'error: no objects passed to scale deployments.apps "nope" not found',
    ],
    [
      'kubectl scale ns default --replicas=2',
      'Error from server (NotFound): the server could not find the requested resource',
    ],
  ];
  it.each(errors)('%s', (line, message) => {
    const r = session(['kubectl create deployment web --image=nginx']).run(line);
    expect(r.stderr.trim()).toBe(message);
    expect(r.exitCode).toBe(1);
  });
});
