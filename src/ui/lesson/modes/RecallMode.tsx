/** Recall mode (being built). */
import type { ModeProps } from './mode-props.ts';

export function RecallMode({ preset }: ModeProps) {
  return <p className="pad">{preset.summary}</p>;
}
