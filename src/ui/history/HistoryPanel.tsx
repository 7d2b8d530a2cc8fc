/** The history timeline: every state since the session began; scrub to travel, pick two to compare. */
import { useLab, useLabStore } from '../shell/store-context.tsx';

export function HistoryPanel({ onClose }: { onClose: () => void }) {
  const store = useLabStore();
  const entries = useLab((s) => s.entries);
  const index = useLab((s) => s.index);
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
        <span className="muted">
          {index + 1} / {entries.length}: <b>{entries[index]?.label}</b>
        </span>
        <button type="button" className="btn btn--small" onClick={onClose}>
          Close
        </button>
      </div>
    </section>
  );
}
