/** Exam mode (being built). */
import type { ModeProps } from './mode-props.ts';

export function ExamMode({ preset }: ModeProps) {
  return <p className="pad">{preset.summary}</p>;
}
