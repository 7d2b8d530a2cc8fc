/**
 * Try mode: the free sandbox. No goals and no grading — the learner picks a starting cluster
 * (empty, the worked example building, or any lesson's) and experiments with the terminal, the
 * YAML editor and the diagram. Suggested experiments run as if typed, so their output and their
 * effect on the building are the simulator's own.
 */
import { useState } from 'react';
import { createCluster, listObjects } from '../../../engine/index.ts';
import { buildStartCluster, type Lesson } from '../../../learn/index.ts';
import type { ModeProps } from './mode-props.ts';

/** Experiments that teach something on the worked example building (namespaces shop, data, guest…). */
const EXPERIMENTS: readonly { command: string; what: string }[] = [
  { command: 'kubectl get pods -A --show-labels', what: 'Every room and who lives in it.' },
  {
    command: 'kubectl api-resources --namespaced=false',
    what: 'What belongs to the whole building rather than to a room.',
  },
  {
    command: 'kubectl exec -n shop client -- cat /etc/resolv.conf',
    what: 'The search list a pod in shop resolves names with.',
  },
  {
    command: 'kubectl resolve --from shop/client db',
    what: 'A short name searched only in shop’s own suffixes first.',
  },
  {
    command: 'kubectl resolve --from shop/client db.data',
    what: 'The namespace added: found through the second search entry.',
  },
  {
    command: 'kubectl exec -n guest intruder -- curl -sS -m 3 http://db.data:5432',
    what: 'With no NetworkPolicy, a pod from any room gets in.',
  },
  { command: 'kubectl probe --port 5432', what: 'The whole truth table for one port.' },
  {
    command: 'kubectl auth can-i list pods -n data --as=system:serviceaccount:shop:reporter',
    what: 'Reachability is not permission: ask RBAC.',
  },
  { command: 'kubectl who-can list pods -n data', what: 'Every subject RBAC lets do it.' },
];

export function TryMode({ lessons, bridge, cluster }: ModeProps) {
  const [message, setMessage] = useState('');
  const withCluster = lessons.filter(
    (l) =>
      l.status === 'ready' && (l.cluster.manifests.trim() !== '' || l.cluster.setup.length > 0),
  );
  const example = withCluster.find((l) => l.kind === 'overview');
  const [chosen, setChosen] = useState(example?.id ?? withCluster[0]?.id ?? '');

  const loadLesson = (lesson: Lesson | undefined) => {
    if (!lesson) return;
    const built = buildStartCluster(lesson);
    if (!built.ok) {
      setMessage(`Could not build that cluster: ${built.error}`);
      return;
    }
    bridge.restore(
      built.state,
      `Sandbox: ${lesson.title}`,
      `Sandbox loaded from “${lesson.title}” (Undo brings the previous cluster back).`,
    );
    setMessage(`Loaded “${lesson.title}”. Nothing here is graded: change anything.`);
  };

  const pods = listObjects(cluster, 'Pod').length;
  return (
    <div className="try">
      <section aria-labelledby="try-start">
        <h3 id="try-start">Start from</h3>
        <div className="try__starts">
          {example && (
            <button type="button" className="btn btn--small" onClick={() => loadLesson(example)}>
              The example building
            </button>
          )}
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              bridge.restore(
                createCluster({ settings: cluster.settings }),
                'Sandbox: empty cluster',
                'Sandbox: a fresh cluster (Undo brings the previous one back).',
              );
              setMessage('A fresh cluster: only the system rooms are there.');
            }}
          >
            An empty cluster
          </button>
        </div>
        <div className="try__lesson">
          <label htmlFor="try-lesson">Or a lesson’s starting cluster</label>
          <select id="try-lesson" value={chosen} onChange={(e) => setChosen(e.target.value)}>
            {withCluster.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => loadLesson(withCluster.find((l) => l.id === chosen))}
          >
            Load
          </button>
        </div>
        <p className="muted">
          Or keep what you have ({pods} pods now). Every change can be undone (Ctrl+Z), and the
          toolbar imports and exports YAML.
        </p>
        <p role="status" className="try__status">
          {message}
        </p>
      </section>
      <section aria-labelledby="try-ideas">
        <h3 id="try-ideas">Things to try</h3>
        <p className="muted">Each runs in the terminal as if you had typed it; edit and rerun.</p>
        <ul className="try__ideas">
          {EXPERIMENTS.map((x) => (
            <li key={x.command}>
              <code>{x.command}</code>
              <div className="try__what">
                {x.what}{' '}
                <button
                  type="button"
                  className="btn btn--small"
                  aria-label={`Run ${x.command}`}
                  onClick={() => bridge.run(x.command)}
                >
                  Run
                </button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
