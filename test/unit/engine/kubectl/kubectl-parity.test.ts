/**
 * Parity with the real kubectl: every `create … --dry-run=client -o yaml|json` form that
 * kubectl can print without an API server is run through /usr/bin/kubectl (no kubeconfig)
 * and through the simulator, and the two outputs must be identical byte for byte.
 * Skipped when kubectl is not installed.
 */
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';

function kubectlAvailable(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const hasKubectl = kubectlAvailable();

/** Files the `--from-file` / `--from-env-file` rows read, written to a temp dir for kubectl. */
const dir = mkdtempSync(join(tmpdir(), 'nslab-parity-'));
writeFileSync(join(dir, 'index.html'), '<h1>hello & welcome</h1>\n');
writeFileSync(join(dir, 'app.properties'), 'color=blue\nsize=10\n');
writeFileSync(join(dir, 'settings.env'), '# comment\nLOG_LEVEL=debug\n  MODE=fast\nEMPTY=\n');
mkdirSync(join(dir, 'conf'));
writeFileSync(join(dir, 'conf', 'a.txt'), 'first');
writeFileSync(join(dir, 'conf', 'b.conf'), 'second\n');
writeFileSync(join(dir, 'dockercfg.json'), '{"auths":{}}');

function filesUnder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root)) {
    const p = join(root, name);
    if (statSync(p).isDirectory()) Object.assign(out, filesUnder(p));
    else out[p] = readFileSync(p, 'utf8');
  }
  return out;
}

const F = (name: string) => join(dir, name);

/** Command lines (after `kubectl`); each is run with `-o yaml` and `-o json` appended. */
const FORMS: string[][] = [
  ['create', 'namespace', 'team-a'],
  ['create', 'ns', 'team-b', '-n', 'other'],
  ['create', 'deployment', 'web', '--image=nginx'],
  [
    'create',
    'deployment',
    'web',
    '--image=nginx:1.27',
    '--replicas=3',
    '--port=80',
    '-n',
    'team-a',
  ],
  [
    'create',
    'deploy',
    'multi',
    '--image=nginx',
    '--image=registry.k8s.io/pause:3.9',
    '--image=busybox@sha256:abc',
  ],
  ['create', 'deployment', 'sleeper', '--image=busybox', '-r', '2', '--', 'sleep', '3600'],
  ['create', 'deployment', 'web', '--image=nginx', '--save-config'],
  ['create', 'namespace', 'saved', '--save-config'],
  ['create', 'configmap', 'saved', '--from-literal=k=<v&>', '--save-config', '-n', 'team-a'],
  ['create', 'service', 'clusterip', 'saved', '--tcp=80', '--save-config'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:8080'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80', '--tcp=443:https', '-n', 'team-a'],
  ['create', 'svc', 'clusterip', 'headless', '--clusterip=None'],
  ['create', 'service', 'clusterip', 'fixed', '--tcp=53:53', '--clusterip=10.96.0.50'],
  ['create', 'service', 'nodeport', 'np', '--tcp=80:8080', '--node-port=30080'],
  ['create', 'service', 'nodeport', 'np', '--tcp=80,81:8081'],
  ['create', 'service', 'loadbalancer', 'lb', '--tcp=443:8443'],
  ['create', 'service', 'externalname', 'ext', '--external-name=example.com'],
  [
    'create',
    'service',
    'externalname',
    'ext',
    '--external-name=db.example.org',
    '--tcp=5432',
    '-n',
    'x',
  ],
  ['create', 'serviceaccount', 'robot'],
  ['create', 'sa', 'robot', '-n', 'team-a'],
  ['create', 'rolebinding', 'rb', '--role=reader', '--user=alice'],
  [
    'create',
    'rolebinding',
    'rb',
    '--clusterrole=view',
    '--user=alice',
    '--user=bob',
    '--group=devs',
    '--serviceaccount=team-a:robot',
    '-n',
    'team-a',
  ],
  ['create', 'rolebinding', 'empty', '--clusterrole=edit'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--group=system:authenticated'],
  [
    'create',
    'clusterrolebinding',
    'crb',
    '--clusterrole=cluster-admin',
    '--serviceaccount=kube-system:default',
    '-n',
    'ignored',
  ],
  [
    'create',
    'configmap',
    'cm',
    '--from-literal=a=1',
    '--from-literal=b=two words',
    '--from-literal=c=x=y',
  ],
  ['create', 'cm', 'cm', '--from-literal=greeting=hello', '-n', 'team-a'],
  [
    'create',
    'configmap',
    'files',
    `--from-file=${F('index.html')}`,
    `--from-file=props=${F('app.properties')}`,
  ],
  ['create', 'configmap', 'dir', `--from-file=${F('conf')}`],
  ['create', 'configmap', 'env', `--from-env-file=${F('settings.env')}`],
  ['create', 'configmap', 'hashed', '--from-literal=a=1', '--append-hash'],
  ['create', 'configmap', 'nothing'],
  // Quoting as go-yaml does: numbers, bools, timestamps double-quoted; other specials single.
  [
    'create',
    'configmap',
    'quoting',
    '--from-literal=star=*',
    '--from-literal=y=yes',
    '--from-literal=n=~',
    '--from-literal=colon=a: b',
    "--from-literal=q=it's",
    '--from-literal=e=',
    '--from-literal=hash=#x',
    '--from-literal=num=0x1F',
    '--from-literal=multi=a\nb\n',
    '--from-literal=t=2026-01-01',
    '--from-literal=f=1.5e3',
    '--from-literal=off=off',
    '--from-literal=tab=a\tb',
    '--from-literal=lead= x',
    '--from-literal=amp=<&>',
  ],
  [
    'create',
    'secret',
    'generic',
    's',
    '--from-literal=password=s3cr3t',
    '--from-literal=user=admin',
  ],
  [
    'create',
    'secret',
    'generic',
    's',
    `--from-file=${F('index.html')}`,
    '--type=Opaque',
    '-n',
    'team-a',
  ],
  ['create', 'secret', 'generic', 's', `--from-env-file=${F('settings.env')}`, '--append-hash'],
  [
    'create',
    'secret',
    'generic',
    'typed',
    '--from-literal=token=abc',
    '--type=kubernetes.io/service-account-token',
  ],
  [
    'create',
    'secret',
    'docker-registry',
    'reg',
    '--docker-username=u',
    '--docker-password=p',
    '--docker-email=a@b.c',
  ],
  [
    'create',
    'secret',
    'docker-registry',
    'reg',
    '--docker-server=ghcr.io',
    '--docker-username=me',
    '--docker-password=<&>',
  ],
  ['create', 'secret', 'docker-registry', 'reg', `--from-file=${F('dockercfg.json')}`],
];

/**
 * Flag-parsing and required-flag errors are left out: the installed kubectl (a gcloud
 * "dispatcher" build) prints cobra's own `Error: …` / klog lines for them, where upstream
 * kubectl (and the simulator) print `error: …` through cmdutil.CheckErr.
 */
const ERROR_FORMS: string[][] = [
  ['create', 'deployment', 'a', 'b', '--image=x'],
  ['create', 'service', 'clusterip'],
  ['create', 'service', 'clusterip', 'web'],
  ['create', 'service', 'nodeport', 'web', '--tcp=abc'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:70000'],
  ['create', 'service', 'clusterip', 'web', '--tcp=80:Bad_Name'],
  ['create', 'service', 'externalname', 'ext', '--external-name=Not_Valid'],
  ['create', 'rolebinding', 'rb'],
  ['create', 'rolebinding', 'rb', '--role=r', '--clusterrole=c'],
  ['create', 'rolebinding', 'rb', '--clusterrole=c', '--serviceaccount=sa'],
  ['create', 'configmap', 'cm', '--from-literal=a'],
  ['create', 'configmap', 'cm', '--from-literal==b'],
  ['create', 'configmap', 'cm', '--from-literal=a=1', '--from-literal=a=2'],
  ['create', 'configmap', 'cm', '--from-literal=bad key=1'],
  ['create', 'configmap', 'cm', `--from-file=${F('conf')}`, `--from-env-file=${F('settings.env')}`],
  ['create', 'configmap', 'cm', `--from-file=${F('missing.txt')}`],
  ['create', 'secret', 'generic', 's', '--from-literal=a=1', '--from-literal=a=2'],
  ['create', 'secret', 'docker-registry', 'reg', '--docker-username=u'],
  ['create', 'namespace', 'x', '-o', 'wide'],
  ['create', 'foo'],
  ['create', 'service', 'foo', '!'],
  ['create', 'secret', 'generic'],
  ['create', 'clusterrolebinding', 'crb', '--clusterrole=view', '--serviceaccount=bad'],
  ['create', 'configmap', 'cm', '--from-file=a=b=c'],
  ['create', 'configmap', 'cm', '--from-file==x'],
  ['create', 'configmap', 'cm', '--from-file=k='],
  ['create', 'configmap', 'cm', `--from-env-file=${F('conf')}`],
  ['create', 'configmap', 'cm', `--from-file=k=${F('conf')}`],
  ['create', 'secret', 'generic', 's', '--from-literal=..=x'],
  ['create', 'secret', 'generic', 's', `--from-env-file=${F('index.html')}`],
  ['create', 'deployment', 'web', '--image=nginx', '--image=busybox', '--', 'sleep', '1'],
  ['create', 'job', 'j'],
  ['create', 'cronjob', 'a', 'b', '--image=x', '--schedule=@daily'],
  ['create', 'namespace', 'x', '--dry-run=maybe', '!'],
  ['create', '!'],
  ['create', 'deployment', 'web', '--image=nginx', '--dry-run=maybe', '!'],
];

function real(argv: string[]): { stdout: string; stderr: string; code: number } {
  try {
    const stdout = execFileSync('kubectl', argv, {
      env: { ...process.env, KUBECONFIG: '/nonexistent' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { stdout, stderr: '', code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; status: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.status };
  }
}

function ours(argv: string[]) {
  return runKubectl(createCluster(), argv, { files: filesUnder(dir) });
}

/** Output flags go before `--`, where kubectl still reads them as flags. */
function withOutput(form: string[], output: string): string[] {
  const dash = form.indexOf('--');
  const flags = ['--dry-run=client', '-o', output];
  return dash < 0 ? [...form, ...flags] : [...form.slice(0, dash), ...flags, ...form.slice(dash)];
}

describe.skipIf(!hasKubectl)('create --dry-run=client prints what kubectl v1.32 prints', () => {
  for (const form of FORMS) {
    for (const output of ['yaml', 'json', 'name']) {
      const argv = withOutput(form, output);
      it(argv.join(' '), () => {
        const want = real(argv);
        expect(want.code, want.stderr).toBe(0);
        const got = ours(argv);
        expect(got.stderr).toBe('');
        expect(got.stdout).toBe(want.stdout);
        expect(got.exitCode).toBe(0);
      });
    }
  }
});

describe.skipIf(!hasKubectl)('create --dry-run=client -o jsonpath matches kubectl v1.32', () => {
  const templates: Array<[string[], string]> = [
    [['create', 'namespace', 'x'], '{.metadata.name}'],
    [
      ['create', 'deployment', 'web', '--image=nginx', '--port=80'],
      '{.spec.template.spec.containers[0].ports[0].containerPort}',
    ],
    [
      ['create', 'service', 'clusterip', 'web', '--tcp=80:8080,443'],
      '{range .spec.ports[*]}{.name} {.targetPort}{"\\n"}{end}',
    ],
    [['create', 'secret', 'generic', 's', '--from-literal=a=1'], '{.data.a}'],
  ];
  for (const [form, template] of templates) {
    const argv = [...form, '--dry-run=client', '-o', `jsonpath=${template}`];
    it(argv.join(' '), () => {
      const want = real(argv);
      expect(want.code, want.stderr).toBe(0);
      expect(ours(argv).stdout).toBe(want.stdout);
    });
  }
});

describe.skipIf(!hasKubectl)('create argument errors match kubectl v1.32', () => {
  for (const form of ERROR_FORMS) {
    // Rows ending in `!` run exactly as written (the group command takes no --dry-run).
    const argv =
      form[form.length - 1] === '!'
        ? form.slice(0, -1)
        : form.includes('-o')
          ? [...form, '--dry-run=client']
          : withOutput(form, 'yaml');
    it(argv.join(' '), () => {
      const want = real(argv);
      const got = ours(argv);
      expect(got.exitCode).toBe(want.code);
      expect(got.stdout).toBe(want.stdout);
      expect(got.stderr.trim()).toBe(want.stderr.trim());
    });
  }
});
