/**
 * A first-in first-out queue of small jobs (drawing one tile each), drained a few milliseconds
 * per task so the browser can paint between them: a pan that reveals twenty tiles then costs
 * no animation frame more than `budgetMs` of drawing. MessageChannel, not setTimeout: nested
 * timeouts are clamped to 4 ms, which would leave the CPU idle between tiles.
 */

import { postMacrotask } from './macrotask.ts';

export interface TileQueue {
  /** Queues `job`; the returned function cancels it if it has not run yet. */
  push(job: () => void): () => void;
  /** Jobs waiting. */
  readonly size: number;
}

interface Entry {
  run: () => void;
  cancelled: boolean;
}

/** `post` schedules the next drain (injectable for tests); the default posts a message. */
export function createTileQueue(budgetMs = 4, post?: (drain: () => void) => void, now: () => number = () => performance.now()): TileQueue {
  const entries: Entry[] = [];
  let scheduled = false;
  const schedule = post ?? postMacrotask;

  const drain = () => {
    scheduled = false;
    const t0 = now();
    try {
      // At least one job per task, then more while the budget lasts.
      while (entries.length > 0) {
        const entry = entries.shift()!;
        if (entry.cancelled) continue;
        entry.run();
        if (now() - t0 >= budgetMs) break;
      }
    } finally {
      // A job that throws must not stall the tiles queued behind it.
      if (entries.length > 0 && !scheduled) {
        scheduled = true;
        schedule(drain);
      }
    }
  };

  return {
    push(run) {
      const entry: Entry = { run, cancelled: false };
      entries.push(entry);
      if (!scheduled) {
        scheduled = true;
        schedule(drain);
      }
      return () => {
        entry.cancelled = true;
      };
    },
    get size() {
      return entries.filter((e) => !e.cancelled).length;
    },
  };
}
