/**
 * kubectl's column layout (text/tabwriter with minwidth 6, tabwidth 4, padding 3): each
 * column as wide as its widest cell plus three spaces; the last column is not padded.
 */
export function formatTable(rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '';
  const cols = Math.max(...rows.map((r) => r.length));
  const widths: number[] = [];
  for (let c = 0; c < cols - 1; c++) {
    let w = 0;
    for (const r of rows) w = Math.max(w, (r[c] ?? '').length);
    widths.push(Math.max(w + 3, 6));
  }
  return (
    rows
      .map((r) =>
        r
          .map((cell, c) => (c < r.length - 1 ? cell.padEnd(widths[c]!) : cell))
          .join('')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}

/** kubectl's human-readable age: 45s, 3m12s, 5m, 2h5m, 3d4h, 12d, 2y30d… (duration.HumanDuration). */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.floor(hours / 24) % 365;
    return dy === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** Age of an object from its creationTimestamp against the simulated clock. */
export function age(creationTimestamp: string | undefined, now: number): string {
  if (!creationTimestamp) return '<unknown>';
  return humanDuration(now - Date.parse(creationTimestamp));
}
