/** What an idle callback is handed: how much of this idle period is left, in ms. */
export interface IdleDeadlineLike {
  timeRemaining(): number;
}

/** Budget of one slice where there is no requestIdleCallback (a timer has no deadline to ask). */
const FALLBACK_SLICE_MS = 8;

/**
 * Runs `run` in the page's next idle period, with its deadline: requestIdleCallback where there
 * is one (not Safari), elsewhere a short timer and a fixed budget. Returns a cancel function.
 */
export function whenIdle(run: (deadline: IdleDeadlineLike) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(run);
    return () => cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => {
    const end = performance.now() + FALLBACK_SLICE_MS;
    run({ timeRemaining: () => end - performance.now() });
  }, 20);
  return () => clearTimeout(timer);
}

/** Runs `task` once the page is idle. Returns a cancel function, for effect clean-ups. */
export function onIdle(task: () => void): () => void {
  return whenIdle(() => task());
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
