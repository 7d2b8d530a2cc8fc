/** Runs work when the browser is idle (within 2 s), or at once where there is no idle callback. */
export function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: object) => void })
    .requestIdleCallback;
  if (idle) idle(work, { timeout: 2000 });
  else work();
}
