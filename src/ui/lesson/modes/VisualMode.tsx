/** Visual mode (being built). */
import type { ModeProps } from './mode-props.ts';

export function VisualMode({ preset }: ModeProps) {
  return <p className="pad">{preset.summary}</p>;
}
