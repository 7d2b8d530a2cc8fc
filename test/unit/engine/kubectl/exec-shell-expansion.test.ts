/**
 * `sh -c SCRIPT` inside a container expands `$VAR` and `${VAR}` from the container's
 * environment — the same list `env` prints (explicit values, HOSTNAME, Service links) — with
 * POSIX sh's quoting: none inside single quotes, as is inside double quotes, field splitting
 * when unquoted, unset names empty (POSIX.1-2017 XCU 2.6.2 Parameter Expansion, 2.6.5 Field
 * Splitting).
 */
import { describe, expect, it } from 'vitest';
import { splitWords } from '../../../../src/engine/kubectl/index.ts';
import { Driver } from '../cluster/driver.ts';
import { ns, svc } from '../dns/fixture.ts';

const d = new Driver().apply(
  ns('shop', 'data') +
    `apiVersion: v1
kind: Pod
metadata: { name: client, namespace: shop }
spec:
  containers:
    - name: app
      image: curlimages/curl
      env:
        - { name: DB_HOST, value: db.data }
        - { name: DB_PORT, value: "5432" }
        - { name: TWO_WORDS, value: "-s db.data:5432" }
status: { phase: Running, podIP: 10.244.20.10 }
---
apiVersion: v1
kind: Pod
metadata: { name: db-0, namespace: data, labels: { app: db } }
spec:
  containers:
    - name: postgres
      image: postgres
      ports: [{ containerPort: 5432 }]
status: { phase: Running, podIP: 10.244.20.20 }
---
` +
    svc({
      ns: 'data',
      name: 'db',
      ip: '10.96.20.20',
      selector: { app: 'db' },
      ports: [{ port: 5432 }],
    }),
);
const run = (script: string) => d.run(`exec -n shop client -- sh -c ${script}`);

describe('sh -c expands variables from the container environment', () => {
  it.each([
    // [script as typed on the terminal line, what curl/echo receives]
    [`'echo $DB_HOST'`, 'db.data'],
    [`'echo \${DB_HOST}:\${DB_PORT}'`, 'db.data:5432'],
    [`'echo "$DB_HOST"'`, 'db.data'],
    [`'echo http://$DB_HOST:$DB_PORT/x'`, 'http://db.data:5432/x'],
    [`'echo "'"'"'$DB_HOST'"'"'"'`, "'db.data'"],
    [`"echo '\\$DB_HOST'"`, '$DB_HOST'],
    [`'echo [$NOT_SET]'`, '[]'],
    [`'echo $'`, '$'],
    [`'echo $1x'`, '$1x'],
  ])('sh -c %s prints %s', (script, expected) => {
    expect(run(script)).toMatchObject({ stdout: `${expected}\n`, exitCode: 0 });
  });

  it('reaches the database by the name in $DB_HOST, as the app’s own config says', () => {
    const r = run(`'curl -sS -m 2 http://$DB_HOST:$DB_PORT'`);
    expect(r.exitCode).toBe(0);
    expect(r.requests?.[0]).toMatchObject({ kind: 'connect', url: 'http://db.data:5432' });
    // Without the expansion curl would be handed the literal text and reject the host.
    expect(run(`'curl -sS -m 2 http://DB_HOST:5432'`).exitCode).not.toBe(0);
  });

  it('reads the Service links and HOSTNAME that env prints', () => {
    const env = d.run('exec -n shop client -- env').stdout;
    expect(env).toContain('HOSTNAME=client\n');
    expect(run(`'echo $HOSTNAME'`).stdout).toBe('client\n');
  });

  it('splits an unquoted value into words, keeps a quoted one whole, drops an empty unquoted one', () => {
    const lookup = (n: string) => ({ A: 'x  y', E: '' })[n];
    expect(splitWords('echo $A', lookup)).toEqual({ ok: true, words: ['echo', 'x', 'y'] });
    expect(splitWords('echo "$A"', lookup)).toEqual({ ok: true, words: ['echo', 'x  y'] });
    expect(splitWords('echo $E end', lookup)).toEqual({ ok: true, words: ['echo', 'end'] });
    expect(splitWords('echo "$E" end', lookup)).toEqual({ ok: true, words: ['echo', '', 'end'] });
    expect(splitWords("echo '$A'", lookup)).toEqual({ ok: true, words: ['echo', '$A'] });
    expect(splitWords('a$A-b', lookup)).toEqual({ ok: true, words: ['ax', 'y-b'] });
    // Without a lookup (the terminal's own line), `$` stays as typed.
    expect(splitWords('echo $A')).toEqual({ ok: true, words: ['echo', '$A'] });
  });

  it('passes the split words of an unquoted variable to the program', () => {
    const r = run(`'curl $TWO_WORDS'`);
    expect(r.exitCode).toBe(0);
    expect(r.requests?.[0]).toMatchObject({ kind: 'connect', url: 'db.data:5432' });
  });
});
