/**
 * Runs `task` once the page is idle (or after a short timeout where requestIdleCallback is
 * missing). Returns a cancel function, for effect clean-ups.
 */
export function onIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'undefined') {
    const t = setTimeout(task, 200);
    return () => clearTimeout(t);
  }
  const handle = requestIdleCallback(task);
  return () => cancelIdleCallback(handle);
}

let quietUntil = 0;

/**
 * Keeps idle-time warm-ups (export caches, search text) quiet for `ms`: the map calls this
 * while it moves, because an idle slice that lands in an animated pan or zoom can still drop
 * a frame (building one Blob is a single native call that no deadline interrupts).
 */
export function holdIdleWork(ms: number): void {
  quietUntil = Math.max(quietUntil, performance.now() + ms);
}

/** How long idle work must still keep quiet, in ms (0 when it may run). */
export function idleWorkHeldFor(): number {
  return Math.max(0, quietUntil - performance.now());
}

const scheduling = (globalThis.navigator as (Navigator & { scheduling?: { isInputPending?: () => boolean } }) | undefined)?.scheduling;

/** Chromium can say a click or key is waiting: idle work then yields at once. */
export function inputPending(): boolean {
  return scheduling?.isInputPending?.() ?? false;
}
