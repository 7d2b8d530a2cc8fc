/** The history timeline: every state since the session began; scrub to travel, pick two to compare. */
import { useMemo, useState } from 'react';
import { CheckIcon, CrossIcon } from '../icons.tsx';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { verdictDiff } from './diff.ts';

function time(at: number): string {
  return at
    ? new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : '';
}

export function HistoryPanel({ onClose }: { onClose: () => void }) {
  const store = useLabStore();
  const rt = useRuntime();
  const entries = useLab((s) => s.entries);
  const index = useLab((s) => s.index);
  const [from, setFrom] = useState<number | null>(null);
  const a = Math.min(from ?? Math.max(0, index - 1), entries.length - 1);
  const b = index;
  const diff = useMemo(
    () => (rt && a !== b ? verdictDiff(rt, entries[a]!, entries[b]!) : undefined),
    [rt, entries, a, b],
  );
  const entryLabel = (i: number) => `${i + 1}. ${entries[i]!.label}`;

  return (
    <section className="history" aria-label="History timeline">
      <div className="history__bar">
        <h2>History</h2>
        <label className="history__scrub">
          <span className="sr-only">Point in history</span>
          <input
            type="range"
            min={0}
            max={entries.length - 1}
            value={index}
            onChange={(e) => store.getState().jumpTo(Number(e.target.value))}
            aria-valuetext={`${index + 1} of ${entries.length}: ${entries[index]?.label ?? ''}`}
          />
        </label>
        <span className="history__now">
          {index + 1} / {entries.length}: <b>{entries[index]?.label}</b>{' '}
          <span className="muted">{time(entries[index]?.at ?? 0)}</span>
        </span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="history__body">
        <ol className="history__list">
          {entries.map((e, i) => (
            <li key={i}>
              <button
                type="button"
                className={`history__entry${i === index ? ' is-current' : ''}`}
                aria-current={i === index ? 'step' : undefined}
                onClick={() => store.getState().jumpTo(i)}
              >
                <span className="history__n">{i + 1}</span> {e.label}
              </button>
            </li>
          ))}
        </ol>
        <div className="history__diff">
          <label className="field field--inline">
            <span>Compare</span>
            <select
              value={a}
              onChange={(e) => setFrom(Number(e.target.value))}
              aria-label="Compare from"
            >
              {entries.map((_, i) => (
                <option key={i} value={i}>
                  {entryLabel(i)}
                </option>
              ))}
            </select>
            <span>with the current state ({index + 1})</span>
          </label>
          {!diff ? (
            <p className="muted">{a === b ? 'Pick an earlier state to compare.' : 'Loading…'}</p>
          ) : (
            <div className="diff">
              {diff.settings.map((s) => (
                <p key={s}>{s}</p>
              ))}
              <h3>Objects ({diff.objects.length})</h3>
              {diff.objects.length === 0 ? (
                <p className="muted">No object changed.</p>
              ) : (
                <ul>
                  {diff.objects.slice(0, 30).map((o) => (
                    <li key={o.key}>
                      <span className={`diff__tag diff__tag--${o.change}`}>{o.change}</span> {o.key}
                    </li>
                  ))}
                </ul>
              )}
              <h3>Connections ({diff.connectionsTotal})</h3>
              {diff.connectionsTotal === 0 ? (
                <p className="muted">No pod-to-pod verdict changed on the declared ports.</p>
              ) : (
                <ul>
                  {diff.connections.map((c) => (
                    <li
                      key={`${c.from}>${c.to}:${c.port}`}
                      className={c.now ? 'is-ok' : 'is-failed'}
                    >
                      {c.now ? <CheckIcon size={12} /> : <CrossIcon size={12} />} {c.from} → {c.to}{' '}
                      :{c.port} now {c.now ? 'allowed' : 'blocked'} —{' '}
                      <span className="muted">{c.reason}</span>
                    </li>
                  ))}
                  {diff.connectionsTotal > diff.connections.length && (
                    <li className="muted">
                      … {diff.connectionsTotal - diff.connections.length} more
                    </li>
                  )}
                </ul>
              )}
              {diff.tests.length > 0 && (
                <>
                  <h3>Connection tests</h3>
                  <ul>
                    {diff.tests.map((t) => (
                      <li key={t.label}>
                        {t.label}:{' '}
                        {t.before === undefined ? 'not run' : t.before ? 'allowed' : 'blocked'} →{' '}
                        {t.after === undefined ? 'not run' : t.after ? 'allowed' : 'blocked'}
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <h3>Permissions ({diff.permissions.length})</h3>
              {diff.permissions.length === 0 ? (
                <p className="muted">No ServiceAccount permission changed.</p>
              ) : (
                <ul>
                  {diff.permissions.map((p, i) => (
                    <li key={i} className={p.now ? 'is-ok' : 'is-failed'}>
                      {p.now ? 'gained' : 'lost'}: {p.account} may {p.rule} — via {p.via}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
