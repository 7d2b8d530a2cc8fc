/**
 * `kubectl get -o jsonpath=…` and `-o custom-columns=…` (k8s.io/client-go/util/jsonpath,
 * kubectl's custom-columns printer). Every row was run through the real kubectl v1.32.4
 * against the same objects served over the API, with the same output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { clusterFromFiles } from '../../../../src/cli/nslab.ts';
import type { ClusterState } from '../../../../src/engine/cluster/index.ts';
import { runKubectl } from '../../../../src/engine/kubectl/index.ts';
import { executeJsonPath } from '../../../../src/engine/kubectl/printers/jsonpath.ts';

let state: ClusterState;
beforeAll(() => {
  const c = clusterFromFiles(['test/fixtures/kubectl/describe-cluster.yaml']);
  if ('error' in c) throw new Error(c.error);
  state = c.state;
});

const get = (...argv: string[]) => runKubectl(state, ['get', ...argv]);

describe('-o jsonpath', () => {
  it.each([
    [
      [
        'pod',
        'api',
        '-n',
        'shop',
        '-o',
        'jsonpath={.status.podIP} {.spec.containers[*].name}{"\\n"}',
      ],
      '10.244.1.10 app\n',
    ],
    [
      ['pods', '-n', 'shop', '-l', 'app=api', '-o', 'jsonpath={.items[*].metadata.name}'],
      'api api-canary',
    ],
    [
      [
        'pods',
        '-n',
        'shop',
        '-l',
        'app=api',
        '-o',
        'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}',
      ],
      'api\t10.244.1.10\napi-canary\t10.244.1.11\n',
    ],
    [
      [
        'pods',
        '-n',
        'shop',
        '-o',
        'jsonpath={.items[?(@.metadata.labels.track=="canary")].metadata.name}',
      ],
      'api-canary',
    ],
    [
      ['pods', '-n', 'shop', '-l', 'app=api', '-o', 'jsonpath={.items[-1:].metadata.name}'],
      'api-canary',
    ],
    [['pods', '-n', 'shop', '-o', 'jsonpath={.items[0,1].metadata.name}'], 'api api-canary'],
    [
      ['svc', 'api', '-n', 'shop', '-o', 'jsonpath={.spec.ports[0]}'],
      '{"name":"http","port":80,"protocol":"TCP","targetPort":"http"}',
    ],
    [['pod', 'api', '-n', 'shop', '-o', 'jsonpath={..containerPort}'], '8080 9090'],
    [
      ['pod', 'api', '-n', 'shop', '-o', 'jsonpath={.metadata.labels}'],
      '{"app":"api","tier":"backend"}',
    ],
    [
      [
        'pod',
        'api',
        '-n',
        'shop',
        '-o',
        'jsonpath={.spec.containers[0].ports[?(@.containerPort>8500)].name}',
      ],
      'metrics',
    ],
    [
      [
        'pod',
        'api',
        '-n',
        'shop',
        '-o',
        "jsonpath={.spec.containers[0].env[?(@.name=='MODE')].value}",
      ],
      'prod',
    ],
    [
      [
        'pod',
        'api',
        '-n',
        'shop',
        '-o',
        'jsonpath={.spec.priority} {.spec.enableServiceLinks} {.status.nope}',
      ],
      '0 true ',
    ],
    [['cm', 'api-config', '-n', 'shop', '-o', 'jsonpath={.data.api\\.yaml}'], 'listen: :8080\n'],
    [['pod', 'api', '-n', 'shop', '-o', 'jsonpath=name: {.metadata.name}'], 'name: api'],
    // A quoted key is still a dotted path: the dot needs escaping (client-go jsonpath).
    [['cm', 'api-config', '-n', 'shop', '-o', "jsonpath={.data['api\\.yaml']}"], 'listen: :8080\n'],
    [['cm', 'api-config', '-n', 'shop', '-o', "jsonpath={.data['api.yaml']}"], ''],
    [['cm', 'api-config', '-n', 'shop', '-o', "jsonpath={['metadata']['name']}"], 'api-config'],
  ])('%j', (argv, out) => {
    const r = get(...argv);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(out);
  });

  it.each([
    [
      '{.items[0].metadata.name,.items[1].metadata.name}',
      "error: error parsing jsonpath {.items[0].metadata.name,.items[1].metadata.name}, unrecognized character in action: U+002C ','\n",
    ],
    ['{.a[}', 'error: error parsing jsonpath {.a[}, unterminated array\n'],
    ['{.data["x"]}', 'error: error parsing jsonpath {.data["x"]}, invalid array index "x"\n'],
  ])('rejects %s as kubectl does', (template, err) => {
    const r = get('pods', '-n', 'shop', '-o', `jsonpath=${template}`);
    expect(r.stderr).toBe(err);
    expect(r.exitCode).toBe(1);
  });

  it('fails on an index out of range (jsonpath evalArray)', () => {
    const r = get('pods', '-n', 'shop', '-o', 'jsonpath={.items[5].metadata.name}');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('array index out of bounds: index 5, length 4');
  });

  it('evaluates recursive descent and wildcards on plain data', () => {
    const data = { a: { b: [{ n: 1 }, { n: 2 }], c: { n: 3 } } };
    expect(executeJsonPath('{..n}', data)).toEqual({ ok: true, text: '1 2 3' });
    expect(executeJsonPath('{.a.*}', data)).toEqual({
      ok: true,
      text: '[{"n":1},{"n":2}] {"n":3}',
    });
  });
});

describe('-o custom-columns', () => {
  it('prints one column per spec, joins several values with commas, <none> when missing, Go %v for maps', () => {
    const r = get(
      'pods',
      '-n',
      'shop',
      '-l',
      'app=api',
      '-o',
      'custom-columns=NAME:.metadata.name,PORTS:.spec.containers[*].ports[*].containerPort,NODE:.spec.nope,L:.metadata.labels',
    );
    expect(r.stdout).toBe(
      'NAME         PORTS       NODE     L\n' +
        'api          8080,9090   <none>   map[app:api tier:backend]\n' +
        'api-canary   8080        <none>   map[app:api track:canary]\n',
    );
  });

  it('honours --no-headers', () => {
    const r = get(
      'pods',
      '-n',
      'shop',
      '-l',
      'track=canary',
      '--no-headers',
      '-o',
      'custom-columns=N:metadata.name',
    );
    expect(r.stdout).toBe('api-canary\n');
  });
});
