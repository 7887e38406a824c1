/**
 * Writes query parameters into the URL shortly after the last change, not at once:
 * `history.replaceState` costs ~9 ms in Chromium (it updates the session history in the
 * browser process), which is more than the rest of a filter change. Changes made meanwhile are
 * merged into one write; a pending write is flushed when the page is hidden or unloaded.
 */
const DELAY_MS = 200;

let pending: Map<string, string | null> | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

function flush(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  if (pending === null) return;
  const params = new URLSearchParams(window.location.search);
  for (const [key, value] of pending) {
    if (value === null) params.delete(key);
    else params.set(key, value);
  }
  pending = null;
  const query = params.toString();
  const next = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
  if (next !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', next);
  }
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
}

/** Sets (or, with null, removes) query parameters; written within DELAY_MS. */
export function writeQueryParams(changes: Iterable<[string, string | null]>): void {
  pending ??= new Map();
  for (const [key, value] of changes) pending.set(key, value);
  if (timer !== null) clearTimeout(timer);
  timer = setTimeout(flush, DELAY_MS);
}

