import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster/index.ts';
import { runCommandLine, type ShellAliases } from '../../../../src/engine/kubectl/index.ts';

const state = createCluster();

/** Runs lines in order as one terminal session, carrying the aliases the way the store does. */
function session(lines: string[]) {
  let aliases: ShellAliases | undefined;
  return lines.map((line) => {
    const r = runCommandLine(state, line, aliases ? { aliases } : {});
    if (r.aliases) aliases = r.aliases;
    return r;
  });
}

describe('the terminal shell’s aliases (bash builtins alias/unalias)', () => {
  it('runs `k` as kubectl out of the box, as the exam environment’s ~/.bashrc does', () => {
    for (const [short, long] of [
      ['k get pods -A', 'kubectl get pods -A'],
      ['k get ns', 'kubectl get namespaces'],
      ['k -n kube-system get svc', 'kubectl get svc -n kube-system'],
      ['k frobnicate', 'kubectl frobnicate'],
    ] as const) {
      const a = runCommandLine(state, short);
      const b = runCommandLine(state, long);
      expect({ out: a.stdout, err: a.stderr, exit: a.exitCode }).toEqual({
        out: b.stdout,
        err: b.stderr,
        exit: b.exitCode,
      });
    }
    expect(runCommandLine(state, 'k get pods -n kube-system').stdout).toMatch(/^NAME\s+READY/);
  });

  it('feeds a heredoc to an aliased kubectl', () => {
    const r = runCommandLine(
      state,
      'k apply -f - <<EOF\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-x\nEOF',
    );
    expect(r.stdout).toBe('namespace/team-x created\n');
  });

  it('lists the aliases as bash prints them', () => {
    const [list, one, missing] = session(['alias', 'alias k', 'alias nope']);
    expect(list!.stdout).toBe("alias k='kubectl'\n");
    expect(one!.stdout).toBe("alias k='kubectl'\n");
    expect(missing).toMatchObject({ stderr: 'bash: alias: nope: not found\n', exitCode: 1 });
  });

  it('defines an alias for the session, which later lines use', () => {
    const [def, used, list] = session([
      "alias kgp='kubectl get pods'",
      'kgp -n kube-system',
      'alias',
    ]);
    expect(def).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(used!.stdout).toBe(runCommandLine(state, 'kubectl get pods -n kube-system').stdout);
    expect(list!.stdout).toBe("alias k='kubectl'\nalias kgp='kubectl get pods'\n");
  });

  it('expands an alias whose text starts with another alias, but never the same one twice', () => {
    const [, chained, , selfRef] = session([
      "alias kks='k -n kube-system'",
      'kks get svc',
      "alias kubectl='kubectl -n kube-system'",
      'kubectl get svc',
    ]);
    const expected = runCommandLine(state, 'kubectl get svc -n kube-system').stdout;
    expect(chained!.stdout).toBe(expected);
    expect(selfRef!.stdout).toBe(expected);
  });

  it('quotes a single quote in a listed value as bash does', () => {
    const [, list] = session([`alias say="echo it's"`, 'alias say']);
    expect(list!.stdout).toBe(`alias say='echo it'\\''s'\n`);
  });

  it('removes aliases with unalias, with bash’s errors', () => {
    const [removed, after, again, usage] = session([
      'unalias k',
      'k get pods',
      'unalias k',
      'unalias',
    ]);
    expect(removed).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(after!.stderr).toContain('unknown command "k"');
    expect(again).toMatchObject({ stderr: 'bash: unalias: k: not found\n', exitCode: 1 });
    expect(usage!.exitCode).toBe(2);
  });

  it('refuses an invalid alias name', () => {
    const [r] = session(["alias 'a b=kubectl'"]);
    expect(r).toMatchObject({ stderr: "bash: alias: `a b': invalid alias name\n", exitCode: 1 });
  });
});
