/**
 * The YAML editor (CodeMirror 6, loaded on demand): edit a new manifest or the selected object;
 * the engine's validation errors show as line markers before anything is applied; Apply runs
 * `kubectl apply -f -` through the store.
 */
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { useEffect, useRef, useState } from 'react';
import type { ClusterState } from '../../engine/model.ts';
import type { Runtime } from '../../store/index.ts';
import { CheckIcon, CrossIcon } from '../icons.tsx';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { checkManifest, type ManifestProblem } from './diagnostics.ts';

const TEMPLATE = `# A new manifest. Apply sends it to the cluster (kubectl apply -f -).
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-from-team-a
  namespace: default
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes: [Ingress]
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: team-a
      ports:
        - port: 80
`;

/** The draft survives switching tabs (the component unmounts). */
let draft = TEMPLATE;
let draftSeed = 0;

function toDiagnostics(view: EditorView, problems: ManifestProblem[]): Diagnostic[] {
  const doc = view.state.doc;
  return problems
    .filter((p) => p.severity === 'error')
    .map((p) => {
      const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
      return { from: line.from, to: line.to, severity: 'error', message: p.message };
    });
}

export default function Editor({ seed }: { seed: number }) {
  const store = useLabStore();
  const rt = useRuntime();
  const selection = useLab((s) => s.selection);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const [problems, setProblems] = useState<ManifestProblem[]>([]);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  // The linter reads the newest cluster and runtime through refs (it is created once).
  const latest = useRef<{ rt: Runtime | undefined; cluster: ClusterState }>({
    rt,
    cluster: store.getState().cluster,
  });
  useEffect(() => {
    latest.current = { rt, cluster: store.getState().cluster };
  });

  useEffect(() => {
    if (!host.current) return;
    const v = new EditorView({
      parent: host.current,
      doc: draft,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        linter(
          (ed) => {
            const { rt: r, cluster } = latest.current;
            if (!r) return [];
            const found = checkManifest(r, cluster, ed.state.doc.toString());
            setProblems(found);
            return toDiagnostics(ed, found);
          },
          { delay: 300 },
        ),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) draft = u.state.doc.toString();
        }),
        // tabindex 0 (the content is focusable anyway): axe then sees the scroller's content reachable.
        EditorView.contentAttributes.of({ 'aria-label': 'YAML manifest', tabindex: '0' }),
        EditorView.theme({
          '&': { height: '100%', fontSize: '14px' },
          '.cm-scroller': { fontFamily: 'var(--mono)' },
        }),
      ],
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, []);

  // "Edit YAML" on a selected object loads it into the editor (each click bumps `seed`).
  useEffect(() => {
    const r = rt;
    const v = view.current;
    if (!r || !v || seed === draftSeed || !selection) return;
    draftSeed = seed;
    const obj = store
      .getState()
      .cluster.objects.get(selection.kind)
      ?.get(selection.namespace ? `${selection.namespace}/${selection.name}` : selection.name);
    if (!obj) return;
    const text = r.toYaml(r.cleanForExport(obj));
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [seed, rt, selection, store]);

  const apply = () => {
    const text = view.current?.state.doc.toString() ?? '';
    const r = store.getState().applyManifest(text);
    if (!r) return;
    setResult({ ok: r.exitCode === 0, text: (r.stdout + r.stderr).trim() });
  };
  const errors = problems.filter((p) => p.severity === 'error');

  return (
    <div className="editor">
      <div className="editor__bar">
        <button type="button" className="btn btn--primary" onClick={apply} disabled={!rt}>
          Apply
        </button>
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            view.current?.dispatch({
              changes: { from: 0, to: view.current.state.doc.length, insert: TEMPLATE },
            })
          }
        >
          New manifest
        </button>
        <span className={`editor__status ${errors.length ? 'is-failed' : 'is-ok'}`} role="status">
          {errors.length ? (
            <>
              <CrossIcon size={14} /> {errors.length} {errors.length === 1 ? 'problem' : 'problems'}
            </>
          ) : problems.length ? (
            <>
              <CheckIcon size={14} /> valid
            </>
          ) : null}
        </span>
      </div>
      <div className="editor__cm" ref={host} />
      {problems.length > 0 && (
        <ul className="editor__problems" aria-label="Validation" tabIndex={0}>
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'is-failed' : 'is-ok'}>
              <span className="editor__line">line {p.line}</span> {p.message}
            </li>
          ))}
        </ul>
      )}
      {result && (
        <pre className={`editor__result ${result.ok ? 'is-ok' : 'is-failed'}`}>{result.text}</pre>
      )}
    </div>
  );
}
