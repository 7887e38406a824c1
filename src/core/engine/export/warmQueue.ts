import type { NewsmapFeature } from '../../geoparser/geojson/schema.ts';
import { runParts, type PartsLayout } from './exportParts.ts';
import type { FeatureStringCache } from './featureStringCache.ts';
import type { RunCache } from './runCache.ts';

/**
 * Fills export caches a little at a time, so the work can run in the browser's idle periods
 * after the corpus loads and an export click finds everything ready. The time budget is the
 * caller's (a requestIdleCallback deadline in the app); this class only knows how far it got.
 * DOM-free, so it is tested in Node; the app passes `makeRun = (parts) => new Blob(parts)`.
 *
 * Lists are processed newest first: the newest is what the map shows now, the one an export
 * click takes. Only the newest gets runs (pre-built Blobs): runs of an older view would
 * replace the current view's. Older lists (up to MAX_PENDING; the first is usually the whole
 * corpus) still get their strings, so a filter change does not leave the corpus cold.
 * Features already cached cost one WeakMap lookup.
 *
 * @example
 *   const queue = new WarmQueue([{ strings: geoJsonCache(), layout: GEOJSON_LAYOUT, runs: new RunCache<Blob>() }], (p) => new Blob(p));
 *   queue.enqueue(corpus);
 *   requestIdleCallback(function step(deadline) {
 *     if (!queue.run(() => deadline.timeRemaining() < 1)) requestIdleCallback(step);
 *   });
 */

export interface WarmFormat<T> {
  readonly strings: FeatureStringCache;
  readonly layout: PartsLayout;
  readonly runs?: RunCache<T>;
}

const MAX_PENDING = 4;
/** Strings serialised between two looks at the clock; one takes a few microseconds. */
const BATCH = 16;

interface Job {
  readonly features: readonly NewsmapFeature[];
  /** Phase 2k fills formats[k]'s strings, phase 2k+1 its runs; `next` is the feature to do next. */
  phase: number;
  next: number;
}

export class WarmQueue<T> {
  private pending: Job[] = [];
  private latest: readonly NewsmapFeature[] | null = null;

  constructor(
    private readonly formats: readonly WarmFormat<T>[],
    private readonly makeRun: (parts: string[]) => T,
  ) {}

  /** Adds a list to warm; it becomes the newest (a list already waiting moves to the top). */
  enqueue(features: readonly NewsmapFeature[]): void {
    this.latest = features;
    const waiting = this.pending.findIndex((j) => j.features === features);
    const job = waiting >= 0 ? this.pending.splice(waiting, 1)[0]! : { features, phase: 0, next: 0 };
    if (features.length > 0) this.pending.push(job);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  get idle(): boolean {
    return this.pending.length === 0;
  }

  /**
   * Works until `stop()` says the time is up or nothing is left; always makes some progress.
   * @returns true when the queue is empty (no need to schedule another run).
   */
  run(stop: () => boolean): boolean {
    while (this.pending.length > 0) {
      const job = this.pending[this.pending.length - 1]!;
      const format = this.formats[job.phase >> 1];
      if (format === undefined) {
        this.pending.pop();
        continue;
      }
      const { strings, runs, layout } = format;
      if (job.phase % 2 === 0) {
        // Strings first, in small batches: a run's Blob is then only a copy, a few ms.
        const end = Math.min(job.next + BATCH, job.features.length);
        for (let i = job.next; i < end; i++) strings.get(job.features[i]!);
        job.next = end;
      } else if (runs !== undefined && job.features === this.latest) {
        job.next = runs.build(job.features, job.next, (run) => this.makeRun(runParts(run, layout, strings)));
      } else job.next = job.features.length;
      if (job.next >= job.features.length) {
        job.phase++;
        job.next = 0;
      }
      if (stop()) return this.pending.length === 0;
    }
    return true;
  }
}
