/**
 * The guided start, "your first cross-namespace call": a non-modal card beside the terminal.
 * The learner runs each curl in the real terminal ("Type it for me" puts it in the command
 * box); the store advances the guide from the interpreter's typed answer, and this card shows
 * the DNS names the engine tried. Skip or Escape closes it (remembered); the help menu replays it.
 */
import { useEffect, useRef, useState } from 'react';
import {
  GUIDE_QUALIFIED_COMMAND,
  GUIDE_SHORT_COMMAND,
  isUntouchedCluster,
  type GuideCall,
  type GuideStep,
} from '../../store/index.ts';
import { useLab, useLabStore } from './store-context.tsx';

const STEP_NUMBER: Record<GuideStep, number> = { welcome: 1, short: 2, qualified: 3, why: 4 };

function CommandToRun({ command }: { command: string }) {
  const store = useLabStore();
  const [copied, setCopied] = useState(false);
  return (
    <div className="guide__command">
      <code>{command}</code>
      <div className="guide__actions">
        <button
          type="button"
          className="btn btn--small btn--primary"
          onClick={() => store.getState().suggestCommand(command)}
        >
          Type it for me
        </button>
        <button
          type="button"
          className="btn btn--small"
          onClick={() =>
            void navigator.clipboard
              ?.writeText(command)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="small muted">
        The command goes in the terminal below; press Enter there to run it.
      </p>
    </div>
  );
}

/** The engine's DNS answer for one curl, as names tried and where it ended. */
function Lookup({ call }: { call: GuideCall }) {
  return (
    <ol className="guide__tried" aria-label={`Names tried for ${call.host}`}>
      {call.tried.map((name) => (
        <li key={name}>
          <code>{name}</code>{' '}
          {name === call.fqdn ? (
            <strong className="guide__found">
              found{call.address ? ` (${call.address})` : ''}
            </strong>
          ) : (
            <span className="guide__missing">not found</span>
          )}
        </li>
      ))}
    </ol>
  );
}

export function FirstCallGuide() {
  const store = useLabStore();
  const guide = useLab((s) => s.guide);
  const untouched = useLab((s) => isUntouchedCluster(s.cluster));
  const title = useRef<HTMLHeadingElement>(null);
  // Focus follows the learner's own button presses; a step the terminal completed is announced.
  const focusNext = useRef(false);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (guide.open && (!wasOpen.current || focusNext.current)) title.current?.focus();
    focusNext.current = false;
    wasOpen.current = guide.open;
  }, [guide.open, guide.step]);
  if (!guide.open) return null;
  const { step, short, qualified } = guide;
  // The search entry that completed the name: what the engine's answer adds after the host.
  const entry =
    qualified?.fqdn && qualified.fqdn.startsWith(`${qualified.host}.`)
      ? qualified.fqdn.slice(qualified.host.length + 1)
      : null;
  const close = () => store.getState().closeGuide();
  const start = () => {
    focusNext.current = true;
    void store.getState().startGuide();
  };
  const showWhy = () => {
    const s = store.getState();
    const test = s.tests.find((t) => t.from === 'team-a/client' && t.url === 'http://web');
    s.select(null);
    if (test) s.focusTest(test.id);
  };

  const announce =
    step === 'qualified' && short
      ? `Step 3 of 4. curl exited ${short.exitCode}: the short name did not resolve.`
      : step === 'why' && qualified
        ? `Step 4 of 4. The namespace-qualified name resolved and ${qualified.answeredBy ?? 'the pod'} answered.`
        : step === 'short'
          ? 'Step 2 of 4. Two rooms loaded.'
          : '';

  return (
    <section
      className="guide"
      role="dialog"
      aria-modal="false"
      aria-labelledby="guide-title"
      aria-describedby="guide-step"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <div className="guide__head">
        <h2 id="guide-title" tabIndex={-1} ref={title}>
          Your first cross-namespace call
        </h2>
        <span className="guide__count" id="guide-step">
          Step {STEP_NUMBER[step]} of 4
        </span>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      {step === 'welcome' && (
        <>
          <p>
            In about a minute: a pod calls a Service in <em>another</em> namespace — first by its
            short name, then by <code>NAME.NAMESPACE</code> — and you see why only one works.
          </p>
          <p>
            It uses two rooms: pod <code>client</code> in <code>team-a</code>, Service{' '}
            <code>web</code> in <code>team-b</code>.
          </p>
          {!untouched && (
            <p className="guide__note">
              Your cluster has your own work in it. The guide starts in a fresh cluster; Undo (or
              History) brings yours back.
            </p>
          )}
          <div className="guide__actions">
            <button type="button" className="btn btn--primary" onClick={start}>
              {untouched ? 'Load the two rooms' : 'Start in a fresh cluster'}
            </button>
            <button type="button" className="btn" onClick={close}>
              Skip
            </button>
          </div>
        </>
      )}
      {step === 'short' && (
        <>
          <p>
            From <code>team-a/client</code>, call the Service by its short name, as you would inside
            one namespace:
          </p>
          <CommandToRun command={GUIDE_SHORT_COMMAND} />
        </>
      )}
      {step === 'qualified' && short && (
        <>
          <p>
            curl exited <strong>{short.exitCode}</strong>: could not resolve host{' '}
            <code>{short.host}</code>. Now give the room too:
          </p>
          <CommandToRun command={GUIDE_QUALIFIED_COMMAND} />
        </>
      )}
      {step === 'why' && short && qualified && (
        <>
          <p>
            It worked: <code>{qualified.answeredBy ?? qualified.host}</code> answered. The pod’s DNS
            search list starts with its <em>own</em> namespace, so the names tried were:
          </p>
          <p className="guide__label">
            <code>{short.host}</code> ({short.rcode}, exit {short.exitCode})
          </p>
          <Lookup call={short} />
          <p className="guide__label">
            <code>{qualified.host}</code> (exit {qualified.exitCode})
          </p>
          <Lookup call={qualified} />
          <p>
            None of the names tried for <code>{short.host}</code> is in <code>team-b</code>
            {entry && (
              <>
                ; <code>{qualified.host}</code> was completed by the <code>{entry}</code> search
                entry
              </>
            )}
            .
          </p>
          <div className="guide__actions">
            <button type="button" className="btn" onClick={showWhy}>
              Show the failed call in the inspector
            </button>
            <button type="button" className="btn btn--primary" onClick={close}>
              Finish
            </button>
          </div>
        </>
      )}
      {step !== 'welcome' && step !== 'why' && (
        <div className="guide__actions guide__actions--end">
          <button type="button" className="btn btn--small" onClick={close}>
            Skip the guide
          </button>
        </div>
      )}
    </section>
  );
}
