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
