/**
 * "Show as list": the building as an accessible outline — rooms → objects → status — holding
 * everything the diagram shows (labels, locks, endpoints, connection tests, reachability).
 */
import { useMemo } from 'react';
import { testLabel } from '../diagram/elements.ts';
import { clusterFacts, podRef, podStatus, servicePorts, visibleLabels } from '../model/facts.ts';
import { reachFrom } from '../model/reach.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';

const labelText = (l: [string, string][]) =>
  l.length ? l.map(([k, v]) => `${k}=${v}`).join(', ') : 'none';

export function ListView() {
  const store = useLabStore();
  const cluster = useLab((s) => s.cluster);
  const rooms = useLab((s) => s.rooms);
  const tests = useLab((s) => s.tests);
  const selection = useLab((s) => s.selection);
  const reachMode = useLab((s) => s.reach);
  const facts = clusterFacts(cluster);
  const rt = useRuntime();
  const results = useMemo(
    () => (rt ? rt.runConnectionTests(cluster, tests) : []),
    [rt, cluster, tests],
  );
  const reach = useMemo(
    () =>
      rt && reachMode && selection?.kind === 'Pod'
        ? reachFrom(
            rt,
            cluster,
            `${selection.namespace}/${selection.name}`,
            reachMode.port,
            reachMode.protocol,
          )
        : undefined,
    [rt, cluster, reachMode, selection],
  );
  const order = [
    ...rooms.filter((r) => facts.namespaces.has(r)),
    ...[...facts.namespaces.keys()].filter((n) => !rooms.includes(n)),
  ];
  const users = order.filter((n) => !facts.namespaces.get(n)!.system);
  const system = order.filter((n) => facts.namespaces.get(n)!.system);
  const select = (kind: string, namespace: string | undefined, name: string) =>
    store.getState().select(namespace === undefined ? { kind, name } : { kind, namespace, name });
  const enforcing = facts.enforcing;

  const room = (name: string) => {
    const f = facts.namespaces.get(name)!;
    return (
      <li key={name} className="outline-room">
        <h3>
          <button
            type="button"
            className="linklike"
            onClick={() => select('Namespace', undefined, name)}
          >
            Namespace {name}
          </button>
          {f.system && <span className="muted"> (system, lobby)</span>}
        </h3>
        <p>
          Labels: {labelText(visibleLabels(f.labels))}. NetworkPolicies:{' '}
          {f.policies.length ? f.policies.map((p) => p.metadata.name).join(', ') : 'none'}
          {f.policies.length > 0 && !enforcing
            ? ' (stored, but the network plugin does not enforce them)'
            : ''}
          .
        </p>
        <ul>
          {f.services.map((s) => {
            const eps = facts.endpoints.get(podRef(s));
            const cell = reach?.cells.get(`Service/${podRef(s)}`);
            return (
              <li key={`svc-${s.metadata.name}`}>
                <button
                  type="button"
                  className="linklike"
                  onClick={() => select('Service', name, s.metadata.name)}
                >
                  Service {s.metadata.name}
                </button>{' '}
                — {s.metadata.name}.{name}.svc, {s.spec?.type ?? 'ClusterIP'} {s.spec?.clusterIP},
                ports {servicePorts(s) || 'none'}; endpoints:{' '}
                {eps?.ready.length ? eps.ready.join(', ') : 'none ready'}
                {eps?.notReady.length ? `; not ready: ${eps.notReady.join(', ')}` : ''}
                {cell?.out !== undefined &&
                  `; reachability: ${cell.out ? 'can be reached' : 'cannot be reached'} from the selected pod`}
              </li>
            );
          })}
          {f.pods.map((p) => {
            const st = podStatus(p);
            const iso = facts.isolation.get(podRef(p));
            const cell = reach?.cells.get(`Pod/${podRef(p)}`);
            const isSource = reach?.source === podRef(p);
            return (
              <li key={`pod-${p.metadata.name}`}>
                <button
                  type="button"
                  className="linklike"
                  onClick={() => select('Pod', name, p.metadata.name)}
                >
                  Pod {p.metadata.name}
                </button>{' '}
                — {p.status?.podIP ?? 'no IP'}, {st.text}, ServiceAccount{' '}
                {p.spec?.serviceAccountName ?? 'default'}; labels{' '}
                {labelText(visibleLabels(p.metadata.labels))}; ingress{' '}
                {iso?.ingress.length ? `isolated by ${iso.ingress.join(', ')}` : 'not isolated'};
                egress{' '}
                {iso?.egress.length ? `isolated by ${iso.egress.join(', ')}` : 'not isolated'}
                {(iso?.ingress.length || iso?.egress.length) && !enforcing ? ' (not enforced)' : ''}
                {isSource && `; reachability source (port ${reach!.port}/${reach!.protocol})`}
                {cell &&
                  `; reachability: selected pod ${cell.out === undefined ? '?' : cell.out ? 'can reach it' : 'cannot reach it'}, it ${cell.in === undefined ? '?' : cell.in ? 'can reach the selected pod' : 'cannot reach the selected pod'}`}
              </li>
            );
          })}
          {f.serviceAccounts.map((s) => (
            <li key={`sa-${s.metadata.name}`}>
              <button
                type="button"
                className="linklike"
                onClick={() => select('ServiceAccount', name, s.metadata.name)}
              >
                ServiceAccount {s.metadata.name}
              </button>
            </li>
          ))}
          {f.pods.length + f.services.length + f.serviceAccounts.length === 0 && (
            <li className="muted">Empty room</li>
          )}
        </ul>
      </li>
    );
  };

  return (
    <section className="outline" aria-label="Cluster outline">
      <h2 className="sr-only">Cluster outline</h2>
      <p className="outline__plugin">
        Network plugin:{' '}
        {enforcing
          ? 'enforcing NetworkPolicy (as Calico or Cilium)'
          : 'not enforcing NetworkPolicy (as Flannel)'}
        .
      </p>
      <h3 className="outline__section">Connection tests</h3>
      {results.length === 0 ? (
        <p className="muted">
          None yet. Run <code>kubectl exec POD -- curl URL</code> or use “Test a connection”.
        </p>
      ) : (
        <ul>
          {results.map((r) => {
            const l = testLabel(r);
            return (
              <li key={r.spec.id}>
                {r.spec.from} → {r.spec.url}: {l.ok ? 'allowed' : 'blocked'} — {l.text}
                {r.result && (
                  <ol>
                    {r.result.hops.map((h, i) => (
                      <li key={i}>
                        {h.ok ? 'passed' : 'stopped'}: {h.summary}
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="outline__section">Rooms</h3>
      <ul className="outline__rooms">{users.map(room)}</ul>
      <h3 className="outline__section">Lobby (system namespaces)</h3>
      <ul className="outline__rooms">{system.map(room)}</ul>
    </section>
  );
}
