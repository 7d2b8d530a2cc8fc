/** Messages outside the terminal: a save that could not be restored, an import's result. */
import { useLab, useLabStore } from './store-context.tsx';

export function Notices() {
  const store = useLabStore();
  const notices = useLab((s) => s.notices);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice--${n.tone}`}>
          <span>{n.text}</span>
          <button
            type="button"
            className="btn btn--small"
            onClick={() => store.getState().dismissNotice(n.id)}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
