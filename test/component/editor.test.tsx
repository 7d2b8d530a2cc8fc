// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIO } from './setup.ts';
import { getObject } from '../../src/engine/index.ts';
import { createLabStore, loadRuntime, type Runtime } from '../../src/store/index.ts';
import Editor from '../../src/ui/editor/Editor.tsx';
import { checkManifest } from '../../src/ui/editor/diagnostics.ts';
import { LabProvider } from '../../src/ui/shell/store-context.tsx';

let rt: Runtime;
beforeAll(async () => {
  rt = await loadRuntime();
});

describe('editor diagnostics (dry run, nothing stored)', () => {
  const state = () => {
    const s = createLabStore({ storage: null });
    s.getState().applyManifest(SCENARIO);
    return s.getState().cluster;
  };

  it('marks the line where an invalid object starts, with the API server message', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok, namespace: team-a}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\n  namespace: team-a\nspec: {containers: [{name: c, image: x}]}\n`;
    const st = state();
    const problems = checkManifest(rt, st, text);
    expect(problems.map((p) => [p.severity, p.line])).toEqual([
      ['info', 1],
      ['error', 5],
    ]);
    expect(problems[1]!.message).toMatch(
      /The Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name"/,
    );
    expect(getObject(st, 'ConfigMap', 'team-a', 'ok')).toBeUndefined();
  });

  it('reports a YAML syntax error at its line', () => {
    const problems = checkManifest(
      rt,
      state(),
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n',
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]!.severity).toBe('error');
    expect(problems[0]!.message).toMatch(/error converting YAML to JSON/);
  });

  it('reports a missing namespace as the API server does', () => {
    const problems = checkManifest(
      rt,
      state(),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x, namespace: nowhere}\n',
    );
    expect(problems[0]!.message).toMatch(/namespaces "nowhere" not found/);
  });
});

describe('the YAML editor', () => {
  it('applies the manifest in the editor through the interpreter', async () => {
    const store = createLabStore({ storage: null });
    render(
      <LabProvider store={store}>
        <Editor seed={0} />
      </LabProvider>,
    );
    expect(await screen.findByRole('textbox', { name: 'YAML manifest' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply' }));
    expect(
      getObject(store.getState().cluster, 'NetworkPolicy', 'default', 'allow-from-team-a'),
    ).toBeDefined();
    expect(store.getState().entries.at(-1)!.label).toBe('kubectl apply -f - (editor)');
    expect(document.querySelector('.editor__result')!.textContent).toContain(
      'networkpolicy.networking.k8s.io/allow-from-team-a created',
    );
  });
});
