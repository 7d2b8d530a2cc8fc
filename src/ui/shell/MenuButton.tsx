/**
 * A button that discloses a short list of actions (the toolbar's "More" and "Help"): Escape or
 * a click outside closes it and gives focus back to the button; choosing an action closes it.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface MenuAction {
  label: string;
  icon?: ReactNode;
  onSelect: () => void;
  disabled?: boolean;
  title?: string;
  /** A toggle's state, announced as pressed. */
  pressed?: boolean;
  /** Listed only when the bar is too narrow to hold the action itself (below 1600 px). */
  narrow?: boolean;
}

export function MenuButton({
  label,
  icon,
  actions,
  className,
}: {
  label: string;
  icon?: ReactNode;
  actions: readonly MenuAction[];
  className?: string;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);
  return (
    <div
      className={`menu ${className ?? ''}`}
      ref={root}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(e) => {
        if (open && !root.current?.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="btn"
        aria-label={label}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        {icon} <span className="btn__text">{label}</span>
        <span aria-hidden="true" className="menu__caret">
          ▾
        </span>
      </button>
      <ul className="menu__list" id={id} hidden={!open} aria-label={label}>
        {actions.map((a) => (
          <li key={a.label} className={a.narrow ? 'menu__narrow' : undefined}>
            <button
              type="button"
              className="menu__item"
              disabled={a.disabled}
              title={a.title}
              {...(a.pressed !== undefined ? { 'aria-pressed': a.pressed } : {})}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
                a.onSelect();
              }}
            >
              {a.icon} <span>{a.label}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
