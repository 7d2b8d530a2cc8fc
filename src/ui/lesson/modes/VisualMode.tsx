/**
 * Visual mode: the request path, animated and steppable. The learner picks a pod and a URL (or
 * an API call); the engine's answer is told as steps along a track (pod → DNS → Service VIP →
 * endpoint → egress → ingress → port, or → API server → identity → RBAC) with a packet moving
 * between them. Every frame is also text: the narration is announced politely, and the whole
 * story is an ordered list below. The story is recomputed from the live cluster, so a policy
 * applied in the terminal shows on the next replay.
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import {
  apiRequestFor,
  IN_CLUSTER_API_URL,
  listObjects,
  serviceDnsName,
  SYSTEM_NAMESPACES,
  type ClusterState,
  type Pod,
  type Service,
} from '../../../engine/index.ts';
import {
  apiCallStory,
  requestStory,
  STOP_LABELS,
  type Story,
  type StoryStep,
  type TrackStop,
} from '../../../learn/index.ts';
import type { ModeProps } from './mode-props.ts';

/** How long each step stays on screen while playing; the packet's move takes ~700 ms of it. */
export const STEP_INTERVAL_MS = 1800;

const VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const RESOURCES = [
  'pods',
  'services',
  'endpoints',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'namespaces',
  'nodes',
  'deployments.apps',
  'networkpolicies.networking.k8s.io',
  'roles.rbac.authorization.k8s.io',
  'rolebindings.rbac.authorization.k8s.io',
];

const isSystem = (ns: string | undefined) => SYSTEM_NAMESPACES.includes(ns ?? '');

function byNamespace<T extends { metadata: { namespace?: string; name: string } }>(
  list: readonly T[],
): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const o of list) {
    const ns = o.metadata.namespace ?? '';
    groups.set(ns, [...(groups.get(ns) ?? []), o]);
  }
  // The learner's own rooms first, the system ones (the lobby) last.
  return [...groups.entries()].sort(
    ([a], [b]) => Number(isSystem(a)) - Number(isSystem(b)) || a.localeCompare(b),
  );
}

/** Every Service port in the three forms a pod may use: short, `svc.ns`, and the FQDN. */
function serviceUrls(cluster: ClusterState): string[] {
  const domain = cluster.settings.clusterDomain;
  const out: string[] = [];
  for (const [ns, svcs] of byNamespace(listObjects<Service>(cluster, 'Service')))
    for (const s of svcs)
      for (const p of s.spec?.ports ?? []) {
        if ((p.protocol ?? 'TCP') !== 'TCP') continue;
        const scheme = p.port === 443 ? 'https' : 'http';
        const name = s.metadata.name;
        out.push(
          `${scheme}://${name}:${p.port}`,
          `${scheme}://${name}.${ns}:${p.port}`,
          `${scheme}://${serviceDnsName(name, ns, domain)}:${p.port}`,
        );
      }
  return [...new Set(out)];
}

const STATUS_TEXT: Record<StoryStep['status'], string> = {
  ok: '✔ ok',
  miss: '– no answer, went on',
  fail: '✘ stopped here',
};

type StopState = 'pending' | 'ok' | 'miss' | 'fail' | 'unreached';

/** What a track stop shows once the player is at step `at`. */
function stopState(story: Story, stop: TrackStop, at: number): StopState {
  const seen = story.steps.slice(0, at + 1).filter((s) => s.at === stop);
  if (seen.some((s) => s.status === 'fail')) return 'fail';
  if (seen.some((s) => s.status === 'ok')) return 'ok';
  if (seen.length) return 'miss';
  // Stops the request never gets to say so only once the player has reached the stop.
  const reachedEnd = story.stoppedAt !== undefined && at >= story.stoppedAt;
  return reachedEnd ? 'unreached' : 'pending';
}

const STOP_ICON: Record<StopState, string> = {
  pending: '',
  ok: '✔',
  miss: '–',
  fail: '✘',
  unreached: '·',
};

interface Choice {
  key: string;
  at: number;
  playing: boolean;
}

export function VisualMode({ cluster, bridge }: ModeProps) {
  const pods = useMemo(() => listObjects<Pod>(cluster, 'Pod'), [cluster]);
  const groups = useMemo(() => byNamespace(pods), [pods]);
  const urls = useMemo(() => serviceUrls(cluster), [cluster]);
  const namespaces = useMemo(
    () => listObjects(cluster, 'Namespace').map((n) => n.metadata.name),
    [cluster],
  );
  // A client (a pod serving no port) makes the better default source; else the first pod.
  const userPods = groups.flatMap(([, list]) => list);
  const firstUserPod =
    userPods.find(
      (p) => !isSystem(p.metadata.namespace) && !p.spec?.containers?.some((c) => c.ports?.length),
    ) ?? userPods[0];
  const [chosenFrom, setFrom] = useState('');
  const [kind, setKind] = useState<'url' | 'api'>('url');
  const [url, setUrl] = useState('');
  const [verb, setVerb] = useState('list');
  const [resource, setResource] = useState('pods');
  // null: not chosen yet — default to another user namespace than the caller's.
  const [apiNs, setApiNs] = useState<string | null>(null);

  const exists = (ref: string) =>
    pods.some((p) => `${p.metadata.namespace}/${p.metadata.name}` === ref);
  const from =
    chosenFrom && exists(chosenFrom)
      ? chosenFrom
      : firstUserPod
        ? `${firstUserPod.metadata.namespace}/${firstUserPod.metadata.name}`
        : '';
  const target = url.trim() || urls[0] || '';
  const fromNs = from.slice(0, from.indexOf('/'));
  const namespace = apiNs ?? namespaces.find((n) => !isSystem(n) && n !== fromNs) ?? fromNs;

  const story = useMemo<Story | null>(() => {
    if (!from) return null;
    if (kind === 'api')
      return resource.trim()
        ? apiCallStory(cluster, from, apiRequestFor(verb, resource.trim(), namespace))
        : null;
    return target ? requestStory(cluster, from, target) : null;
  }, [cluster, from, kind, target, verb, resource, namespace]);

  // A new story (other inputs, or the cluster changed) starts again from its first step.
  const key = story ? JSON.stringify(story.steps.map((s) => [s.id, s.status, s.narration])) : '';
  const [choice, setChoice] = useState<Choice>({ key: '', at: 0, playing: false });
  const current = choice.key === key ? choice : { key, at: 0, playing: false };
  const last = story ? story.steps.length - 1 : 0;
  const at = Math.min(current.at, last);
  const playing = current.playing && at < last;
  const go = (i: number, play = false) =>
    setChoice({ key, at: Math.max(0, Math.min(i, last)), playing: play });

  useEffect(() => {
    if (!playing) return;
    const t = setTimeout(
      () => setChoice({ key, at: at + 1, playing: at + 1 < last }),
      STEP_INTERVAL_MS,
    );
    return () => clearTimeout(t);
  }, [playing, at, key, last]);

  const onPlayerKey = (e: KeyboardEvent) => {
    const tag = (e.target as HTMLElement).tagName;
    if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return;
    const to =
      e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to === null) return;
    e.preventDefault();
    go(to);
  };

  const step = story?.steps[at];
  const track = story?.track ?? [];
  const packetStop = step ? Math.max(0, track.indexOf(step.at)) : 0;
  // The counter counts the stops of the track, as lit: a stop may take several steps (DNS tries
  // each search-list name), told as parts of that stop, so "Step 3" is always the third stop.
  const here = story && step ? story.steps.filter((s) => s.at === step.at) : [];
  const part = step ? here.indexOf(step) + 1 : 0;
  const counter = story
    ? `Step ${packetStop + 1} of ${track.length}${here.length > 1 ? ` (part ${part} of ${here.length})` : ''}`
    : '';

  return (
    <div className="visual">
      <form className="visual__form" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          From pod
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {groups.map(([ns, list]) => (
              <optgroup key={ns} label={ns}>
                {list.map((p) => (
                  <option
                    key={p.metadata.name}
                    value={`${p.metadata.namespace}/${p.metadata.name}`}
                  >{`${p.metadata.namespace}/${p.metadata.name}`}</option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <fieldset className="visual__kind">
          <legend>Follow</legend>
          <label>
            <input
              type="radio"
              name="visual-kind"
              checked={kind === 'url'}
              onChange={() => setKind('url')}
            />{' '}
            a request to a URL
          </label>
          <label>
            <input
              type="radio"
              name="visual-kind"
              checked={kind === 'api'}
              onChange={() => setKind('api')}
            />{' '}
            an API call
          </label>
        </fieldset>
        {kind === 'url' ? (
          <label className="field visual__url">
            URL
            <input
              type="text"
              list="visual-urls"
              value={url}
              placeholder={urls[0] ?? 'http://name.namespace:port'}
              spellCheck={false}
              autoCapitalize="off"
              onChange={(e) => setUrl(e.target.value)}
            />
            <datalist id="visual-urls">
              {urls.map((u) => (
                <option key={u} value={u} />
              ))}
            </datalist>
          </label>
        ) : (
          <div className="visual__api">
            <label className="field">
              Verb
              <select value={verb} onChange={(e) => setVerb(e.target.value)}>
                {VERBS.map((v) => (
                  <option key={v}>{v}</option>
                ))}
              </select>
            </label>
            <label className="field">
              Resource
              <input
                type="text"
                list="visual-resources"
                value={resource}
                spellCheck={false}
                onChange={(e) => setResource(e.target.value)}
              />
              <datalist id="visual-resources">
                {RESOURCES.map((r) => (
                  <option key={r} value={r} />
                ))}
              </datalist>
            </label>
            <label className="field">
              Namespace
              <select value={namespace} onChange={(e) => setApiNs(e.target.value)}>
                <option value="">(cluster-wide)</option>
                {namespaces.map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
          </div>
        )}
      </form>

      {!story || !step ? (
        <p className="muted">Create a pod first: the path starts at a pod.</p>
      ) : (
        <>
          <div
            className="visual__player"
            role="group"
            aria-label="Request path player (left and right arrow keys step)"
            onKeyDown={onPlayerKey}
          >
            <div className="visual__controls">
              <button type="button" className="btn btn--small" onClick={() => go(0, true)}>
                <span aria-hidden="true">↺</span> Restart
              </button>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => go(at - 1)}
                disabled={at === 0}
                aria-label="Step back"
              >
                <span aria-hidden="true">◀</span> Back
              </button>
              <button
                type="button"
                className="btn btn--small btn--primary visual__play"
                onClick={() => (playing ? go(at) : go(at >= last ? 0 : at, true))}
              >
                <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
              </button>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => go(at + 1)}
                disabled={at >= last}
                aria-label="Step forward"
              >
                Forward <span aria-hidden="true">▶</span>
              </button>
              <span className="visual__count">{counter}</span>
            </div>
            <div
              className="visual__track"
              aria-hidden="true"
              style={{ ['--n' as string]: track.length }}
            >
              {track.map((stop, i) => {
                const st = stopState(story, stop, at);
                return (
                  <div
                    key={stop}
                    className={`visual__node visual__node--${st}${i === packetStop ? ' visual__node--current' : ''}`}
                  >
                    <span className="visual__dot">{STOP_ICON[st]}</span>
                    <span className="visual__label">{STOP_LABELS[stop]}</span>
                    {st === 'fail' && <span className="visual__stopped">stopped</span>}
                    {st === 'unreached' && <span className="visual__skip">not reached</span>}
                  </div>
                );
              })}
              <span
                className={`visual__packet${step.status === 'fail' ? ' visual__packet--stopped' : ''}`}
                style={{ left: `calc((${packetStop} + 0.5) / ${track.length} * 100%)` }}
              >
                ✉
              </span>
            </div>
          </div>
          <div className={`visual__narration visual__narration--${step.status}`} aria-live="polite">
            <p className="visual__now">
              <strong>
                {counter}: {step.title}
              </strong>{' '}
              <span className="visual__status">{STATUS_TEXT[step.status]}</span>
            </p>
            <p>{step.narration}</p>
            {step.object && (
              <p className="small muted">
                Decided by <code>{step.object}</code>
              </p>
            )}
            {at === last && (
              <p className="visual__result">
                {story.outcome.ok ? '✔' : '✘'} Result: <code>{story.outcome.message}</code>
              </p>
            )}
          </div>
          {bridge.showConnection && (
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                bridge.showConnection?.(
                  from,
                  story.kind === 'request' ? target : IN_CLUSTER_API_URL,
                )
              }
            >
              {story.kind === 'request'
                ? 'Show on the diagram'
                : 'Show the network path on the diagram'}
            </button>
          )}
          <section className="visual__all" aria-labelledby="visual-all-steps">
            <h3 id="visual-all-steps">
              All steps: {story.from} → {story.target}
            </h3>
            <ol className="visual__steps">
              {story.steps.map((s, i) => (
                <li
                  key={s.id}
                  className={`visual__step visual__step--${s.status}`}
                  aria-current={i === at ? 'step' : undefined}
                >
                  <strong className="visual__title">{s.title}</strong>{' '}
                  <span className="visual__status">{STATUS_TEXT[s.status]}</span>
                  <span className="visual__say">{s.narration}</span>
                  {s.object && <code className="visual__object">{s.object}</code>}
                </li>
              ))}
            </ol>
            <p className="visual__outcome">
              {story.outcome.ok ? '✔ Succeeds' : '✘ Fails'} (exit {story.outcome.exitCode}):{' '}
              <code>{story.outcome.message}</code>
            </p>
          </section>
        </>
      )}
    </div>
  );
}
