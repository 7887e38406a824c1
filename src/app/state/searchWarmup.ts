import { searchText, type FeatureTable } from '../../core/engine/filter/featureTable.ts';
import { idleWorkHeldFor, inputPending, whenIdle, type IdleDeadlineLike } from './idle.ts';

/** Schedules a step for the next idle period (`whenIdle`; tests pass their own). */
export type IdleScheduler = (step: (deadline: IdleDeadlineLike) => void) => () => void;

/** Rows lower-cased between two deadline checks (~1 ms of work). */
const ROWS_PER_CHECK = 500;
/**
 * Longest slice, whatever the deadline says: an idle period can offer 50 ms, and a click or a
 * worker's answer arriving meanwhile would wait for the slice to end.
 */
const SLICE_MS = 4;

/**
 * Builds the table's search text in idle time, a few milliseconds per idle period, so the
 * first search does not stop the page for the 0.3–0.5 s that lower-casing 100k titles and
 * quotes takes. A search before it finishes builds the whole text itself (queryTable), and
 * the warm-up then stops. Returns a cancel function.
 *
 * @example
 * useEffect(() => warmSearchWhenIdle(table), [table]);
 */
export function warmSearchWhenIdle(table: FeatureTable, schedule: IdleScheduler = whenIdle): () => void {
  if (table.haystack !== null || table.size === 0) return () => {};
  const hay: string[] = new Array(table.size);
  let next = 0;
  let cancel = () => {};
  const step = (deadline: IdleDeadlineLike) => {
    if (table.haystack !== null) return;
    const held = idleWorkHeldFor();
    if (held > 0) {
      // The map is moving: come back once it has settled.
      const timer = setTimeout(() => (cancel = schedule(step)), held);
      cancel = () => clearTimeout(timer);
      return;
    }
    const stop = performance.now() + SLICE_MS;
    while (next < table.size && deadline.timeRemaining() > 1 && performance.now() < stop && !inputPending()) {
      const end = Math.min(table.size, next + ROWS_PER_CHECK);
      for (; next < end; next++) hay[next] = searchText(table.features[next]!);
    }
    if (next < table.size) cancel = schedule(step);
    else table.haystack = hay;
  };
  cancel = schedule(step);
  return () => cancel();
}
