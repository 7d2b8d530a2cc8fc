/**
 * The terminal: a DOM log of the transcript and a text box running the kubectl interpreter.
 * Colour is only a class on plain text, so a screen reader hears the words as printed.
 * Enter runs the line, except inside an unfinished heredoc (`<<EOF` without its `EOF` line),
 * where it adds a line; Shift+Enter always adds one.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { TerminalLine } from '../../store/index.ts';
import { TerminalIcon } from '../icons.tsx';
import { useLab, useLabStore, useRuntime } from '../shell/store-context.tsx';
import { complete } from './complete.ts';

/** True while the typed text opens a heredoc whose delimiter line has not been typed yet. */
export function heredocOpen(text: string): boolean {
  const lines = text.split('\n');
  const m = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(lines[0] ?? '');
  if (!m) return false;
  const strip = m[1] === '-';
  return !lines.slice(1).some((l) => (strip ? l.replace(/^\t+/, '') : l).trim() === m[3]);
}

const Line = memo(function Line({ line }: { line: TerminalLine }) {
  if (line.kind === 'command') {
    return (
      <div className="term-line term-line--command">
        <span className="term-prompt" aria-hidden="true">
          ${' '}
        </span>
        {line.text}
      </div>
    );
  }
  return <div className={`term-line term-line--${line.kind}`}>{line.text}</div>;
});

export function Terminal() {
  const store = useLabStore();
  const lines = useLab((s) => s.terminal);
  const history = useLab((s) => s.commandHistory);
  const rt = useRuntime();
  const [text, setText] = useState('');
  const [hint, setHint] = useState<string[]>([]);
  const pos = useRef<number | null>(null);
  const draft = useRef('');
  const input = useRef<HTMLTextAreaElement>(null);
  const log = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  // A line offered by a guide: in the box, focused, the caret at its end, not yet run.
  const suggestion = useLab((s) => s.suggestion);
  useEffect(() => {
    if (!suggestion) return;
    setText(suggestion.text);
    const el = input.current;
    el?.focus();
    requestAnimationFrame(() =>
      el?.setSelectionRange(suggestion.text.length, suggestion.text.length),
    );
  }, [suggestion]);

  useEffect(() => {
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 220)}px`;
  }, [text]);

  const submit = () => {
    store.getState().run(text);
    setText('');
    setHint([]);
    pos.current = null;
    draft.current = '';
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    if (e.key === 'Enter' && !e.shiftKey) {
      if (heredocOpen(text)) return; // newline inside the heredoc body
      e.preventDefault();
      submit();
      return;
    }
    if (e.key === 'Tab' && !e.shiftKey && text.trim() !== '' && rt) {
      const { cluster, commandLimit } = store.getState();
      const table = commandLimit
        ? { ...rt, COMMANDS: rt.interpreterFor(commandLimit.commands).commands }
        : rt;
      const c = complete(table, cluster, text, el.selectionStart);
      if (!c) {
        setHint([]);
        return; // nothing to complete: let Tab move focus on
      }
      e.preventDefault();
      setText(c.text);
      setHint(c.candidates.length > 1 ? c.candidates : []);
      requestAnimationFrame(() => el.setSelectionRange(c.cursor, c.cursor));
      return;
    }
    if (e.key === 'Escape') {
      setHint([]);
      return;
    }
    const firstLine = !text.slice(0, el.selectionStart).includes('\n');
    const lastLine = !text.slice(el.selectionEnd).includes('\n');
    if (e.key === 'ArrowUp' && firstLine && history.length > 0) {
      e.preventDefault();
      if (pos.current === null) {
        draft.current = text;
        pos.current = history.length;
      }
      pos.current = Math.max(0, pos.current - 1);
      setText(history[pos.current]!);
    } else if (e.key === 'ArrowDown' && lastLine && pos.current !== null) {
      e.preventDefault();
      pos.current += 1;
      if (pos.current >= history.length) {
        pos.current = null;
        setText(draft.current);
      } else setText(history[pos.current]!);
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      store.getState().clearTerminal();
    }
  };

  return (
    <section className="terminal" aria-labelledby="terminal-title">
      <div className="terminal__bar">
        <h2 id="terminal-title" className="terminal__title">
          <TerminalIcon size={15} /> Terminal
        </h2>
        <span className="terminal__ctx">
          namespace{' '}
          <b>
            <ContextNamespace />
          </b>
        </span>
      </div>
      <div ref={log} className="terminal__log" role="log" aria-label="Terminal output" tabIndex={0}>
        {lines.map((l) => (
          <Line key={l.id} line={l} />
        ))}
      </div>
      {hint.length > 0 && (
        <div className="terminal__hint" role="status">
          {hint.slice(0, 60).join('   ')}
          {hint.length > 60 ? `   … ${hint.length - 60} more` : ''}
        </div>
      )}
      <div className="terminal__input" onClick={() => input.current?.focus()}>
        <span className="term-prompt" aria-hidden="true">
          $
        </span>
        <textarea
          ref={input}
          id="terminal-input"
          aria-label="kubectl command"
          rows={1}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          placeholder="kubectl get pods -A"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHint([]);
          }}
          onKeyDown={onKeyDown}
        />
      </div>
    </section>
  );
}

function ContextNamespace() {
  return <>{useLab((s) => s.cluster.context.namespace)}</>;
}
