/** The inspector: the selected object's details and its why, plus the focused connection test. */
import { useMemo, useState, type FormEvent } from 'react';
import {
  getObject,
  kindInfo,
  podServiceAccount,
  policyTypesOf,
  serviceDnsName,
  type NetworkPolicy,
  type Pod,
  type Service,
  type Stored,
} from '../../engine/model.ts';
import type { ConnectionTestResult } from '../../store/index.ts';
import { testLabel } from '../diagram/elements.ts';
import { CheckIcon, CrossIcon } from '../icons.tsx';
import { clusterFacts, podRef, podStatus, servicePorts } from '../model/facts.ts';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { testRows } from './test-rows.ts';
import { accountPermissions, endpointReasons, policiesOnPod, policyLines } from './why.ts';

function Labels({ labels }: { labels: Record<string, string> | undefined }) {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <ul className="chips chips--wrap">
      {entries.map(([k, v]) => (
        <li key={k} className="chip">
          {k}={v}
        </li>
      ))}
    </ul>
  );
}

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([k, v]) => (
        <div key={k} className="facts__row">
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function TestExplanation({ result }: { result: ConnectionTestResult }) {
  const l = testLabel(result);
  return (
    <div className={`test-explain ${l.ok ? 'is-allowed' : 'is-blocked'}`}>
      <p className="test-explain__verdict">
        {l.ok ? <CheckIcon /> : <CrossIcon />}
        <strong>{l.ok ? 'Allowed' : 'Blocked'}</strong>
        <span className="mono">
          {result.spec.from} → {result.spec.url}
        </span>
      </p>
      {result.result ? (
        <ol className="hops">
          {testRows(result).map((h, i) => (
            <li
              key={i}
              className={`hop ${h.ok ? 'is-ok' : 'is-failed'}${h.deciding ? ' is-deciding' : ''}`}
              {...(h.deciding ? { 'aria-current': 'step' as const } : {})}
            >
              <span className="hop__icon">
                {h.ok ? <CheckIcon size={13} /> : <CrossIcon size={13} />}
              </span>
              <span className="hop__kind">{h.kind}</span>
              <span className="hop__text">
                {h.summary}
                {h.object && (
                  <span className="hop__object">
                    {' '}
                    ({h.deciding ? 'decided by ' : ''}
                    {h.object})
                  </span>
                )}
                {h.detail.length > 0 && (
                  <details className="hop__more">
                    <summary>details</summary>
                    <ul className="hop__detail">
                      {h.detail.map((d, j) => (
                        <li key={j}>{d}</li>
                      ))}
                    </ul>
                  </details>
                )}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted">The source pod no longer exists.</p>
      )}
      <p className="muted small">curl exit code {result.result?.exitCode ?? '—'}</p>
    </div>
  );
}

function TestForm({ from }: { from: string }) {
  const store = useLabStore();
  const [url, setUrl] = useState('http://');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim() && url.trim() !== 'http://') store.getState().addTest(from, url.trim());
  };
  return (
    <form className="test-form" onSubmit={submit}>
      <label>
        <span>Test a connection from {from}</span>
        <input
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="http://web.team-b:80"
          aria-label={`URL to request from ${from}`}
        />
      </label>
      <button type="submit" className="btn btn--primary">
        Run test
      </button>
    </form>
  );
}

function PodDetails({ pod }: { pod: Stored<Pod> }) {
  const cluster = useLab((s) => s.cluster);
  const rt = useRuntime();
  const ref = podRef(pod);
  const facts = clusterFacts(cluster);
  const policies = useMemo(
    () => (rt ? policiesOnPod(rt, cluster, pod) : undefined),
    [rt, cluster, pod],
  );
  const st = podStatus(pod);
  const owner = pod.metadata.ownerReferences?.[0];
  const services = [...(facts.namespaces.get(pod.metadata.namespace ?? '')?.services ?? [])].filter(
    (s) => facts.endpoints.get(podRef(s))?.ready.includes(ref),
  );
  return (
    <>
      <Facts
        rows={[
          ['Status', st.text],
          ['Pod IP', <span className="mono">{pod.status?.podIP ?? 'none'}</span>],
          ['ServiceAccount', podServiceAccount(pod)],
          ['Owner', owner ? `${owner.kind}/${owner.name}` : 'none (a bare pod)'],
          [
            'Ports',
            (pod.spec?.containers ?? [])
              .flatMap((c) =>
                (c.ports ?? []).map(
                  (p) => `${p.containerPort}/${p.protocol ?? 'TCP'}${p.name ? ` (${p.name})` : ''}`,
                ),
              )
              .join(', ') || 'none declared',
          ],
          ['Labels', <Labels labels={pod.metadata.labels} />],
          [
            'Behind Services',
            services.length ? services.map((s) => s.metadata.name).join(', ') : 'none',
          ],
        ]}
      />
      <h3>NetworkPolicies that select this pod</h3>
      {!facts.enforcing && (
        <p className="callout callout--warning">
          The network plugin does not enforce NetworkPolicy: these policies are stored but nothing
          is blocked.
        </p>
      )}
      {!policies ? (
        <p className="muted">Loading…</p>
      ) : policies.length === 0 ? (
        <p>None: the pod is not isolated, so all ingress and egress traffic is allowed.</p>
      ) : (
        <ul className="why-list">
          {policies.map((p) => (
            <li key={p.name}>
              <strong>{p.name}</strong>{' '}
              <span className="muted">(podSelector: {p.podSelector})</span>
              <ul>
                {p.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <TestForm from={ref} />
    </>
  );
}

function ServiceDetails({ svc }: { svc: Stored<Service> }) {
  const cluster = useLab((s) => s.cluster);
  const rt = useRuntime();
  const pods = clusterFacts(cluster).namespaces.get(svc.metadata.namespace ?? '')?.pods;
  const reasons = useMemo(
    () => (rt ? endpointReasons(rt, pods ?? [], svc) : undefined),
    [rt, pods, svc],
  );
  return (
    <>
      <Facts
        rows={[
          [
            'DNS name',
            <span className="mono">
              {serviceDnsName(
                svc.metadata.name,
                svc.metadata.namespace ?? '',
                cluster.settings.clusterDomain,
              )}
            </span>,
          ],
          ['Type', svc.spec?.type ?? 'ClusterIP'],
          ['ClusterIP', <span className="mono">{svc.spec?.clusterIP ?? 'none'}</span>],
          ['Ports', servicePorts(svc) || 'none'],
          [
            'Selector',
            svc.spec?.selector
              ? Object.entries(svc.spec.selector)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', ')
              : 'none',
          ],
        ]}
      />
      <h3>Endpoints, and why</h3>
      {!reasons ? (
        <p className="muted">Loading…</p>
      ) : reasons.length === 0 ? (
        <p>No pods in this namespace.</p>
      ) : (
        <ul className="why-list">
          {reasons.map((r) => (
            <li key={r.pod} className={r.endpoint ? 'is-ok' : 'is-failed'}>
              {r.endpoint ? <CheckIcon size={13} /> : <CrossIcon size={13} />}{' '}
              <strong>{r.pod}</strong>: {r.endpoint ? 'endpoint' : 'not an endpoint'} — {r.reason}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function AccountDetails({ namespace, name }: { namespace: string; name: string }) {
  const cluster = useLab((s) => s.cluster);
  const rt = useRuntime();
  const perms = useMemo(
    () => (rt ? accountPermissions(rt, cluster, namespace, name) : undefined),
    [rt, cluster, namespace, name],
  );
  const pods = (clusterFacts(cluster).namespaces.get(namespace)?.pods ?? []).filter(
    (p) => podServiceAccount(p) === name,
  );
  return (
    <>
      <Facts
        rows={[
          [
            'Username',
            <span className="mono">{`system:serviceaccount:${namespace}:${name}`}</span>,
          ],
          ['Used by pods', pods.length ? pods.map((p) => p.metadata.name).join(', ') : 'none'],
        ]}
      />
      <h3>Permissions in {namespace} (RBAC)</h3>
      {!perms ? (
        <p className="muted">Loading…</p>
      ) : perms.bindings.length === 0 ? (
        <p>No binding grants it anything.</p>
      ) : (
        <ul className="why-list">
          {perms.bindings.map((b) => (
            <li key={b.source}>
              <strong>{b.source}</strong>
              <ul>
                {b.rules.map((r, i) => (
                  <li key={i}>{r}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {perms && perms.errors.length > 0 && (
        <p className="callout callout--warning">{perms.errors.join('; ')}</p>
      )}
      <p className="muted small">
        Ask the cluster:{' '}
        <code>
          kubectl auth can-i --list --as system:serviceaccount:{namespace}:{name} -n {namespace}
        </code>
      </p>
    </>
  );
}

function PolicyDetails({ policy }: { policy: Stored<NetworkPolicy> }) {
  const store = useLabStore();
  const rt = useRuntime();
  const cluster = useLab((s) => s.cluster);
  const f = clusterFacts(cluster).namespaces.get(policy.metadata.namespace ?? '');
  const selected = (f?.pods ?? []).filter((p) =>
    (f?.isolation.get(p.metadata.name)?.ingress ?? [])
      .concat(f?.isolation.get(p.metadata.name)?.egress ?? [])
      .includes(`${policy.metadata.namespace}/${policy.metadata.name}`),
  );
  const others = (f?.policies ?? []).filter((p) => p !== policy);
  return (
    <>
      <Facts
        rows={[
          ['policyTypes', policyTypesOf(policy.spec).join(', ')],
          [
            'Selects pods',
            selected.length ? selected.map((p) => p.metadata.name).join(', ') : 'none right now',
          ],
        ]}
      />
      {!clusterFacts(cluster).enforcing && (
        <p className="callout callout--warning">
          The network plugin does not enforce NetworkPolicy: this policy is stored but changes
          nothing.
        </p>
      )}
      <h3>What it allows</h3>
      <ul className="why-list">
        {rt ? policyLines(rt, policy).map((l, i) => <li key={i}>{l}</li>) : <li>Loading…</li>}
      </ul>
      <p className="muted small">
        Policies add up: a pod is allowed what any policy selecting it allows, for each direction it
        is isolated in.
      </p>
      {others.length > 0 && (
        <>
          <h3>Other policies in {policy.metadata.namespace}</h3>
          <ul className="why-list">
            {others.map((p) => (
              <li key={p.metadata.name}>
                <button
                  type="button"
                  className="linklike"
                  onClick={() =>
                    store.getState().select({
                      kind: 'NetworkPolicy',
                      namespace: p.metadata.namespace ?? '',
                      name: p.metadata.name,
                    })
                  }
                >
                  {p.metadata.name}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function NamespaceDetails({ name }: { name: string }) {
  const cluster = useLab((s) => s.cluster);
  const f = clusterFacts(cluster).namespaces.get(name);
  if (!f) return null;
  return (
    <>
      <Facts
        rows={[
          ['Labels', <Labels labels={f.labels} />],
          ['Pods', String(f.pods.length)],
          ['Services', String(f.services.length)],
          ['ServiceAccounts', String(f.serviceAccounts.length)],
          [
            'NetworkPolicies',
            f.policies.length ? f.policies.map((p) => p.metadata.name).join(', ') : 'none',
          ],
        ]}
      />
      <p className="muted small">
        Other namespaces reach this room through its Services' DNS names, e.g.{' '}
        <code>SERVICE.{name}</code> or <code>SERVICE.{name}.svc.cluster.local</code>.
      </p>
    </>
  );
}

export function Inspector() {
  const store = useLabStore();
  const cluster = useLab((s) => s.cluster);
  const selection = useLab((s) => s.selection);
  const tests = useLab((s) => s.tests);
  const focusedTest = useLab((s) => s.focusedTest);
  const rt = useRuntime();
  const results = useMemo(
    () => (rt ? rt.runConnectionTests(cluster, tests) : []),
    [rt, cluster, tests],
  );
  const focused = results.find((r) => r.spec.id === focusedTest) ?? results[results.length - 1];
  const kind = selection && kindInfo(selection.kind)?.kind;
  const obj =
    selection && kind ? getObject(cluster, kind, selection.namespace, selection.name) : undefined;

  return (
    <div className="inspector">
      {!selection ? (
        <div className="inspector__empty">
          <h2>Inspector</h2>
          <p>
            Select a room, pod, Service or ServiceAccount in the diagram to see its details and{' '}
            <em>why</em> it behaves as it does.
          </p>
        </div>
      ) : !obj ? (
        <div className="inspector__empty">
          <h2>
            {selection.kind} {selection.name}
          </h2>
          <p>This object no longer exists.</p>
        </div>
      ) : (
        <article aria-labelledby="inspector-title">
          <header className="inspector__head">
            <span className="inspector__kind">{selection.kind}</span>
            <h2 id="inspector-title">
              {selection.namespace ? <span className="muted">{selection.namespace}/</span> : null}
              {selection.name}
            </h2>
            <button
              type="button"
              className="btn btn--small"
              onClick={() => store.getState().select(null)}
              aria-label="Close inspector"
            >
              Close
            </button>
          </header>
          {selection.kind === 'Pod' && <PodDetails pod={obj as Stored<Pod>} />}
          {selection.kind === 'Service' && <ServiceDetails svc={obj as Stored<Service>} />}
          {selection.kind === 'ServiceAccount' && (
            <AccountDetails namespace={selection.namespace ?? ''} name={selection.name} />
          )}
          {selection.kind === 'Namespace' && <NamespaceDetails name={selection.name} />}
          {selection.kind === 'NetworkPolicy' && (
            <PolicyDetails policy={obj as Stored<NetworkPolicy>} />
          )}
        </article>
      )}
      <section className="inspector__tests" aria-labelledby="tests-title">
        <h3 id="tests-title">Last connection test</h3>
        {focused ? (
          <>
            <TestExplanation result={focused} />
            {results.length > 1 && (
              <label className="field">
                <span>Show test</span>
                <select
                  value={focused.spec.id}
                  onChange={(e) => store.getState().focusTest(e.target.value)}
                >
                  {results.map((r) => (
                    <option key={r.spec.id} value={r.spec.id}>
                      {r.spec.from} → {r.spec.url} ({r.result?.ok ? 'allowed' : 'blocked'})
                    </option>
                  ))}
                </select>
              </label>
            )}
            <button
              type="button"
              className="btn btn--small"
              onClick={() => store.getState().removeTest(focused.spec.id)}
            >
              Remove this test
            </button>
          </>
        ) : (
          <p className="muted">
            None yet. Select a pod and use “Test a connection”, or type{' '}
            <code>kubectl exec POD -n NS -- curl -m 2 http://SERVICE.NAMESPACE</code>.
          </p>
        )}
      </section>
    </div>
  );
}
